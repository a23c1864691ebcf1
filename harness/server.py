"""Serve a built site on 127.0.0.1 with an OS-assigned port, as a static host would.

`_headers` (Netlify / Cloudflare Pages format) is applied when present, so the browser sees the
same security headers a real host would send (unless `apply_headers=False`). With `encodings`,
text is compressed like a CDN does (plain `http.server` sends nothing compressed, which would
overstate every page's weight), and every response's size is logged for the byte budgets.
With `pause_after`, a page is sent up to the end of that marker and held there, as a slow network
may cut it, until the test has seen what the browser paints of it and lets the rest go.
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import io
import re
import secrets
import sys
import threading
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .compress import ENCODINGS, compress, is_text

TOKEN_HEADER = "X-Test-Server"
HOLD_LIMIT = 30  # seconds a held page waits for the test at most


def parse_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse `_headers`: a URL pattern line, then indented `Name: value` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    if not path.exists():
        return rules
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def pattern_matches(pattern: str, path: str) -> bool:
    """`/*` and `/*.svg` style splats (one `*`, any text), as Cloudflare Pages reads them."""
    return re.fullmatch(".*".join(re.escape(piece) for piece in pattern.split("*")), path) is not None


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


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Class attributes are set per server by `serve` (one subclass each)."""

    token = ""
    rules: list = []
    prefix = "/"
    encodings: tuple[str, ...] = ()  # none: files are sent as they are
    compressed: dict = {}  # (path, mtime, encoding) -> bytes
    log: list = []  # every response, as `Sent`
    pause_after = b""  # an HTML page holding this is sent up to its end, then held until `resume` is set
    held: threading.Event  # set once a page is held
    resume: threading.Event

    def log_message(self, *args):  # keep test output clean
        pass

    def translate_path(self, path):
        # Serve the site under a sub-path when asked (e.g. /learn/), as a host would.
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def _local_path(self) -> str:
        return "/" + self.path.split("?", 1)[0].split("#", 1)[0][len(self.prefix):]

    def _rule_headers(self) -> list[tuple[str, str]]:
        # As a host reads `_headers` at the root of what it publishes: rules match the whole path
        # (a site under /learn/ has rules that start with /learn/).
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        return [header for pattern, headers in self.rules if pattern_matches(pattern, path) for header in headers]

    def end_headers(self):
        self.send_header(TOKEN_HEADER, self.token)
        for name, value in self._rule_headers():
            self.send_header(name, value)
        super().end_headers()

    def send_response(self, code, message=None):
        super().send_response(code, message)
        self.sent = Sent(self.path, int(code))
        self.log.append(self.sent)

    def _compressed(self, path: Path, encoding: str) -> bytes:
        key = (str(path), path.stat().st_mtime_ns, encoding)
        if key not in self.compressed:
            self.compressed[key] = compress(path.read_bytes(), encoding)
        return self.compressed[key]

    def _record_body(self, path: Path) -> None:
        """Log what the body weighs raw and in each encoding (binary files are sent as they are)."""
        raw = path.stat().st_size
        sizes = {enc: len(self._compressed(path, enc)) if is_text(path.name) else raw for enc in ENCODINGS}
        self.sent.raw, self.sent.gzip, self.sent.br = raw, sizes["gzip"], sizes["br"]

    def copyfile(self, source, outputfile):
        body = source.read()
        local = self._local_path()
        is_page = local.endswith(("/", ".html"))
        cut = body.find(self.pause_after) if self.pause_after and is_page else -1
        if cut < 0:
            outputfile.write(body)
            return
        cut += len(self.pause_after)
        outputfile.write(body[:cut])
        outputfile.flush()
        self.held.set()
        self.resume.wait(HOLD_LIMIT)  # a test that never lets go still gets its page, late
        outputfile.write(body[cut:])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        encoding = pick_encoding(self.headers.get("Accept-Encoding", ""), self.encodings)
        if not path.is_file() or not is_text(path.name) or encoding is None:
            body = super().send_head()  # directories, redirects, 404s, binary files, no compression
            if self.encodings and body is not None and self.sent.status == 200 and path.is_file():
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
        if path.suffix == ".html" and not any(n.lower() == "cache-control" for n, _ in self._rule_headers()):
            self.send_header("Cache-Control", "no-cache")  # what CDNs default to for pages
        self.end_headers()
        return io.BytesIO(body)


class SiteServer(http.server.ThreadingHTTPServer):
    """A browser drops connections it no longer needs (a page left, a request cancelled): that is
    not an error, and printing its traceback would bury real ones in the test output."""

    DROPPED = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], self.DROPPED):
            return
        super().handle_error(request, client_address)


@dataclass
class Served:
    url: str  # base URL, ending in "/"
    log: list[Sent]  # what the server has sent so far; clear it to start a measurement
    held: threading.Event = field(default_factory=threading.Event)  # a page was held at `pause_after`
    resume: threading.Event = field(default_factory=threading.Event)  # set it to send the rest


@contextmanager
def serve(site_dir: Path, prefix: str = "/", encodings: tuple[str, ...] = (), apply_headers: bool = True,
          pause_after: bytes = b""):
    """Serve `site_dir` on 127.0.0.1 (free port) and yield a `Served`, after checking that the
    server answering is this one. `encodings`: compress text as a CDN would (e.g. ENCODINGS).
    `pause_after`: send uncompressed pages that hold these bytes up to their end, then hold them
    (`held` is set) until `resume` is set."""
    token = secrets.token_hex(8)
    served = Served("", [])
    handler_class = type("Handler", (SiteHandler,), {
        "token": token, "prefix": prefix, "encodings": encodings, "compressed": {}, "log": served.log,
        "pause_after": pause_after, "held": served.held, "resume": served.resume,
        "rules": parse_headers_file(site_dir / "_headers") if apply_headers else [],
    })
    server = SiteServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(site_dir)))
    # A short poll: `shutdown` waits for the loop to look again (0.5 s by default, at every exit).
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    served.url = base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    served.resume.set()  # the check below is never held
    try:
        with urllib.request.urlopen(base) as response:
            if response.headers.get(TOKEN_HEADER) != token:
                raise RuntimeError(f"another server answered on {base}")
        served.log.clear()
        served.held.clear()
        served.resume.clear()
        yield served
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_site(site_dir: Path, prefix: str = "/", apply_headers: bool = True):
    """`serve` uncompressed, yielding just the base URL (what most browser tests need)."""
    with serve(site_dir, prefix, apply_headers=apply_headers) as served:
        yield served.url


@contextmanager
def serve_compressed(site_dir: Path, encodings: tuple[str, ...] = ENCODINGS, prefix: str = "/"):
    """`serve` with text compressed as a CDN sends it, for weighing pages."""
    with serve(site_dir, prefix, encodings) as served:
        yield served
