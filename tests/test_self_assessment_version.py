"""`version` in data/self-assessment.yml can be bumped, and share links then say what happened.

A copy of the site is built with the version bumped by one: a link made for the version before it
shows the "older version" notice, one made for the version after it the "newer version" notice,
and one made for the bumped version itself restores its answers.
"""

from __future__ import annotations

import copy

import pytest
import yaml

from fixture_site import practice_config, project_copy
from harness.browser import open_settled
from harness.server import serve_site
from harness.sitebuild import ROOT
from microsite.data import DataError
from microsite.self_assessment.model import check_data

DATA = yaml.safe_load((ROOT / "data" / "self-assessment.yml").read_text("utf-8"))
CURRENT = DATA["version"]


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", None])
def test_a_version_must_be_a_whole_number_from_1(bad):
    data = copy.deepcopy(DATA)
    data["version"] = bad
    with pytest.raises(DataError) as caught:
        check_data(data, "self-assessment.yml")
    assert caught.value.path == "version"


@pytest.fixture(scope="module")
def bumped_site(build_once):
    def bumped(folder):
        root = project_copy(folder)
        data = root / "data" / "self-assessment.yml"
        text = data.read_text("utf-8")
        assert f"\nversion: {CURRENT}\n" in text
        data.write_text(text.replace(f"\nversion: {CURRENT}\n", f"\nversion: {CURRENT + 1}\n"), "utf-8")
        return practice_config(root)

    with serve_site(build_once("practice-version-bumped", bumped), prefix="/learn/") as url:
        yield url + "self-assessment/"


def open_link(new_page, url, version):
    answers = "0" * sum(len(s["questions"]) for s in DATA["sections"])
    page, watch = new_page(url)
    open_settled(page, f"{url}#answers={version}.{answers}")
    page.wait_for_selector(".sa--js", state="attached")
    return page, watch


@pytest.mark.browser
@pytest.mark.parametrize(("offset", "words"), [(-1, "older version"), (+1, "newer version")])
def test_a_link_for_another_version_says_which_and_fills_in_nothing(new_page, bumped_site, offset, words):
    page, watch = open_link(new_page, bumped_site, CURRENT + 1 + offset)
    notice = page.locator("#sa-notice")
    assert notice.is_visible() and words in notice.inner_text()
    assert page.evaluate("() => document.querySelectorAll('.sa-form input:checked').length") == 0
    assert watch.page_errors == []


@pytest.mark.browser
def test_a_link_for_the_bumped_version_restores_its_answers(new_page, bumped_site):
    page, _ = open_link(new_page, bumped_site, CURRENT + 1)
    notice = page.locator("#sa-notice")  # says only where the answers come from, not that the link failed
    assert "come from a link" in notice.inner_text() and "version" not in notice.inner_text()
    assert page.evaluate("() => document.querySelectorAll('.sa-form input:checked').length") > 0
