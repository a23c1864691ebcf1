"""Hostile or careless settings and data: each gets a message naming the file and the field, never
a traceback, a page that prints it as markup, a build that never ends, or a date in the future.

MkDocs' own settings that Material prints (`site_url`, `site_author`, `repo_name`, `copyright`,
`extra.homepage`, `extra.social`, `theme.font`); the practice's block; the data files as YAML
(aliases, keys read as booleans, nesting, files that are not text); dates; the share image.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from datetime import timedelta

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import ImageFont

from crisis_fixture import crisis_data, write_crisis_data
from fixture_site import PRACTICE, content_day, inheriting_config, practice_config, project_copy, write_practice_file
from harness.sitebuild import ROOT, mkdocs_build
from hostile import MARKER, site_leaks, text_payload
from microsite.crisis import load_crisis_lines
from microsite.data import DataError, parse_yaml, project_file, validate
from microsite.self_assessment.model import load_self_assessment
from microsite.site_config import check_printed_settings

ALERT = f"alert('{MARKER}')"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("hostile-config"))


def build(root, practice=None, env=None, **settings):
    config = inheriting_config(root, practice)
    if settings:
        config.write_text(yaml.safe_dump({**yaml.safe_load(config.read_text("utf-8")), **settings}, sort_keys=False), "utf-8")
    result = mkdocs_build(config, root / "site", check=False, env=env)
    return result.returncode, result.stdout + result.stderr


def fails_where(where, root, expected, practice, env=None):
    """`fails`, with the practice's values written `where` (see WHERE)."""
    code, output = WHERE[where](root, practice, env=env)
    assert code != 0, f"built: {practice}"
    assert expected in output, output
    assert "Traceback" not in output, output
    return output


def fails(root, expected, **kwargs):
    code, output = build(root, **kwargs)
    assert code != 0, f"built: {kwargs}"
    assert expected in output, output
    assert "Traceback" not in output, output
    return output


def build_with_practice_file(root, practice, env=None):
    """A build whose practice values come from `practice/practice.yml`, as a practice writes them."""
    result = mkdocs_build(practice_config(root, practice), root / "site", check=False, env=env)
    return result.returncode, result.stdout + result.stderr


# Each practice value is checked wherever it is written: our config's block, or the practice's file.
WHERE = {"extra.practice": build, "practice/practice.yml": build_with_practice_file}


# --- MkDocs' settings that Material prints ----------------------------------------------------

MATERIAL = {"theme": {"name": "material", "font": False}}


@pytest.mark.parametrize(("settings", "expected"), [
    ({"site_url": f'https://x.example/"><img src=x onerror={ALERT}>'}, "site_url"),
    ({"site_url": f"javascript:{ALERT}//"}, "site_url"),
    ({"repo_url": f"javascript:{ALERT}"}, "repo_url"),
    ({"extra": {"homepage": f"javascript:{ALERT}"}}, "extra.homepage"),
    ({"extra": {"homepage": f"javascript&colon;{ALERT}"}}, "extra.homepage"),
    ({"extra": {"social": [{"icon": "fontawesome/brands/mastodon", "link": f"javascript:{ALERT}"}]}}, "extra.social[0].link"),
    ({"extra": {"social": [{"icon": "../../../etc/passwd", "link": "https://x.example/"}]}}, "extra.social[0].icon"),
    ({"extra": {"alternate": [{"name": "fr", "link": f"javascript:{ALERT}", "lang": "fr"}]}}, "extra.alternate[0].link"),
    ({"extra": {"analytics": {"provider": "google", "property": "G-X"}}}, "extra.analytics"),
    ({"theme": {"name": "material", "font": {"text": "Roboto"}}}, "theme.font"),
    ({"theme": {"name": "material"}}, "theme.font"),  # Material's default loads Google Fonts
    ({"extra_javascript": ["https://cdn.example/x.js"]}, "extra_javascript[0]"),
    ({"site_name": "988 Lifeline\u202e"}, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ({"site_author": "Sam\u200b"}, "U+200B ZERO WIDTH SPACE"),
])
def test_a_printed_setting_that_could_run_code_or_load_elsewhere_is_refused(settings, expected):
    config = {**MATERIAL, "site_name": "x", **settings}
    with pytest.raises(DataError) as caught:
        check_printed_settings(config)
    assert expected in str(caught.value) and str(caught.value).startswith("mkdocs.yml: "), str(caught.value)


def test_the_repository_settings_pass(copy):
    from mkdocs.config import load_config

    check_printed_settings(load_config(str(ROOT / "mkdocs.yml")))


def test_a_build_refuses_a_site_url_that_leaves_its_attribute(copy):
    fails(copy, "mkdocs.yml: site_url", site_url=f'https://northside.example/"><img src=x onerror={ALERT}>')


def test_a_build_refuses_a_social_link_that_runs_script(copy):
    fails(copy, "mkdocs.yml: extra.social[0].link", extra={"practice": PRACTICE, "social": [
        {"icon": "fontawesome/brands/mastodon", "link": f"javascript:{ALERT}"}]})


def test_a_build_refuses_web_fonts(copy):
    fails(copy, "mkdocs.yml: theme.font", theme={"font": {"text": "Roboto"}})  # INHERIT merges the rest


def test_text_settings_that_material_prints_are_text_on_every_page(copy):
    payload = text_payload("settings", links=False).replace("\n", " ")
    code, output = build(copy, site_author=payload, copyright=payload, repo_url="https://github.com/northside/learn",
                         repo_name=payload)
    assert code == 0, output
    assert site_leaks(copy / "site") == []
    page = BeautifulSoup((copy / "site" / "faq" / "index.html").read_text("utf-8"), "html5lib")
    assert page.find("meta", attrs={"name": "author"})["content"] == payload  # as text
    assert payload in page.find(class_="md-source").get_text(" ")  # the repository's name, as text


# --- the practice's block --------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "expected"), [
    ("name", "988 Lifeline\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("short_name", "North\u200bside", "U+200B ZERO WIDTH SPACE"),
    ("contact", "a%0Abcc%3Aspy@northside.example", "before the @ only letters"),
    ("contact", "a?bcc=spy@northside.example", "before the @ only letters"),
    ("website", "https&colon;//northside.example/", "expected an http:// or https:// URL"),
    ("colors", {"primary": "#1d5c57\n"}, "colors.primary"),
])
@pytest.mark.parametrize("where", WHERE)
def test_a_practice_value_that_shows_or_mails_other_than_it_reads_fails_naming_the_file_and_key(
        copy, where, key, value, expected):
    output = fails_where(where, copy, f"{where}: {key}", {**PRACTICE, key: value})
    assert expected in output, output


