"""The claims list (data/claims.yml) against the built site: every claim's page and section exist and
cite its source; every citation on a page is in the list; every source is a reference entry (on the
Sources page, or on the page that lists its own) with its address; and no outside link reaches the
content without a listed source.

The first tests show that the checks catch what they are for, on small pages of their own.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from claims import (
    CLAIMS_PATH,
    SOURCES_PAGE,
    citations,
    cites,
    load_claims,
    outside_urls,
    reference_ids,
    same_address,
    section_links,
    site_path,
    source_entry,
)
from harness.sitebuild import ROOT, page_sources
from microsite.data import DataError

PAGE = """<article><h1 id="top">Title</h1><p>Intro <a href="../sources/#nimh">NIMH</a>.</p>
<h2 id="one">One</h2><p>Fact <a href="../sources/#apa">APA</a>.</p>
<h3 id="one-a">Part</h3><p>Inner <a href="https://example.org/list">list</a>.</p>
<h2 id="two">Two</h2><p>Own <a href="#bacp">BACP</a>, and <a href="#one">see above</a>.</p>
<h2 id="sources">Sources</h2><div class="references"><ul><li id="bacp">BACP.
<a href="https://www.bacp.co.uk/x">https://www.bacp.co.uk/x</a></li></ul></div></article>"""


# --- the checks, on pages of their own ---------------------------------------------------------

def test_a_section_runs_to_the_next_heading_of_its_level_and_takes_its_subsections():
    assert section_links(PAGE, "top") == ["../sources/#nimh"]
    assert section_links(PAGE, "one") == ["../sources/#apa", "https://example.org/list"]
    assert section_links(PAGE, "two") == ["#bacp", "#one"]
    assert section_links(PAGE, "missing") is None


def test_a_section_cites_a_source_by_id_or_by_address():
    links = section_links(PAGE, "one")
    assert cites(links, "apa") and cites(links, "https://example.org/list")
    assert not cites(links, "nimh") and not cites(section_links(PAGE, "two"), "apa")


def test_a_page_may_cite_its_own_reference_entries_but_a_link_to_a_heading_is_no_citation():
    local = reference_ids(PAGE)
    assert local == {"bacp"}
    assert cites(section_links(PAGE, "two"), "bacp", local)
    assert not cites(section_links(PAGE, "two"), "one", local)


def test_every_citation_is_found_with_its_section():
    assert citations(PAGE) == [("top", "nimh"), ("one", "apa"), ("two", "bacp")]


def test_outside_addresses_are_found_in_markdown_and_yaml():
    text = "See [a](https://a.example/x). <https://b.example/y>\nurl: https://c.example/z,\n"
    assert outside_urls(text) == {"https://a.example/x", "https://b.example/y", "https://c.example/z"}


def write(tmp_path, data) -> object:
    path = tmp_path / "claims.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False) if not isinstance(data, str) else data, "utf-8")
    return path


VALID = {
    "version": 1,
    "sources": {"nimh": {"url": "https://www.nimh.nih.gov/x", "kind": "primary", "checked": "2026-12-06"}},
    "claims": [{"claim": "Therapy helps many people.", "page": "therapy.md", "anchor": "top", "source": "nimh",
                "checked": "2026-12-06"}],
}


def test_a_valid_claims_file_loads(tmp_path):
    assert load_claims(write(tmp_path, VALID))["claims"][0]["source"] == "nimh"


def test_a_secondary_source_without_a_note_is_refused(tmp_path):
    data = yaml.safe_load(yaml.safe_dump(VALID))
    data["sources"]["nimh"]["kind"] = "secondary"
    with pytest.raises(DataError) as caught:
        load_claims(write(tmp_path, data))
    assert "note" in str(caught.value) and "sources.nimh" in str(caught.value)


def test_a_claim_whose_source_is_not_listed_is_refused(tmp_path):
    data = yaml.safe_load(yaml.safe_dump(VALID))
    data["claims"][0]["source"] = "apa"
    with pytest.raises(DataError, match=r"claims\[0\]\.source: 'apa' is not one of the sources"):
        load_claims(write(tmp_path, data))


def test_a_key_written_twice_is_refused(tmp_path):
    text = yaml.safe_dump(VALID, sort_keys=False).replace("version: 1\n", "version: 1\nversion: 1\n")
    with pytest.raises(DataError, match="written twice"):
        load_claims(write(tmp_path, text))


