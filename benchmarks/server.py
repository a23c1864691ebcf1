"""A local static server that compresses text like a CDN (plain `http.server` sends nothing
compressed, which would overstate every page's weight).

It extends the test server (tests/serve.py), so `_headers` rules, the sub-path prefix and the
"is this server ours" token work the same way.
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import io
import secrets
import threading
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from serve import TOKEN_HEADER, SiteHandler, parse_headers_file, pattern_matches

from .compress import ENCODINGS, compress, is_text


def pick_encoding(accept_encoding: str, offered: tuple[str, ...]) -> str | None:
    """The first of `offered` that the client accepts (q=0 means refused)."""
    accepted = set()
    for item in accept_encoding.split(","):
        name, _, params = item.strip().partition(";")
        if params.replace(" ", "") not in ("q=0", "q=0.0"):
            accepted.add(name.strip().lower())
    return next((enc for enc in offered if enc in accepted), None)


@dataclass
class Sent:
    """One response as the server sent it: the body's size raw, gzip and brotli (0 if no body)."""

    path: str
    status: int
    raw: int = 0
    gzip: int = 0
    br: int = 0


class CompressingHandler(SiteHandler):
    encodings: tuple[str, ...] = ENCODINGS
    compressed: dict = {}  # (path, mtime, encoding) -> bytes, one dict per server
    log: list = []  # every response, as `Sent`, one list per server

    def _compressed(self, path: Path, encoding: str) -> bytes:
        key = (str(path), path.stat().st_mtime_ns, encoding)
        if key not in self.compressed:
            self.compressed[key] = compress(path.read_bytes(), encoding)
        return self.compressed[key]

    def send_response(self, code, message=None):
        super().send_response(code, message)
        self.sent = Sent(self.path, int(code))
        self.log.append(self.sent)

    def _record_body(self, path: Path) -> None:
        """Log what the body weighs raw and in each encoding (binary files are sent as they are)."""
        raw = path.stat().st_size
        sizes = {enc: len(self._compressed(path, enc)) if is_text(path.name) else raw for enc in ENCODINGS}
        self.sent.raw, self.sent.gzip, self.sent.br = raw, sizes["gzip"], sizes["br"]

    def _rule_sets(self, name: str) -> bool:
        """Whether a `_headers` rule sets header `name` for the requested path."""
        local = "/" + self.path.split("?", 1)[0].split("#", 1)[0][len(self.prefix):]
        return any(pattern_matches(pattern, local) and any(n.lower() == name.lower() for n, _ in headers)
                   for pattern, headers in self.rules)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        encoding = pick_encoding(self.headers.get("Accept-Encoding", ""), self.encodings)
        if not path.is_file() or not is_text(path.name) or encoding is None:
            body = super().send_head()  # directories, redirects, 404s, binary files
            if body is not None and self.sent.status == 200 and path.is_file():
                self._record_body(path)
            return body
        stat = path.stat()
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:
            try:
                if int(stat.st_mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(http.server.HTTPStatus.NOT_MODIFIED)
                    self.end_headers()
                    return None
            except (TypeError, ValueError):
                pass
        body = self._compressed(path, encoding)
        self.send_response(http.server.HTTPStatus.OK)
        self._record_body(path)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        if path.suffix == ".html" and not self._rule_sets("Cache-Control"):
            self.send_header("Cache-Control", "no-cache")  # what CDNs default to for pages
        self.end_headers()
        return io.BytesIO(body)


@dataclass
class Served:
    url: str  # base URL, ending in "/"
    log: list[Sent]  # what the server has sent so far; clear it to start a measurement


@contextmanager
def serve_compressed(site_dir: Path, encodings: tuple[str, ...] = ENCODINGS, prefix: str = "/"):
    """Serve `site_dir` on 127.0.0.1 (free port), compressed; yield a `Served`."""
    token = secrets.token_hex(8)
    log: list[Sent] = []
    handler_class = type("Handler", (CompressingHandler,), {
        "token": token, "rules": parse_headers_file(site_dir / "_headers"), "prefix": prefix,
        "encodings": encodings, "compressed": {}, "log": log,
    })
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    try:
        with urllib.request.urlopen(base) as response:
            if response.headers.get(TOKEN_HEADER) != token:
                raise RuntimeError(f"another server answered on {base}")
        log.clear()
        yield Served(base, log)
    finally:
        server.shutdown()
        server.server_close()