@pytest.mark.parametrize(("where", "expected"), [("extra.practice", "the key 1 is read as a number"),
                                                 ("practice/practice.yml", "the key '1' is read as a number")])
def test_a_key_read_as_a_number_in_the_practice_block_fails_without_a_traceback(copy, where, expected):
    output = fails_where(where, copy, expected, {**PRACTICE, 1: "x"})
    assert where in output, output


@pytest.mark.parametrize(("site", "expected"), [
    ({"site_name": "988 Lifeline\u202e"}, "site_name: '988 Lifeline\\u202e'"),
    ({"site_description": "Help\u200b now"}, "site_description"),
    ({"site_url": f'https://x.example/"><img src=x onerror={ALERT}>'}, "site_url"),
    ({"site_url": "https&colon;//x.example/"}, "site_url"),
])
def test_a_site_value_in_the_practice_file_is_checked_as_ours_is_naming_the_file(copy, site, expected):
    result = mkdocs_build(practice_config(copy, PRACTICE, **site), copy / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and f"practice/practice.yml: {expected}" in output, output
    assert "Traceback" not in output, output


@pytest.mark.parametrize(("text", "expected"), [
    ("name: &n Northside\nshort_name: *n\n", "line 2: the alias *n"),
    ("name: " + "[" * 60 + "]" * 60 + "\n", "line 1: the data nests more than 50 levels deep"),
    ("name: Northside\n---\nname: Other\n", "line 2: expected one document"),
])
def test_yaml_a_practice_file_never_needs_is_refused_naming_the_file_and_line(copy, text, expected):
    practice_config(copy)
    write_practice_file(copy, text)
    result = mkdocs_build(copy / "mkdocs.yml", copy / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and f"practice/practice.yml: {expected}" in output, output
    assert "Traceback" not in output, output


# --- data files as YAML ---------------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
) + "\n"


@pytest.mark.parametrize(("text", "expected"), [
    (BILLION_LAUGHS, "line 2: the alias *a repeats a value written elsewhere"),
    ("version: 1\nscales: &s {a: {label: x}}\nmore: *s\n", "line 3: the alias *s"),
    ("regions:\n  NO:\n    name: Norway\n", "line 2: the key 'NO' is read as true or false"),
    ("regions:\n  1:\n    name: One\n", "line 2: the key '1' is read as a number"),
    ("[" * 100_000 + "]" * 100_000, "nests more than 50 levels deep"),  # crashed the reader before
    ("a: 1\n---\nb: 2\n", "expected one document"),
])
def test_yaml_a_data_file_never_needs_is_refused_naming_the_line(text, expected):
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "data/x.yml")
    assert str(caught.value).startswith("data/x.yml: ") and expected in str(caught.value), str(caught.value)