# --- the real list against the built site --------------------------------------------------------

@pytest.fixture(scope="module")
def claims():
    return load_claims(CLAIMS_PATH)


def built(site_dir, page: str) -> str:
    return (site_dir / site_path(page)).read_text("utf-8")


def test_dates_checked_are_not_in_the_future(claims):
    today = dt.date.today()
    dates = [s["checked"] for s in claims["sources"].values()] + [c["checked"] for c in claims["claims"]]
    assert all(dt.date.fromisoformat(day) <= today for day in dates)


def test_every_claim_is_on_its_page_in_its_section_and_cites_its_source(claims, site_dir):
    problems = []
    for i, claim in enumerate(claims["claims"]):
        where = f"claims[{i}] {claim['page']}#{claim['anchor']}"
        if not (ROOT / "docs" / claim["page"]).is_file():
            problems.append(f"{where}: no such page")
            continue
        html = built(site_dir, claim["page"])
        links = section_links(html, claim["anchor"])
        if links is None:
            problems.append(f"{where}: no heading with that id")
        elif not cites(links, claim["source"], reference_ids(html)):
            problems.append(f"{where}: the section does not cite {claim['source']}")
    assert not problems, "\n".join(problems)


def test_every_citation_on_a_page_is_in_the_claims_list(claims, site_dir):
    listed = {(c["page"], c["anchor"], c["source"]) for c in claims["claims"]}
    missing, unknown = [], []
    for path in page_sources():
        if path.name == SOURCES_PAGE:
            continue
        for heading, source in citations(built(site_dir, path.name)):
            if source.startswith("about-"):
                continue  # a section of the Sources page, not a source
            if source not in claims["sources"]:
                unknown.append(f"{path.name}#{heading} cites {source}, which is not a listed source")
            elif (path.name, heading, source) not in listed:
                missing.append(f"{path.name}#{heading} cites {source}: add the claim to data/claims.yml")
    assert not unknown + missing, "\n".join(unknown + missing)


def test_every_source_is_a_reference_entry_with_its_address(claims, site_dir):
    problems = []
    for source, entry in claims["sources"].items():
        page = entry.get("page", SOURCES_PAGE)
        item = source_entry(built(site_dir, page), source)
        if item is None:
            problems.append(f"{source}: no reference entry with this id on {page}")
            continue
        addresses = [a["href"] for a in item.find_all("a", href=True)]
        if not any(same_address(entry["url"], href) for href in addresses):
            problems.append(f"{source}: the entry does not link to {entry['url']}")
    assert not problems, "\n".join(problems)


def test_the_reference_entries_say_which_sources_are_not_the_first_source(claims, site_dir):
    wrong = [source for source, entry in claims["sources"].items()
             if (item := source_entry(built(site_dir, entry.get("page", SOURCES_PAGE)), source)) is not None
             and ("Not the first source" in item.get_text()) != (entry["kind"] == "secondary")]
    assert not wrong, f"say 'Not the first source' exactly for the secondary ones: {wrong}"


def test_every_reference_entry_on_any_page_is_a_listed_source_of_that_page(claims):
    listed = {source: entry.get("page", SOURCES_PAGE) for source, entry in claims["sources"].items()}
    found = {(path.name, source) for path in page_sources()
             for source in re.findall(r"^  \{ #([a-z0-9-]+) \}$", path.read_text("utf-8"), re.M)}
    assert found and not [f"{page}#{source}" for page, source in found if listed.get(source) != page]


def test_no_outside_link_reaches_the_content_without_a_listed_source(claims):
    listed = [s["url"] for s in claims["sources"].values()]
    listed += [c["source"] for c in claims["claims"] if c["source"].startswith("https://")]
    listed += sorted(outside_urls((ROOT / "data" / "crisis-lines.yml").read_text("utf-8")))
    content = page_sources() + [ROOT / "data" / "self-assessment.yml"]
    unlisted = [f"{path.relative_to(ROOT)}: {url}" for path in content
                for url in sorted(outside_urls(path.read_text("utf-8")))
                if not any(same_address(url, known) for known in listed)]
    assert not unlisted, "add each to data/claims.yml (or the crisis data) with its source:\n" + "\n".join(unlisted)
