"""The `/// emergency` block: Markdown in, HTML out, one behaviour per test."""

from __future__ import annotations

import json

import markdown
import pytest
from bs4 import BeautifulSoup

from crisis_fixture import crisis_data, write_crisis_data
from microsite.data import DataError
from microsite.emergency import EmergencyExtension

BLOCK = "/// emergency\nCrisis lines: [get help now](get-help-now.md).\n///\n"


def render(tmp_path, region="GB", source=BLOCK) -> BeautifulSoup:
    data = write_crisis_data(tmp_path / "crisis-lines.yml")
    html = markdown.markdown(source, extensions=[EmergencyExtension(region=region, data=str(data))])
    return BeautifulSoup(html, "html.parser")


def strip_of(soup, code):
    return soup.select_one(f'.crisis-now .crisis-strip__region[data-region="{code}"]')


def test_shows_the_configured_region_first_with_its_emergency_number_named_and_tap_to_call(tmp_path):
    soup = render(tmp_path, region="GB")
    shown = [s["data-region"] for s in soup.select(".crisis-strip__region:not([hidden])")]
    assert shown == ["GB"]
    emergency, line, every = strip_of(soup, "GB").find_all("span", recursive=False)
    assert emergency.get_text(" ", strip=True).startswith("Emergency (United Kingdom): call 999")
    assert [a["href"] for a in emergency.find_all("a")] == ["tel:999"]
    assert line.get_text(" ", strip=True).startswith("Listening Line (United Kingdom): call 116 123")
    assert every.a["href"] == "get-help-now.md#who-to-contact"
    title = soup.select_one(".crisis-strip__title")
    assert [s.get_text() for s in title.select(".crisis-where:not([hidden])")] == [" Help for: United Kingdom."]


def test_every_other_region_and_a_reader_elsewhere_are_in_the_page_hidden(tmp_path):
    soup = render(tmp_path, region="GB")
    hidden = [s["data-region"] for s in soup.select(".crisis-strip__region[hidden]")]
    assert hidden == ["IE", "US", "elsewhere"]
    elsewhere = strip_of(soup, "elsewhere").get_text(" ", strip=True)
    assert "call your local emergency number" in elsewhere and "World Directory" in elsewhere


def test_a_second_number_is_shown_too(tmp_path):
    emergency = strip_of(render(tmp_path, region="IE"), "IE").find("span")
    assert [a["href"] for a in emergency.find_all("a")] == ["tel:112", "tel:999"]


def test_the_chooser_links_every_other_country_to_its_entry_on_get_help_now(tmp_path):
    chooser = render(tmp_path, region="GB").select_one(".crisis-choose")
    assert chooser["data-shown"] == "GB"
    items = [(s.a["data-choose"], s.a["href"], s.has_attr("hidden")) for s in chooser.select(".crisis-choose__item")]
    assert items == [("GB", "get-help-now.md#help-gb", True), ("IE", "get-help-now.md#help-ie", False),
                     ("US", "get-help-now.md#help-us", False), ("elsewhere", "get-help-now.md#crisis-directory", False)]


def test_the_chooser_carries_each_regions_time_zones(tmp_path):
    data = crisis_data()
    data["regions"]["GB"]["time_zones"] = ["Europe/London"]
    data["regions"]["US"]["time_zones"] = ["America/", "US/"]
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    html = markdown.markdown(BLOCK, extensions=[EmergencyExtension(region="GB", data=str(path))])
    chooser = BeautifulSoup(html, "html.parser").select_one(".crisis-choose")
    assert json.loads(chooser["data-zones"]) == {"GB": ["Europe/London"], "US": ["America/", "US/"]}


def test_on_get_help_now_the_links_stay_on_the_page(tmp_path):
    soup = render(tmp_path, source="/// emergency\n    on_help_page: true\n///\n")
    assert [a["href"] for a in soup.select(".crisis-choose a")][:2] == ["#help-gb", "#help-ie"]


def test_markdown_inside_follows_the_strip(tmp_path):
    holder = render(tmp_path).select_one(".crisis-now")
    assert holder.find_all(recursive=False)[0]["class"] == ["crisis-strip"]
    assert holder.find_all(recursive=False)[-1].a["href"] == "get-help-now.md"


def test_no_sources(tmp_path):
    assert not render(tmp_path, region="US").select(".crisis-source")


def test_unknown_region_fails_naming_the_valid_ones(tmp_path):
    with pytest.raises(DataError, match="expected one of: GB, IE, US"):
        render(tmp_path, region="ZZ")