def test_nested_aliases_in_a_rule_are_refused_in_the_self_assessment(tmp_path):
    # Nested anchors in a rule's `when:` grew the rules to be checked exponentially.
    text = (ROOT / "data" / "self-assessment.yml").read_text("utf-8")
    text = text.replace("rules:\n", "rules:\n  - result: coaching\n    when: &w0 {scale: coaching, op: '>=', value: 99}\n"
                        "  - result: coaching\n    when: {all: [*w0, *w0, *w0, *w0]}\n", 1)
    path = tmp_path / "self-assessment.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataError, match=r"self-assessment.yml: line \d+: the alias \*w0"):
        load_self_assessment(path)


def test_the_repository_data_has_no_aliases():
    for name in ("crisis-lines.yml", "self-assessment.yml"):
        text = (ROOT / "data" / name).read_text("utf-8")
        assert not any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text)), name


@pytest.mark.parametrize("case", ["folder", "not-utf8", "too-big"])
def test_a_data_file_that_is_not_readable_text_gets_a_message_naming_it(tmp_path, case):
    path = tmp_path / "crisis-lines.yml"
    if case == "folder":
        path.mkdir()
        expected = "it is a folder"
    elif case == "not-utf8":
        path.write_bytes("version: 1\nname: Caf\u00e9\n".encode("latin-1"))
        expected = "it is not UTF-8 text"
    else:
        path.write_text("a: " + "x" * 2_100_000 + "\n", "utf-8")
        expected = "a data file may be at most"
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path)
    assert str(caught.value).startswith(str(path)) and expected in str(caught.value), str(caught.value)


