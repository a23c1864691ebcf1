"""The folder a host publishes: the built site under its sub-path, `_headers` at the top.

A site whose `site_url` has a path (https://example.org/learn/) is served from that folder of the
host; Netlify and Cloudflare Pages read `_headers` only at the top of what they publish, and its
rules already start with the path (`headers.py`). So the publish folder holds the site in `learn/`
and `_headers` beside it; for a site at a host's root it is the site as it is.

    python -m microsite.publish SITE_DIR PUBLISH_DIR [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit


def lay_out(site_dir: Path, publish_dir: Path, site_url: str | None) -> Path:
    """Copy the built site into `publish_dir` (emptied first) as a host serves it; return the
    folder that holds the site's own pages."""
    site_dir, publish_dir = Path(site_dir), Path(publish_dir)
    if publish_dir.resolve() == site_dir.resolve() or site_dir.resolve().is_relative_to(publish_dir.resolve()):
        raise ValueError(f"{publish_dir} would hold {site_dir}: choose another folder")
    shutil.rmtree(publish_dir, ignore_errors=True)
    path = urlsplit(site_url or "").path.strip("/")
    target = publish_dir / path if path else publish_dir
    shutil.copytree(site_dir, target)
    if path and (target / "_headers").is_file():
        (target / "_headers").replace(publish_dir / "_headers")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.publish", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site")
    parser.add_argument("publish_dir", type=Path, metavar="PUBLISH_DIR", help="the folder to publish (emptied first)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="MKDOCS_YML",
                        help="the config the site was built from, for its site_url (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html: build the site first")
    from . import mkdocs_config  # the config as the build read it, the practice's folder too
    from .data import DataError
    from .site import read_settings

    try:
        settings, _ = read_settings(mkdocs_config.site_inputs(mkdocs_config.load(args.config)))
        target = lay_out(args.site_dir, args.publish_dir, settings["site_url"])
    except (DataError, ValueError) as exc:
        parser.exit(1, f"error: {exc}\n")
    print(f"Publish {args.publish_dir} (the site is in {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
