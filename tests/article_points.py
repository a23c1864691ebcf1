"""The source article's 17 points and the stable anchor that covers each one.

This is the one list of deep-link anchors: tests/test_content_coverage.py checks every anchor in the
built site, and checks that the README's anchor table is exactly `readme_table()`. To add or move an
anchor, change it here, in the page's heading (`{ #id }`), and paste `readme_table()` into the README.
"""

from __future__ import annotations

from typing import NamedTuple


class Point(NamedTuple):
    page: str    # Markdown file under docs/
    anchor: str  # explicit heading id on that page
    point: str   # the article's point, as the article names it


POINTS: tuple[Point, ...] = (
    # Personal performance coaching: six characteristics.
    Point("coaching.md", "goal-oriented", "Coaching 1: Goal-oriented"),
    Point("coaching.md", "action-focused", "Coaching 2: Action and solution-focused"),
    Point("coaching.md", "accountability", "Coaching 3: Accountability"),
    Point("coaching.md", "client-driven", "Coaching 4: Client-driven"),
    Point("coaching.md", "future-oriented", "Coaching 5: Future-oriented"),
    Point("coaching.md", "non-therapeutic", "Coaching 6: Non-therapeutic"),
    # Therapy: six aspects.
    Point("therapy.md", "treats-mental-health-conditions", "Therapy 1: Treatment of mental health issues"),
    Point("therapy.md", "past-and-present", "Therapy 2: Past and present exploration"),
    Point("therapy.md", "emotional-healing", "Therapy 3: Emotional healing"),
    Point("therapy.md", "clinical-diagnosis", "Therapy 4: Clinical diagnosis"),
    Point("therapy.md", "patient-centered", "Therapy 5: Patient-centered"),
    Point("therapy.md", "confidential-and-ethical", "Therapy 6: Confidential and ethical"),
    # Key differences: five.
    Point("differences.md", "focus", "Difference 1: Focus"),
    Point("differences.md", "practitioners", "Difference 2: Practitioners"),
    Point("differences.md", "issues-addressed", "Difference 3: Issues addressed"),
    Point("differences.md", "approach", "Difference 4: Approach"),
    Point("differences.md", "diagnosis", "Difference 5: Diagnosis"),
)


def site_path(page: str) -> str:
    """Where a page lands in the built site with directory URLs: coaching.md -> coaching/index.html."""
    stem = page.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem}/index.html"


def readme_table() -> str:
    """The README's anchor table, generated from POINTS."""
    rows = ["| page | anchor | article point |", "|---|---|---|"]
    rows += [f"| `{p.page}` | `#{p.anchor}` | {p.point} |" for p in POINTS]
    return "\n".join(rows)
