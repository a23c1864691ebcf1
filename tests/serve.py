"""Serve a built site on 127.0.0.1 with an OS-assigned port, for browser tests.

`_headers` (Netlify / Cloudflare Pages format) is applied when present, so the browser sees the
same security headers a real host would send.
"""

from __future__ import annotations

import functools
import http.server
import secrets
import threading
import urllib.request
from contextlib import contextmanager
from pathlib import Path

TOKEN_HEADER = "X-Test-Server"


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
    """`/*` style splats, as the static hosts understand them."""
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    token = ""
    rules: list = []
    prefix = "/"

    def log_message(self, *args):  # keep test output clean
        pass

    def translate_path(self, path):
        # Serve the site under a sub-path when asked (e.g. /learn/), as a host would.
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def end_headers(self):
        self.send_header(TOKEN_HEADER, self.token)
        local = "/" + self.path.split("?", 1)[0].split("#", 1)[0][len(self.prefix):]
        for pattern, headers in self.rules:
            if pattern_matches(pattern, local):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve_site(site_dir: Path, prefix: str = "/"):
    """Yield the base URL of a server for `site_dir`, after checking that it is ours."""
    token = secrets.token_hex(8)
    handler = functools.partial(
        type("Handler", (SiteHandler,), {
            "token": token, "rules": parse_headers_file(site_dir / "_headers"), "prefix": prefix,
        }),
        directory=str(site_dir),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    try:
        with urllib.request.urlopen(base) as response:
            if response.headers.get(TOKEN_HEADER) != token:
                raise RuntimeError(f"another server answered on {base}")
        yield base
    finally:
        server.shutdown()
        server.server_close()
