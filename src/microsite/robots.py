"""`robots.txt` for the built site: allow everything, and point crawlers at the sitemap.

`site_url` may include a sub-path (https://example.org/learn/); the sitemap lives under it.
Crawlers only read /robots.txt at the host's root, so a site under a sub-path should also have
its Sitemap line added to the host's own robots.txt (the README says so).

Run after any static build: `python -m microsite.robots SITE_DIR SITE_URL`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def sitemap_url(site_url: str) -> str:
    """The absolute URL of MkDocs' sitemap for a site published at `site_url`."""
    return site_url.rstrip("/") + "/sitemap.xml"


def robots_txt(site_url: str | None) -> str:
    """Allow every crawler; name the sitemap when the site's address is known."""
    text = "User-agent: *\nAllow: /\n"
    return text + f"\nSitemap: {sitemap_url(site_url)}\n" if site_url else text


def write_robots(site_dir: Path, site_url: str | None) -> Path:
    target = Path(site_dir) / "robots.txt"
    target.write_text(robots_txt(site_url), "utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[1].startswith(("http://", "https://")):
        print("usage: python -m microsite.robots SITE_DIR SITE_URL (an http(s):// URL)", file=sys.stderr)
        return 2
    print(f"wrote {write_robots(Path(args[0]), args[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
