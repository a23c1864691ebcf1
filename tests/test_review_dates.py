"""A page's "Last reviewed" is never earlier than the day the crisis facts it shows were checked.

Get help now lists every line of every region, and the self-assessment (page and embed) shows them
in its crisis help; the home page shows the practice's region's emergency number. Re-checking a
line at its source is a review of every page that shows it, so those pages carry that day or a
later one.
"""

from __future__ import annotations

import datetime as dt
import re

from harness.sitebuild import ROOT, our_site_values
from microsite.crisis import load_crisis_lines
from microsite.freshness import dated_items, page_dates

SOURCE = "data/crisis-lines.yml"
# Blocks that show crisis facts: every region's (lines, hours, sources), or one region's emergency number.
EVERY_REGION = re.compile(r"^/// (crisis-lines|self-assessment)\b", re.M)
EMERGENCY = re.compile(r"^/// emergency\b", re.M)


def latest_fact_shown(page_text: str, crisis: dict, region: str) -> dt.date | None:
    """The latest `checked` day among the crisis facts a page's blocks show, or None if it shows none."""
    if EVERY_REGION.search(page_text):
        return max(item.day for item in dated_items(crisis, SOURCE))
    if EMERGENCY.search(page_text):
        emergency = {"regions": {region: {"emergency": crisis["regions"][region]["emergency"]}}}
        return max(item.day for item in dated_items(emergency, SOURCE))
    return None


def late_reviews(docs_dir, crisis: dict, region: str) -> list[str]:
    problems = []
    for page in page_dates(docs_dir):
        text = (docs_dir / page.label.split("/", 1)[1]).read_text("utf-8")
        latest = latest_fact_shown(text, crisis, region)
        if latest is not None and page.day < latest:
            problems.append(f"{page.label}: reviewed {page.day}, but it shows crisis facts checked on {latest}")
    return problems


CRISIS = {"regions": {
    "US": {"emergency": {"number": "911", "source": "https://x.gov/", "checked": "2026-11-30"},
           "lines": [{"name": "Line", "source": "https://x.org/", "checked": "2026-12-04"}]},
    "GB": {"emergency": {"number": "999", "source": "https://x.nhs.uk/", "checked": "2026-12-05",
                         "go_to": {"text": "A&E", "source": "https://x.nhs.uk/ae", "checked": "2026-12-01"}}}}}


def write_page(docs, name, reviewed, body):
    (docs / name).write_text(f"---\ndescription: A page.\nreviewed: {reviewed}\n---\n\n# Page\n\n{body}\n", "utf-8")


def test_a_page_reviewed_before_the_facts_it_shows_is_named(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_page(docs, "help.md", "2026-12-04", "/// crisis-lines\n///")
    write_page(docs, "quiz.md", "2026-12-05", "/// self-assessment\n///")
    write_page(docs, "home.md", "2026-11-30", "/// emergency\nHelp is here.\n///")
    write_page(docs, "plain.md", "2020-01-01", "No crisis facts here.")
    assert late_reviews(docs, CRISIS, "US") == [
        "docs/help.md: reviewed 2026-12-04, but it shows crisis facts checked on 2026-12-05"]
    # The home page shows only the practice's region's emergency number.
    assert late_reviews(docs, CRISIS, "GB") == [
        "docs/help.md: reviewed 2026-12-04, but it shows crisis facts checked on 2026-12-05",
        "docs/home.md: reviewed 2026-11-30, but it shows crisis facts checked on 2026-12-05"]


def test_no_page_is_reviewed_before_the_crisis_facts_it_shows():
    region = our_site_values()["region"]
    crisis = load_crisis_lines(ROOT / SOURCE)
    problems = late_reviews(ROOT / "docs", crisis, region)
    assert not problems, "\n".join(problems)


def test_get_help_now_is_one_of_the_pages_held():
    text = (ROOT / "docs" / "get-help-now.md").read_text("utf-8")
    assert latest_fact_shown(text, load_crisis_lines(ROOT / SOURCE), "US") is not None