def test_a_data_file_linked_to_one_outside_the_project_is_not_read(copy, tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text("token: s3cr3t-value\n", "utf-8")
    link = copy / "data" / "linked.yml"
    os.symlink(secret, link)
    try:
        with pytest.raises(DataError, match="leads outside the project folder"):
            project_file(copy, "data/linked.yml", "plugins.microsite.crisis_data")
        config = inheriting_config(copy)
        settings = yaml.safe_load(config.read_text("utf-8"))
        settings["plugins"] = ["search", {"microsite": {"crisis_data": "data/linked.yml"}}]
        config.write_text(yaml.safe_dump(settings), "utf-8")
        result = mkdocs_build(config, copy / "site", check=False)
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "plugins.microsite.crisis_data: 'data/linked.yml' leads outside" in output, output
        assert "s3cr3t" not in output
    finally:
        link.unlink()


def test_a_pattern_ending_in_dollar_means_the_end_of_the_text(tmp_path):
    # `id: "aim\n"` passed the schema's `^[a-z0-9-]+$` and stopped the page's script.
    data = yaml.safe_load((ROOT / "data" / "self-assessment.yml").read_text("utf-8"))
    data["sections"][1]["questions"][0]["id"] = "aim\n"
    with pytest.raises(DataError, match=r"sections\[1\]\.questions\[0\]\.id"):
        validate(data, "self-assessment", "data/self-assessment.yml")


def test_a_version_no_share_link_can_hold_is_refused():
    data = yaml.safe_load((ROOT / "data" / "self-assessment.yml").read_text("utf-8"))
    data["version"] = 1000  # share links hold three digits
    with pytest.raises(DataError, match="version: 1000 is greater than the maximum of 999"):
        validate(data, "self-assessment", "data/self-assessment.yml")


def test_a_contact_in_the_crisis_data_is_one_address(tmp_path):
    data = crisis_data()
    data["regions"]["GB"]["lines"][0]["contact"][1]["email"] = "help%0Abcc%3Aspy@example.org"
    with pytest.raises(DataError, match=r"contact\[1\]"):
        load_crisis_lines(write_crisis_data(tmp_path / "crisis-lines.yml", data))


# --- dates -----------------------------------------------------------------------------------

TODAY = content_day()  # the content's own latest date: nothing of it is in the future
DAY = {"MICROSITE_TODAY": TODAY.isoformat()}


def test_a_crisis_line_checked_in_the_future_fails_the_build_and_the_source_check(copy):
    data = copy / "data" / "crisis-lines.yml"
    original = data.read_text("utf-8")
    first = original.index("checked: ")
    data.write_text(original[:first] + 'checked: "2099-01-01"' + original[original.index("\n", first):], "utf-8")
    try:
        output = fails(copy, "checked 2099-01-01 is in the future", env=DAY)
        assert "data/crisis-lines.yml: regions." in output
        check = subprocess.run([sys.executable, "-m", "microsite.freshness", "--config", str(inheriting_config(copy)),
                                "--today", TODAY.isoformat()], capture_output=True, text=True, cwd=copy)
        assert check.returncode == 1 and "checked 2099-01-01 is in the future" in check.stdout, check.stdout
    finally:
        data.write_text(original, "utf-8")


def test_a_page_reviewed_in_the_future_fails_the_build(copy):
    page = copy / "docs" / "faq.md"
    original = page.read_text("utf-8")
    page.write_text(original.replace("reviewed: ", "reviewed: 2099-12-31\n#", 1), "utf-8")
    try:
        fails(copy, "docs/faq.md: reviewed 2099-12-31 is in the future", env=DAY)
    finally:
        page.write_text(original, "utf-8")


@pytest.mark.parametrize("where", WHERE)
def test_a_reviewer_who_reviewed_in_the_future_fails_the_build_naming_the_file(copy, where):
    practice = {**PRACTICE, "reviewer": {"name": "Dr Sam Rivera", "role": "psychologist", "reviewed": "2099-12-31"}}
    code, output = WHERE[where](copy, practice, env=DAY)
    assert code != 0 and f"{where}: reviewer: reviewed 2099-12-31 is in the future" in output, output
    assert "Traceback" not in output, output


def test_tomorrow_is_not_the_future_for_a_date_checked_in_another_time_zone(copy):
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    practice = {**PRACTICE, "reviewer": {"name": "Dr Sam Rivera", "role": "psychologist", "reviewed": tomorrow}}
    code, output = build(copy, practice=practice, env=DAY)
    assert code == 0, output


@pytest.mark.parametrize("where", WHERE)
def test_a_next_review_that_has_passed_warns_on_every_build_naming_the_file(copy, where):
    passed = (TODAY - timedelta(days=184)).isoformat()
    practice = {**PRACTICE, "next_review": passed}
    for _ in range(2):
        code, output = WHERE[where](copy, practice, env=DAY)
        assert code == 0, output  # a date passing never fails a build
        assert "WARNING" in output and f"{where}: next_review {passed} has passed (184 days ago)" in output, output
    later = (TODAY + timedelta(days=180)).isoformat()
    code, output = WHERE[where](copy, {**practice, "next_review": later}, env=DAY)
    assert code == 0 and "next_review" not in output, output


def test_a_published_site_without_a_reviewer_warns_and_builds(copy):
    practice = {**PRACTICE, "contact": "https://northside-coaching.co.uk/contact"}
    code, output = build_with_practice_file(copy, {"site_url": "https://northside-coaching.co.uk/learn/", **practice})
    assert code == 0, output
    assert "WARNING" in output and "practice/practice.yml: no reviewer: " in output, output
    assert "practice/practice.yml: no next_review: " in output, output


def test_a_today_that_is_not_a_date_gets_a_message(copy):
    fails(copy, "MICROSITE_TODAY: expected a YYYY-MM-DD date, got 'garbage'", env={"MICROSITE_TODAY": "garbage"})


# --- the share image ---------------------------------------------------------------------------

def png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` (its pixels are never read)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("size", "expected"), [((20000, 20000), "is far larger than 4096 x 4096"),
                                                ((5000, 2600), "is 5000 x 2600 pixels"), ((100, 50), "is 100 x 50 pixels")])
def test_a_share_image_of_a_size_previews_refuse_fails_naming_the_key(copy, size, expected):
    image = copy / "docs" / "assets" / "images" / "huge.png"
    image.write_bytes(png_header(*size))
    try:
        output = fails(copy, "extra.practice: share_image: expected an image file under docs/",
                       practice={**PRACTICE, "share_image": "assets/images/huge.png"})
        assert f"'assets/images/huge.png', which {expected}" in output, output
    finally:
        image.unlink()


def test_a_build_whose_cache_folder_cannot_be_written_still_draws_the_share_image(copy):
    cache = copy / ".cache"
    cache.mkdir(exist_ok=True)
    blocker = cache / "microsite"
    if blocker.is_dir():
        import shutil

        shutil.rmtree(blocker)
    blocker.write_text("a file where the cache folder goes", "utf-8")  # root can write anywhere; this it cannot
    try:
        code, output = build(copy, practice={**PRACTICE, "name": "Cacheless Coaching"})
        assert code == 0, output
        assert (copy / "site" / "assets" / "images" / "share.png").stat().st_size > 1000
    finally:
        blocker.unlink()


def test_a_name_of_thousands_of_letters_is_drawn(copy):
    from microsite import share_image

    measured = []

    class Counting:
        def __init__(self, face):
            self.face, self.size = face, face.size

        def getlength(self, text):
            measured.append(len(text))
            return self.face.getlength(text)

    def work(name):
        measured.clear()
        face = ImageFont.truetype(str(share_image.FONT), 40)
        share_image.wrap(name, Counting(face), 1040, share_image.MAX_LINES)
        return sum(measured)

    # The work grows no faster than the name (it was the square of it: 800 letters took 44 s).
    assert work("N" * 8000) <= 1.5 * work("N" * 2000), (work("N" * 2000), work("N" * 8000))
    assert json.dumps(share_image.fit("N" * 2000, share_image.FONT, 1040, 400)[1])  # it fits, with an ellipsis
