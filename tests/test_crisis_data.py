"""data/crisis-lines.yml is checked at build time; each mistake names the file and the field.

Malformations use small files in a temporary folder, one mistake per test. The last tests check
the real data file's coverage.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from crisis_fixture import crisis_data, write_crisis_data
from harness.sitebuild import ROOT, mkdocs_build
from microsite.crisis import check_region, load_crisis_lines
from microsite.data import DataError

REQUIRED_REGIONS = {"US", "GB", "CA", "AU", "IE"}


def load_broken(tmp_path, change) -> DataError:
    data = crisis_data()
    change(data)
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path)
    return caught.value


def test_valid_fixture_loads(tmp_path):
    data = load_crisis_lines(write_crisis_data(tmp_path / "crisis-lines.yml"))
    assert set(data["regions"]) == {"US", "GB", "IE"}


def test_region_code_not_in_data_names_the_code_and_the_valid_ones(tmp_path):
    data = load_crisis_lines(write_crisis_data(tmp_path / "crisis-lines.yml"))
    with pytest.raises(DataError) as caught:
        check_region(data, "FR")
    message = str(caught.value)
    assert "'FR'" in message and "GB, IE, US" in message and "region" in message


def test_bad_region_in_config_fails_the_build(tmp_path):
    write_crisis_data(tmp_path / "crisis-lines.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    config = {
        "site_name": "Region test", "site_url": "https://example.org/",
        "theme": {"name": "material", "font": False},
        "plugins": [{"microsite": {"crisis_data": "crisis-lines.yml"}}],
        "extra": {"practice": {"region": "NZ"}},
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site", check=False)
    assert result.returncode != 0
    assert "'NZ'" in result.stderr and "GB, IE, US" in result.stderr


def test_missing_source_url_names_file_and_field(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["US"]["lines"][0].pop("source"))
    assert error.source.endswith("crisis-lines.yml")
    assert error.path == "regions.US.lines[0]" and "'source' is a required property" in error.problem


def test_source_that_is_not_https_names_the_field(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["GB"]["lines"][0].update(source="http://example.org/"))
    assert error.path == "regions.GB.lines[0].source"


def test_malformed_checked_date_names_file_and_field(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["US"]["lines"][0].update(checked="27/11/2026"))
    assert "crisis-lines.yml" in str(error)
    assert error.path == "regions.US.lines[0].checked"


def test_impossible_checked_date_names_the_field(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["IE"]["emergency"].update(checked="2026-02-30"))
    assert error.path == "regions.IE.emergency.checked"


def test_missing_emergency_number_names_the_region(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["GB"].pop("emergency"))
    assert error.path == "regions.GB" and "emergency" in error.problem


def test_phone_number_with_letters_names_the_contact(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["US"]["lines"][0]["contact"].__setitem__(0, {"call": "1-800-HELP"}))
    assert error.path.startswith("regions.US.lines[0].contact[0]")


def test_lowercase_region_code_is_refused(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"].__setitem__("us", d["regions"].pop("US")))
    assert error.path == "regions" and "'us'" in error.problem


def test_unknown_key_is_named(tmp_path):
    error = load_broken(tmp_path, lambda d: d["regions"]["US"]["lines"][0].update(webpage="https://example.org/"))
    assert error.path == "regions.US.lines[0].webpage" and "unknown key" in error.problem


# The real data file.

@pytest.fixture(scope="module")
def real_data():
    return load_crisis_lines(ROOT / "data" / "crisis-lines.yml")


def test_real_data_covers_the_required_regions(real_data):
    assert REQUIRED_REGIONS <= set(real_data["regions"])


@pytest.mark.parametrize("code", sorted(REQUIRED_REGIONS))
def test_real_region_has_emergency_number_lines_and_a_way_to_find_a_therapist(real_data, code):
    region = real_data["regions"][code]
    assert region["emergency"]["number"] and region["lines"] and region["find_a_therapist"]


def test_real_dates_checked_are_not_in_the_future(real_data):
    today = dt.date.today()
    dates = [real_data["directory"]["checked"]]
    for region in real_data["regions"].values():
        dates += [region["emergency"]["checked"]] + [line["checked"] for line in region["lines"]]
    assert all(dt.date.fromisoformat(day) <= today for day in dates)


def test_real_data_lists_988_and_not_the_retired_us_number(real_data):
    text = yaml.safe_dump(real_data)
    assert "988" in text and "273" not in text


# Government bodies and public health services: a page of theirs may confirm a line they do not
# run (with a `note` saying so). Most are health services; the justice departments and a state's
# health and human services commission (Texas) list the abuse lines, and Police Scotland is the one
# public page found for Scotland's abuse line.
GOVERNMENT = (
    "nhs.uk", "nhs.wales", "gov.scot", "gov.wales", "hscni.net", "nidirect.gov.uk", "hse.ie", "merrionstreet.ie",
    "samhsa.gov", "911.gov", "ojp.gov", "texas.gov", "justice.gc.ca", "canada.ca", "vch.ca", "gov.au", "vic.gov.au",
    "scotland.police.uk",
    "112.ie",  # Ireland's emergency call answering service, run for the State: the provider of 112 itself
)
# Pages that once stood in for a provider's own: news, newswires, partners, a trust that no longer exists.
NOT_SOURCES = ("newswire.ca", "lifeinmind.org.au", "nwbh.nhs.uk", "mentalhealthcommission.ca", "citizensinformation.ie")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _real_lines(data):
    for code, region in data["regions"].items():
        for kind in ("lines", "abuse_lines"):
            for i, line in enumerate(region.get(kind, [])):
                yield f"{code}.{kind}[{i}] {line['name']}", line


def test_every_line_is_sourced_at_its_provider_or_a_government_health_service_or_says_why_not(real_data):
    for where, line in _real_lines(real_data):
        host = _host(line["source"])
        provider = _host(line.get("website", "")) if line.get("website") else None
        at_provider = provider is not None and (_on(host, provider) or _on(provider, host))
        at_government = any(_on(host, domain) for domain in GOVERNMENT)
        assert at_provider or at_government, f"{where}: {host} is neither the provider's site nor a government service's"
        if not at_provider:
            assert line.get("note"), f"{where}: sourced at {host}, not the provider's own site, without a note saying why"


def test_no_source_is_a_news_or_partner_page(real_data):
    urls = re.findall(r"https://[^\s'\"]+", yaml.safe_dump(real_data, width=10_000))
    assert not [url for url in urls if any(_on(_host(url), bad) for bad in NOT_SOURCES)]


def test_every_region_says_what_to_do_when_someone_is_hurting_you(real_data):
    for code, region in real_data["regions"].items():
        assert region.get("abuse_lines"), code


def test_every_dated_fact_is_in_the_past_and_has_a_source(real_data):
    for code, region in real_data["regions"].items():
        go_to = region["emergency"].get("go_to")
        if go_to:
            assert dt.date.fromisoformat(go_to["checked"]) <= dt.date.today() and go_to["source"].startswith("https://")
        for _, line in _real_lines({"regions": {code: region}}):
            assert dt.date.fromisoformat(line["checked"]) <= dt.date.today()
