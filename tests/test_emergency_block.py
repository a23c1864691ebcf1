"""The `/// emergency` block: Markdown in, HTML out, one behaviour per test."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from crisis_fixture import write_crisis_data
from microsite.data import DataError
from microsite.emergency import EmergencyExtension

BLOCK = "/// emergency\nCrisis lines: [get help now](get-help-now.md).\n///\n"


def render(tmp_path, region="GB", source=BLOCK) -> BeautifulSoup:
    data = write_crisis_data(tmp_path / "crisis-lines.yml")
    html = markdown.markdown(source, extensions=[EmergencyExtension(region=region, data=str(data))])
    return BeautifulSoup(html, "html.parser")


def test_shows_the_configured_region_emergency_number_as_a_phone_link(tmp_path):
    line = render(tmp_path, region="GB").select_one(".crisis-now .crisis-emergency")
    assert line.get_text(" ", strip=True).startswith("If you or someone else is in danger right now, call 999")
    assert [a["href"] for a in line.find_all("a")] == ["tel:999"]


def test_a_second_number_is_shown_too(tmp_path):
    line = render(tmp_path, region="IE").select_one(".crisis-emergency")
    assert [a["href"] for a in line.find_all("a")] == ["tel:112", "tel:999"]


def test_markdown_inside_follows_the_number(tmp_path):
    holder = render(tmp_path).select_one(".crisis-now")
    first, second = holder.find_all("p")
    assert "crisis-emergency" in first["class"]
    assert second.a["href"] == "get-help-now.md"


def test_no_sources_and_no_other_regions(tmp_path):
    soup = render(tmp_path, region="US")
    assert not soup.select(".crisis-source") and "999" not in soup.get_text()


def test_unknown_region_fails_naming_the_valid_ones(tmp_path):
    with pytest.raises(DataError, match="expected one of: GB, IE, US"):
        render(tmp_path, region="ZZ")
