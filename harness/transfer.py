"""What a reader's browser downloads: every request a page makes, and its bytes on the wire.

Pages are loaded in headless Chromium from the compressing server,
which logs every response it sends; so requests made by workers count, and anything the browser
answers from its cache does not. Bytes are compressed response bodies (headers not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .browser import VIEWPORTS, PageWatch, settle
from .server import Sent, Served, serve_compressed
from .sitebuild import docs_page_urls

# Other origins go to a closed local port: they fail at once, are never fetched, and are still
# recorded. (Routing requests through Playwright instead would switch off the browser cache.)
DEAD_PROXY = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}


@dataclass
class Load:
    """One page load: what the server sent for it, and what the page asked of other origins."""

    url: str
    sent: list[Sent]
    other_origin: list[str]

    @property
    def gzip(self) -> int:
        return sum(s.gzip for s in self.sent)

    @property
    def brotli(self) -> int:
        return sum(s.br for s in self.sent)

    @property
    def requests(self) -> int:
        return len(self.sent)

    @property
    def html_bytes(self) -> int:
        """The page's own HTML, uncompressed (the first response of a full load)."""
        return self.sent[0].raw if self.sent else 0

    @classmethod
    def from_json(cls, data: dict) -> Load:
        """The load `to_json` wrote."""
        return cls(data["url"], [Sent(**sent) for sent in data["responses"]], data["other_origin_requests"])

    def to_json(self) -> dict:
        return {
            "url": self.url, "html_bytes": self.html_bytes, "transferred_gzip": self.gzip,
            "transferred_brotli": self.brotli, "requests": self.requests,
            "other_origin_requests": self.other_origin,
            "responses": [vars(s) for s in self.sent],
        }


class Visitor:
    """One reader with one browser cache: the first load is a first visit, later ones are not."""

    def __init__(self, browser, served: Served, viewport: str = "phone"):
        self.served = served
        self.context = browser.new_context(viewport=VIEWPORTS[viewport], service_workers="block", proxy=DEAD_PROXY)
        self.page = self.context.new_page()
        base = urlsplit(served.url)
        self.watch = PageWatch(origin=f"{base.scheme}://{base.netloc}")
        self.watch.follow(self.page)

    def close(self):
        self.context.close()

    def visit(self, path: str) -> Load:
        """Load `path` (relative to the base URL) as a full page load.

        In-site navigation is measured this way too: instant navigation fetches the same page HTML
        (and only engages when the sitemap's URLs match the host, port included, which a local
        server on a free port never does).
        """
        return self._record(lambda: self.page.goto(self.served.url + path, wait_until="load"))

    def _record(self, action) -> Load:
        self.served.log.clear()
        before = len(self.watch.requests)
        action()
        settle(self.page)  # the search worker fetches its index after the load, the browser the icon
        others = [url for url in self.watch.requests[before:] if url in self.watch.other_origin_requests]
        return Load(self.page.url, list(self.served.log), others)


def first_visit(browser, served: Served, path: str, viewport: str = "phone") -> Load:
    """A reader's first visit to `path`, with an empty cache."""
    visitor = Visitor(browser, served, viewport)
    try:
        return visitor.visit(path)
    finally:
        visitor.close()


def page_paths(roots: tuple[str, ...] = ("",)) -> list[str]:
    """Every page of the site as a path under the base URL ("" is the home page), in each language
    whose folder is in `roots` ("" for the default language, `es/`...)."""
    return [root + path for root in roots for path in docs_page_urls() + ["404.html"]]


def first_visits(browser, site_dir: Path, paths: list[str], viewport: str = "phone") -> dict[str, Load]:
    """Each of `paths` in `site_dir` as a first visit (empty cache), served compressed."""
    with serve_compressed(site_dir) as served:
        return {path: first_visit(browser, served, path, viewport) for path in paths}


def repeat_visits(browser, site_dir: Path, paths: list[str], viewport: str = "phone",
                  roots: tuple[str, ...] = ("",)) -> dict[str, Load]:
    """Each of `paths` reached from another page of the site in its language (the language's home
    page, or for the home page the next one; `roots`: each language's folder): what moving around
    costs once the shared assets are cached."""
    result = {}
    with serve_compressed(site_dir) as served:
        for path in paths:
            home = max((root for root in roots if path.startswith(root)), key=len)
            visitor = Visitor(browser, served, viewport)
            try:
                visitor.visit(next(p for p in paths if p.startswith(home) and p != path) if path == home else home)
                result[path] = visitor.visit(path)
            finally:
                visitor.close()
    return result
