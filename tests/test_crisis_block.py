"""The `/// crisis-lines` block: Markdown in, HTML out, one behaviour per test."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from crisis_fixture import crisis_data, crisis_text, write_crisis_data
from microsite.crisis import CrisisExtension
from microsite.data import DataError

BLOCK = "/// crisis-lines\n///\n"


def render(tmp_path, region="GB", source=BLOCK) -> BeautifulSoup:
    data = write_crisis_data(tmp_path / "crisis-lines.yml")
    html = markdown.markdown(source, extensions=[CrisisExtension(region=region, data=str(data))])
    return BeautifulSoup(html, "html.parser")


def section_ids(soup) -> list[str]:
    return [s.get("id") or "directory" for s in soup.select(".crisis-help > details, .crisis-help > section")]


def test_configured_region_comes_first(tmp_path):
    assert section_ids(render(tmp_path, region="GB"))[0] == "region-gb"


def test_the_configured_region_is_open_and_every_other_one_tap_away(tmp_path):
    regions = render(tmp_path, region="IE").select(".crisis-help > details.crisis-region")
    assert [(r["data-region"], r.has_attr("open")) for r in regions] == [("IE", True), ("GB", False), ("US", False)]
    assert all(r.summary.find("h3").get_text() for r in regions)


def test_each_emergency_number_is_named_with_its_country(tmp_path):
    soup = render(tmp_path)
    for region in soup.select(".crisis-help > details.crisis-region"):
        name = region.summary.get_text(strip=True)
        line = region.select_one(".crisis-emergency")
        assert line.get_text(" ", strip=True).startswith(f"{name}: If you or someone else is in danger right now, call")


def test_the_directory_tells_a_reader_elsewhere_to_call_their_local_emergency_number(tmp_path):
    directory = render(tmp_path).select_one(".crisis-directory")
    assert "call your local emergency number" in directory.select_one(".crisis-emergency").get_text()


def test_every_region_is_listed_after_the_configured_one(tmp_path):
    assert section_ids(render(tmp_path, region="IE")) == ["region-ie", "region-gb", "region-us", "directory"]


def test_directory_comes_last(tmp_path):
    sections = render(tmp_path).select(".crisis-help > section")
    assert "crisis-directory" in sections[-1]["class"]
    assert sections[-1].a["href"] == "https://directory.example/"


def test_show_region_lists_every_region_compact_the_configured_one_first(tmp_path):
    soup = render(tmp_path, region="US", source="/// crisis-lines\n    show: region\n///\n")
    assert section_ids(soup) == ["region-us", "region-gb", "region-ie", "directory"]


def test_phone_numbers_are_tel_links_without_spaces(tmp_path):
    hrefs = [a["href"] for a in render(tmp_path).select("#region-gb .crisis-line__ways a")]
    assert "tel:116123" in hrefs


def test_text_lines_are_sms_links(tmp_path):
    links = render(tmp_path).select("#region-us .crisis-line__ways a")
    assert [a["href"] for a in links if a["href"].startswith("sms:")] == ["sms:988"]


def test_text_line_with_a_keyword_says_what_to_send(tmp_path):
    link = render(tmp_path).select_one('#region-ie a[href^="sms:"]')
    assert link.get_text() == "Text TALK to 50808"


def test_chat_and_email_contacts_are_links(tmp_path):
    hrefs = [a["href"] for a in render(tmp_path).select(".crisis-line__ways a")]
    assert "https://example.org/chat" in hrefs and "mailto:jo@example.org" in hrefs


def test_emergency_number_comes_before_the_lines(tmp_path):
    region = render(tmp_path).select_one("#region-gb")
    first = region.find(["p", "ul"])
    assert "crisis-emergency" in first["class"] and first.a["href"] == "tel:999"


def test_second_emergency_number_is_also_a_tel_link(tmp_path):
    links = render(tmp_path).select("#region-ie .crisis-emergency a")
    assert [a["href"] for a in links] == ["tel:112", "tel:999"]


def test_each_line_shows_hours_languages_source_and_date_checked(tmp_path):
    line = render(tmp_path).select_one("#region-us .crisis-line")
    text = line.get_text(" ")
    assert "Open: 24 hours a day, 7 days a week." in text and "Languages: English and Spanish." in text
    source = line.select_one(".crisis-source")
    assert source.a["href"] == "https://example.gov/988" and source.a.get_text() == "example.gov"
    assert "checked November 27, 2026" in source.get_text()


def test_unknown_region_stops_the_block_naming_the_valid_ones(tmp_path):
    with pytest.raises(DataError, match=r"'NZ'.*GB, IE, US"):
        render(tmp_path, region="NZ")


def test_search_index_keeps_names_and_emergency_numbers_but_not_the_rest_of_each_line(tmp_path):
    # Every page downloads the search index: it holds what a reader searches for, nothing more.
    # A line's name leads to it on the page, where its numbers are.
    soup = render(tmp_path)
    excluded = soup.select("[data-search-exclude]")
    assert excluded, "nothing is kept out of the search index"
    for line in soup.select(".crisis-line"):
        assert not line.find(["h3", "h4"]).find_parent(attrs={"data-search-exclude": True})
        assert line.select_one(".crisis-line__ways").has_attr("data-search-exclude")
        facts, source = line.select_one(".crisis-line__facts"), line.select_one(".crisis-source")
        assert facts.has_attr("data-search-exclude") and source.has_attr("data-search-exclude")
        description = line.find(["h3", "h4"]).find_next_sibling("p")
        if description is not None and description is not facts:
            assert description.has_attr("data-search-exclude"), description.get_text()
    for emergency in soup.select(".crisis-emergency"):
        assert not emergency.has_attr("data-search-exclude")


def test_table_of_contents_lists_neither_the_regions_nor_their_lines(tmp_path):
    # The countries are listed at the top of the page (/// emergency); a region's heading sits in
    # its summary, where a permalink would be a control inside a control.
    data = write_crisis_data(tmp_path / "crisis-lines.yml")
    md = markdown.Markdown(extensions=[CrisisExtension(region="GB", data=str(data)), "toc"],
                           extension_configs={"toc": {"permalink": True}})
    soup = BeautifulSoup(md.convert("## Who to contact\n\n" + BLOCK), "html.parser")
    assert [token["id"] for token in md.toc_tokens[0]["children"]] == ["crisis-directory"]  # anywhere else
    summaries = soup.select(".crisis-help > details > summary")
    assert summaries and all(s.h3 and s.h3.get("id") and not s.find("a") for s in summaries)
    lines = soup.select(".crisis-line > h4")  # still headings on the page, with their ids
    assert lines and all(h4.get("id") for h4 in lines)
    assert not soup.find(lambda tag: tag.name.startswith("hidden-heading"))


def test_opening_hours_are_written_from_the_data_in_the_pages_language(tmp_path):
    # GB's line is open on weekdays (days and times as data): Babel writes the days and times.
    text = " ".join(render(tmp_path).select_one("#region-gb .crisis-line").get_text(" ").replace("\u202f", " ").split())
    assert "Open: Monday, Tuesday, Wednesday, Thursday, and Friday, 9:00 AM to 5:30 PM." in text, text


def test_the_emergency_number_by_text_comes_with_its_words_link_and_source(tmp_path):
    data, text = crisis_data(), crisis_text()
    data["regions"]["GB"]["emergency"]["by_text"] = {"number": "999", "source": "https://example.nhs.uk/sms",
                                                     "checked": "2026-11-26"}
    text["regions"]["GB"]["by_text"] = "If you cannot call, register first."
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data, text)
    soup = BeautifulSoup(markdown.markdown(BLOCK, extensions=[CrisisExtension(region="GB", data=str(path))]),
                         "html.parser")
    by_text = soup.select("#region-gb .crisis-by-text")
    assert len(by_text) == 1 and by_text[0].get_text().startswith("If you cannot call, register first.")
    assert [a["href"] for a in by_text[0].select("a")] == ["sms:999"]
    assert by_text[0].find_next_sibling("p")["class"] == ["crisis-source"]
    assert "https://example.nhs.uk/sms" in by_text[0].find_next_sibling("p").a["href"]
    assert not soup.select("#region-ie .crisis-by-text")  # only where the data holds one


def test_a_by_text_without_its_words_fails_naming_the_region(tmp_path):
    data = crisis_data()
    data["regions"]["GB"]["emergency"]["by_text"] = {"number": "999", "source": "https://example.nhs.uk/sms",
                                                     "checked": "2026-11-26"}
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    with pytest.raises(DataError, match="regions.GB.by_text"):
        markdown.markdown(BLOCK, extensions=[CrisisExtension(region="GB", data=str(path))])


def test_hours_not_confirmed_say_so(tmp_path):
    data = crisis_data()
    data["regions"]["GB"]["lines"][0]["hours"] = "unconfirmed"
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    soup = BeautifulSoup(markdown.markdown(BLOCK, extensions=[CrisisExtension(region="GB", data=str(path))]),
                         "html.parser")
    facts = soup.select_one("#region-gb .crisis-line__facts").get_text()
    assert "not confirmed here" in facts and "Monday" not in facts


def test_a_lines_heading_id_is_its_data_id(tmp_path):
    soup = render(tmp_path)
    assert soup.select_one("#region-gb li.crisis-line > h4")["id"] == "listening-line"
