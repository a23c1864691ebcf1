"""`robots.txt` for the built site: allow everything, and point crawlers at the sitemap.

`site_url` may include a sub-path (https://example.org/learn/); the sitemap lives under it.
Crawlers only read /robots.txt at the host's root, so a site under a sub-path should also have
its Sitemap line added to the host's own robots.txt (the README says so).

Run after any static build: `python -m microsite.robots SITE_DIR SITE_URL`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def sitemap_url(site_url: str) -> str:
    """The absolute URL of MkDocs' sitemap for a site published at `site_url`."""
    return site_url.rstrip("/") + "/sitemap.xml"


def robots_txt(site_url: str | None, folders: tuple[str, ...] = ()) -> str:
    """Allow every crawler; name the sitemap when the site's address is known (and each other
    language's, in its folder such as `es/`)."""
    text = "User-agent: *\nAllow: /\n"
    if not site_url:
        return text
    lines = [f"Sitemap: {sitemap_url(site_url + folder)}" for folder in folders]
    return text + f"\nSitemap: {sitemap_url(site_url)}\n" + "".join(line + "\n" for line in lines)


def write_robots(site_dir: Path, site_url: str | None, folders: tuple[str, ...] = ()) -> Path:
    target = Path(site_dir) / "robots.txt"
    target.write_text(robots_txt(site_url, folders), "utf-8")
    return target


def _site_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s):// URL")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.robots", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site")
    parser.add_argument("site_url", type=_site_url, metavar="SITE_URL",
                        help="where the site is published, an http(s):// URL (a sub-path is kept)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the error
        return int(exit_.code or 0)
    print(f"wrote {write_robots(args.site_dir, args.site_url)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
