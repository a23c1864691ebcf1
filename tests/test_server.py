"""The test server stays quiet when a browser drops a connection, and still reports real errors."""

from __future__ import annotations

import socket
import struct
import time
import urllib.request

import pytest

from harness.server import SiteHandler, serve


def hang_up_mid_request(url: str) -> None:
    """Ask for the page and close the socket with a reset, as a browser that left does."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST on close
        sock.sendall(b"GET /big.html HTTP/1.1\r\nHost: x\r\n\r\n")
        sock.recv(1024)  # the answer has begun: the server is writing when the socket goes


def test_a_dropped_connection_prints_nothing(tmp_path, capfd):
    (tmp_path / "index.html").write_text("<p>hi</p>")
    (tmp_path / "big.html").write_text("<p>" + "x" * 4_000_000 + "</p>")
    with serve(tmp_path) as served:
        for _ in range(3):
            hang_up_mid_request(served.url)
        time.sleep(0.5)  # the server's threads see the reset and finish
    assert "Traceback" not in capfd.readouterr().err


def test_a_real_error_is_still_printed(tmp_path, capfd, monkeypatch):
    (tmp_path / "index.html").write_text("<p>hi</p>")
    with serve(tmp_path) as served:
        monkeypatch.setattr(SiteHandler, "_rule_headers", lambda self: 1 / 0)  # a bug in the server
        with pytest.raises(OSError):  # it hangs up on the request it could not answer
            urllib.request.urlopen(served.url + "index.html")
    err = capfd.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError" in err
