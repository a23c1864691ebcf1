"""The performance goals, in one place: tests/test_budgets.py enforces the byte budgets, scripts/bench
reports every goal (bytes, build time, Lighthouse) as met or not met.

KB here is 1,000 bytes; sizes are gzip-compressed bodies as a CDN would send them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from harness.compress import gzip_size

KB = 1000
# Any page, first visit, everything it loads. The Spanish self-assessment is the largest (130.8 KB:
# Material's bundle and search with Spanish word rules, the whole questionnaire with its longer
# Spanish words and its page written in Spanish, the crisis help of every region, each region's
# short help and therapist finders, and country.js): 131 KB holds it with little room.
PAGE_MAX = 131 * KB
# Over bare Material built from the same docs/, whose copy carries the words of our data-driven
# blocks too (benchmarks/block_markdown.py): what our machinery costs, not our words.
CONTENT_OVER_BARE = 2 * KB  # a content page
SELF_ASSESSMENT_OVER_BARE = 10 * KB  # the self-assessment page(s)
SELF_ASSESSMENT_ASSETS = 8 * KB  # its own files (JS; its styles are in site.css)
REPEAT_VISIT_MAX = 10 * KB  # any page reached from another page (shared assets cached)
# The self-assessment reached from another page: the whole form stays in its HTML (every question,
# the scoring guide, every result and the crisis help, so it works before and without JS), plus its
# own JS, which no other page loads. The form on its own, as the embed serves it, is held to 14 KB.
# The page puts around it what the embed leaves out: the header, navigation and footer, and its
# introduction and notes on the questions (2.5 KB), and the header's language switch (0.3 KB: its
# icon and a link per language), so it is held to 14 + 2.8 KB.
SELF_ASSESSMENT_FORM_REPEAT_MAX = 14 * KB
AROUND_THE_FORM = int(2.8 * KB)
SELF_ASSESSMENT_REPEAT_MAX = SELF_ASSESSMENT_FORM_REPEAT_MAX + AROUND_THE_FORM
SELF_ASSESSMENT_PAGE = "self-assessment/"
SELF_ASSESSMENT_EMBED = "self-assessment-embed/"

SELF_ASSESSMENT_PREFIX = "self-assessment"  # the page and its embeddable copy
# The self-assessment's own files (relative to the built site); each must exist. Its styles are in
# the site's stylesheet (site.css), which every page loads.
SELF_ASSESSMENT_FILES = ("assets/javascripts/self-assessment.js",)

# Build time (scripts/bench only, never a test: time depends on the machine), against bare Material.
# Our fixed cost: what a build of this site takes over bare Material's build of the same words (the
# checks that run once per build: config, data files, the self-assessment's rules, templates).
BUILD_FIXED_OVER_BARE_S = 0.25
# Our time per added page, from 100 to 500 synthetic pages, against bare Material's.
BUILD_PER_PAGE_RATIO = 1.25
PER_PAGE_FROM, PER_PAGE_TO = 100, 500
# Growth is linear when the time per added page from 100 to 500 pages is at most this factor of
# the time per added page from 10 to 100 (a cost that grew with the site's size would exceed it).
LINEAR_SLOPE_FACTOR = 1.5

# Lighthouse, median of runs, each category on every page measured (0-100). Performance varies
# with the machine's load; 90 is where Lighthouse's "good" begins.
LIGHTHOUSE_MIN = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
# Side by side with bare Material (mobile, runs alternating ours/bare, medians): on these pages our
# performance score is at least bare's, our LCP and Total Blocking Time at most bare's.
LIGHTHOUSE_VS_BARE_PAGES = ("", "self-assessment/", "differences/")
LIGHTHOUSE_VS_BARE_FORM_FACTOR = "mobile"
# Scores reported but not counted: the embed is `noindex` on purpose (a copy for iframes).
LIGHTHOUSE_NOT_COUNTED = {(SELF_ASSESSMENT_EMBED, "seo")}


CONTENT_PAGES = "every content page"  # a NOT_YET_MET entry for all pages but the self-assessment's

# Where a byte goal is not met yet, the tests hold the line at today's measured size (plus a
# little room), so nothing grows unnoticed. Each entry says why; remove it once the page meets
# its goal. (kind, page) -> (goal, ceiling) in bytes; kind is "over-bare" or "repeat".
NOT_YET_MET: dict[tuple[str, str], tuple[int, int]] = {
    # Every page now carries its Content-Security-Policy in a <meta> tag, so it holds on hosts that
    # send no headers (GitHub Pages): 0.4 KB, mostly its script hashes, which do not compress. The
    # embed also measures the tallest state the questionnaire can take, so the height it tells its
    # host never depends on the reader's answers: 0.7 KB of script. The two self-assessment pages
    # were at their goals before, and are now over by that much.
    # Each language's pages are held to the same ceilings. The script's words come in the page, in
    # its language (the block's data-sa-text, 0.4 KB), and Spanish words are longer than English
    # ones (the Spanish questionnaire is 1.1 KB more). The page also says who stands behind it
    # (author, next review) and its footer links the pages on how the site is made and checked.
    # Help for the reader's own country: above the questions, every region's short help (one shown)
    # and the chooser with the regions' time zones (0.46 KB); in the results every region's
    # therapist finders (0.75 KB) and the PHQ-4 bands in words (0.34 KB). In Spanish the most:
    # the embed 19.0 KB, the page 21.3 KB.
    ("repeat", SELF_ASSESSMENT_EMBED): (SELF_ASSESSMENT_FORM_REPEAT_MAX, int(19.3 * KB)),
    ("repeat", SELF_ASSESSMENT_PAGE): (SELF_ASSESSMENT_REPEAT_MAX, int(21.6 * KB)),
    ("over-bare", SELF_ASSESSMENT_PAGE): (SELF_ASSESSMENT_OVER_BARE, int(13.3 * KB)),
    # Get help now lists every region's crisis lines, whose descriptions grew when each was checked
    # again at its provider's own page (9.8 KB); with the page's policy, each line's languages and
    # hours written out from the data, the list of countries at its top, each country folded, the
    # youth lines, the lines for men and for LGBT+ people and the emergency number by text, 12.5 KB;
    # in Spanish 13.3 KB.
    ("repeat", "get-help-now/"): (REPEAT_VISIT_MAX, int(13.5 * KB)),
    # Sources grew with the content review's sources; with the header's language switch (0.3 KB)
    # it is 10.2 KB; the Spanish page, written in Spanish with a line on what each source is,
    # 11.5 KB.
    ("repeat", "sources/"): (REPEAT_VISIT_MAX, int(11.7 * KB)),
    # Every content page, over bare Material on a first visit: the language switch (its script,
    # 0.3 KB), instant navigation's sitemap, which lists each page in both languages (0.5 KB), who
    # wrote and reviewed each page and the footer's links to how the site is made and checked
    # (0.3 KB), and the styles of the country help (site.css, 0.7 KB more) put the pages 3.7 to
    # 4.2 KB over bare (the Spanish FAQ the most).
    ("over-bare", CONTENT_PAGES): (CONTENT_OVER_BARE, int(4.3 * KB)),
    # The pages with the country help at their top (home, Get help now) also load country.js
    # (1.1 KB) and hold every region's short help and the chooser: 4.6 and 5.1 KB over bare, in
    # Spanish 5.7 and 6.7 KB.
    ("over-bare", ""): (CONTENT_OVER_BARE, int(5.9 * KB)),
    ("over-bare", "get-help-now/"): (CONTENT_OVER_BARE, int(6.9 * KB)),
}


def stale_ceilings(measured: Callable[[str, str], int],
                   entries: dict[tuple[str, str], tuple[int, int]] = NOT_YET_MET) -> list[str]:
    """The entries of `entries` that must go: a ceiling not above its goal, or a page that now
    meets its goal (`measured(kind, page)` gives today's bytes), so the goal itself applies again."""
    problems = []
    for (kind, page), (goal, ceiling) in entries.items():
        if ceiling <= goal:
            problems.append(f"/{page} {kind}: ceiling {ceiling} is not above its goal {goal}")
        elif (size := measured(kind, page)) <= goal:
            problems.append(f"/{page} now meets its {kind} goal ({size} <= {goal}): remove its NOT_YET_MET entry")
    return problems


def goal_over_bare(page: str) -> int:
    """What the page may cost over bare Material (the goal the bench reports against)."""
    return SELF_ASSESSMENT_OVER_BARE if page.startswith(SELF_ASSESSMENT_PREFIX) else CONTENT_OVER_BARE


def allowance_over_bare(page: str) -> int:
    """What the tests allow: the goal, or today's ceiling where the goal is not met yet."""
    entry = NOT_YET_MET.get(("over-bare", page))
    if entry is None and not page.startswith(SELF_ASSESSMENT_PREFIX):
        entry = NOT_YET_MET.get(("over-bare", CONTENT_PAGES))
    return entry[1] if entry else goal_over_bare(page)


def repeat_visit_goal(page: str) -> int:
    """What a page reached from another one may cost (the goal the bench reports against)."""
    return {SELF_ASSESSMENT_PAGE: SELF_ASSESSMENT_REPEAT_MAX,
            SELF_ASSESSMENT_EMBED: SELF_ASSESSMENT_FORM_REPEAT_MAX}.get(page, REPEAT_VISIT_MAX)


def repeat_visit_max(page: str) -> int:
    """What the tests allow for a page reached from another one: the goal, or today's ceiling."""
    return NOT_YET_MET.get(("repeat", page), (0, repeat_visit_goal(page)))[1]


def self_assessment_assets(site_dir: Path) -> dict[str, int]:
    """Gzip size of each of the self-assessment's own JS (and CSS, should it get a file of its own) as
    the built site serves them (modules it is split into count too: every asset whose name starts with
    `self-assessment`).
    Missing files raise."""
    missing = [name for name in SELF_ASSESSMENT_FILES if not (site_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing in {site_dir}: {', '.join(missing)}")
    files = sorted(
        path for folder in ("assets/javascripts", "assets/stylesheets")
        for path in (site_dir / folder).rglob("self-assessment*") if path.suffix in (".js", ".css", ".mjs")
    )
    return {path.relative_to(site_dir).as_posix(): gzip_size(path.read_bytes()) for path in files}
