"""Where each crisis fact was checked: a source on a news item or a partner's site needs a `note`.

The provider's own site or a government health service's page is the source we want (see
tests/test_crisis_data.py). A news item, even on a government's or the provider's own site, and a
partner's page only stand in when nothing better could be checked, and then the entry says so in
its `note`, which the page shows next to the source. For the emergency number and where to go, the
note is the emergency's own.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from harness.sitebuild import ROOT
from microsite.crisis import load_crisis_lines
from test_crisis_data import GOVERNMENT, _host, _on

# Sites that publish news about services rather than run them.
NEWS_SITES = ("bbc.co.uk", "bbc.com", "prnewswire.com", "newswire.ca", "wired-gov.net", "itv.com", "rte.ie")
# A path that reads as a news item, a press release or a blog post, on any site.
NEWS_PATH = re.compile(r"/(news|news-room|newsroom|press|press-releases?|press-announcements|media-releases?|"
                       r"news-and-media-releases|grantee-news|blogs?)(/|$)", re.I)


def kind_of_source(url: str, website: str | None) -> str:
    """'news', 'provider', 'government' or 'partner' (anyone else's page)."""
    host = _host(url)
    if any(_on(host, site) for site in NEWS_SITES) or NEWS_PATH.search(urlsplit(url).path):
        return "news"
    if website and (_on(host, _host(website)) or _on(_host(website), host)):
        return "provider"
    if any(_on(host, domain) for domain in GOVERNMENT):
        return "government"
    return "partner"


def unexplained_sources(data: dict) -> list[str]:
    """Every source on a news or partner page whose entry has no `note`, named by its place."""
    problems = []
    for code, region in data["regions"].items():
        emergency = region["emergency"]
        places = [(f"regions.{code}.emergency", emergency["source"], None, emergency)]
        for key in ("go_to", "by_text"):
            if emergency.get(key):
                places.append((f"regions.{code}.emergency.{key}", emergency[key]["source"], None, emergency))
        for kind in ("lines", "abuse_lines"):
            for i, line in enumerate(region.get(kind, [])):
                places.append((f"regions.{code}.{kind}[{i}]", line["source"], line.get("website"), line))
        for where, url, website, entry in places:
            found = kind_of_source(url, website)
            if found in ("news", "partner") and not entry.get("note"):
                problems.append(f"{where}: {url} is a {found} page, and the entry has no note saying why")
    return problems


@pytest.mark.parametrize("url, website, expected", [
    ("https://merrionstreet.ie/en/news-room/releases/x.html", None, "news"),
    ("https://www.samhsa.gov/newsroom/press-announcements/20230908/x", None, "news"),
    ("https://bcuhb.nhs.wales/news/health-board-news/x/", None, "news"),
    ("https://www.bbc.co.uk/news/uk-wales-politics-65952222", None, "news"),
    ("https://988lifeline.org/get-help/what-to-expect", "https://988lifeline.org/", "provider"),
    ("https://wa.lifeline.org.au/resources/x/", "https://www.lifeline.org.au/", "provider"),
    ("https://www.cntw.nhs.uk/need-help-now", None, "government"),
    ("https://www.hhs.texas.gov/services/safety/family-violence-program", "https://www.thehotline.org/", "government"),
    ("https://victimsupportni.com/help", "https://www.dsahelpline.org/", "partner"),
])
def test_sources_are_told_apart(url, website, expected):
    assert kind_of_source(url, website) == expected


def test_a_news_source_without_a_note_is_named_and_a_note_clears_it():
    line = {"name": "Text Line", "contact": [{"text": "50808"}], "hours": "24 hours", "languages": ["English"],
            "source": "https://merrionstreet.ie/en/news-room/releases/x.html", "checked": "2026-12-06"}
    emergency = {"number": "112", "source": "https://www2.hse.ie/x/", "checked": "2026-12-06",
                 "go_to": {"text": "the ED", "source": "https://merrionstreet.ie/en/news-room/y.html", "checked": "2026-12-06"}}
    data = {"regions": {"IE": {"emergency": emergency, "lines": [line]}}}
    assert unexplained_sources(data) == [
        "regions.IE.emergency.go_to: https://merrionstreet.ie/en/news-room/y.html is a news page, and the entry has no note saying why",
        "regions.IE.lines[0]: https://merrionstreet.ie/en/news-room/releases/x.html is a news page, and the entry has no note saying why",
    ]
    line["note"] = "Checked at a Government of Ireland news release."
    emergency["note"] = "Where to go was checked at a news release."
    assert unexplained_sources(data) == []


def test_no_crisis_source_is_a_news_or_partner_page_without_a_note():
    problems = unexplained_sources(load_crisis_lines(ROOT / "data" / "crisis-lines.yml"))
    assert not problems, "\n".join(problems)
