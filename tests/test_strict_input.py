"""Input that is not understood ends the build with a message that says where, never silently.

Duplicate YAML keys, ids made twice on one page, a `///` block with a mistyped name or option, an
empty or misshapen file, a config block that is not a mapping, an inline script in a page, a logo
outside docs/, an origin written another way: one test each, asserting the message.
"""

from __future__ import annotations

import json
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from crisis_fixture import crisis_data, crisis_text, write_crisis_data
from fixture_site import (
    PRACTICE,
    PRACTICE_FILE,
    edited_config,
    inheriting_config,
    practice_config,
    project_copy,
    write_practice_file,
)
from harness.sitebuild import ROOT, mkdocs_build
from microsite.crisis import CrisisExtension, load_crisis_lines
from microsite.data import DataError, parse_yaml
from microsite.fences import BlockNotUnderstood
from microsite.ids import IdClash
from microsite.self_assessment import SelfAssessmentExtension
from microsite.self_assessment.model import load_self_assessment
from sa_fixture import write_sa_data


def build(root, practice=None, **settings):
    """Build `root` as a practice: its block and any site-level `settings` in practice/practice.yml."""
    config = practice_config(root, practice, **settings)
    result = mkdocs_build(config, root / "site", check=False)
    return result.returncode, result.stdout + result.stderr


def replace_in(path, old, new, count=1):
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), "utf-8")


@pytest.fixture
def copy(tmp_path):
    return project_copy(tmp_path)


def test_the_unchanged_copy_builds(copy):
    # Guards every build test below: each failure comes from the one change it makes.
    code, output = build(copy)
    assert code == 0, output


# --- duplicate keys -----------------------------------------------------------------------------

def test_a_region_written_twice_fails_naming_file_line_and_key(copy):
    data = copy / "data" / "crisis-lines.yml"
    lines = data.read_text("utf-8").splitlines()
    first, line = (next(n for n, text in enumerate(lines, 1) if text == f"  {code}:") for code in ("US", "GB"))
    replace_in(data, "\n  GB:\n", "\n  US:\n")
    code, output = build(copy)
    assert code != 0
    assert f"crisis-lines.yml: line {line}: the key 'US' is written twice in one place (first at line {first})" in output, output
    assert "Traceback" not in output


def test_a_key_written_twice_in_a_practice_file_fails_naming_it(copy):
    config = practice_config(copy)
    practice_file = copy / PRACTICE_FILE
    text = practice_file.read_text("utf-8").replace("name: Northside Coaching Studio\n",
                                                    "name: Northside Coaching Studio\nname: Someone Else\n")
    practice_file.write_text(text, "utf-8")
    result = mkdocs_build(config, copy / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "practice/practice.yml: line 3: the key 'name' is written twice" in output, output


def test_a_key_written_twice_in_our_config_fails_naming_it(copy):
    config = inheriting_config(copy)
    text = config.read_text("utf-8").replace("    name: Northside Coaching Studio\n",
                                             "    name: Northside Coaching Studio\n    name: Someone Else\n")
    config.write_text(text, "utf-8")
    result = mkdocs_build(config, copy / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "mkdocs.yml: line" in output and "the key 'name' is written twice" in output, output


def test_a_key_written_twice_in_front_matter_fails_naming_the_page(copy):
    replace_in(copy / "docs" / "faq.md", "reviewed:", "description: Second.\nreviewed:")
    code, output = build(copy)
    assert code != 0, output
    assert "faq.md: front matter is not valid: line 3: the key 'description' is written twice in one place (first at line 2)" in output, output


def test_duplicate_keys_anywhere_are_found_with_their_line():
    with pytest.raises(DataError, match=r"x.yml: line 4: the key 'b' is written twice in one place \(first at line 3\)"):
        parse_yaml("a:\n  - c: 1\n    b: 2\n    b: 3\n", "x.yml")


# --- files and blocks of the wrong shape --------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("", "crisis-lines.yml: it is empty"),
    ("# nothing but a comment\n", "crisis-lines.yml: it is empty"),
    ("- US\n- GB\n", "crisis-lines.yml: expected a mapping of keys and values at the top, got list"),
    ("version: [1\n", "crisis-lines.yml: not valid YAML"),
])
def test_an_empty_or_misshapen_data_file_gets_one_line_naming_it(tmp_path, text, expected):
    path = tmp_path / "crisis-lines.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_a_practice_file_that_is_not_a_mapping_fails_without_a_traceback(copy):
    practice_config(copy)
    write_practice_file(copy, "hello\n")
    result = mkdocs_build(copy / "mkdocs.yml", copy / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "practice/practice.yml: expected keys and values (site_url, name, region, ...), got 'hello'" in output, output
    assert "Traceback" not in output


def test_a_practice_block_that_is_not_a_mapping_fails_without_a_traceback(copy):
    result = mkdocs_build(edited_config(copy, "hello"), copy / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "mkdocs.yml extra.practice: expected a block of keys (name, website, region, ...), got 'hello'" in output, output
    assert "Traceback" not in output


# --- ids ----------------------------------------------------------------------------------------

def render_self_assessment(tmp_path, data):
    path = write_sa_data(tmp_path / "self-assessment.yml", data)
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    extension = SelfAssessmentExtension(data=str(path), crisis_data=str(crisis), region="GB", booking_url="")
    return markdown.markdown("/// self-assessment\n///\n", extensions=[extension]), path


def test_a_question_id_that_makes_another_questions_id_fails_naming_both(tmp_path):
    data = load_self_assessment(ROOT / "data" / "self-assessment.yml")
    data["sections"][1]["questions"][0]["id"] = "safety-error"
    with pytest.raises(IdClash) as caught:
        render_self_assessment(tmp_path, data)
    message = str(caught.value)
    assert 'the id "sa-q-safety-error" is used twice' in message
    assert "sections[0].questions[0].id (its error message)" in message and "sections[1].questions[0].id (its question)" in message


def test_two_crisis_lines_with_one_name_keep_an_anchor_each(tmp_path):
    # A line's anchor is its id in the data (unique there, and the same in every language), not
    # its name, so two lines may share a name without sharing an anchor.
    text = crisis_text()
    text["lines"]["call-and-text-line"]["name"] = "Listening Line"
    path = write_crisis_data(tmp_path / "crisis-lines.yml", text=text)
    html = markdown.markdown("/// crisis-lines\n///\n", extensions=[CrisisExtension(region="GB", data=str(path))])
    ids = [h["id"] for h in BeautifulSoup(html, "html.parser").select("li.crisis-line > h4")]
    assert sorted(ids) == ["call-and-text-line", "listening-line", "text-line"]


def test_two_crisis_lines_with_one_id_fail_naming_both(tmp_path):
    data = crisis_data()
    data["regions"]["US"]["lines"][0]["id"] = "listening-line"
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    with pytest.raises(DataError, match=r"regions.GB.lines\[0\].id: duplicate line id 'listening-line' \(already used at "
                                        r"regions.US.lines\[0\]\)"):
        markdown.markdown("/// crisis-lines\n///\n", extensions=[CrisisExtension(region="GB", data=str(path))])


def test_a_heading_named_like_a_crisis_line_fails_the_build_naming_both(copy):
    replace_in(copy / "docs" / "get-help-now.md", "## Who to contact { #who-to-contact }", "## Who to contact { #samaritans }")
    code, output = build(copy)
    assert code != 0 and 'the id "samaritans" is used twice on this page' in output, output
    assert 'the heading "Who to contact"' in output and "regions.GB.lines[0].name" in output, output


def test_a_heading_with_an_id_the_template_uses_fails_the_build(copy):
    replace_in(copy / "docs" / "faq.md", "{ #replacement }", "{ #__drawer }")
    code, output = build(copy)
    assert code != 0 and 'faq.md: the id "__drawer" is used 2 times on this page, by the page\'s content and the theme\'s template' in output, output


# --- blocks that are not understood -------------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    ("Text.\n\n/// crisis-line\n///\n", "line 3: the block `/// crisis-line` was not understood: there is no block named 'crisis-line'"),
    ("/// crisis-lines\n    show: regoin\n///\n", "line 1: the block `/// crisis-lines` was not understood: option show: 'regoin' is not valid"),
    ("\n\n/// crisis-lines\n    colour: red\n///\n", "line 3: the block `/// crisis-lines` was not understood: unknown option 'colour'"),
    ("/// crisis-lines | all\n///\n", "line 1: the block `/// crisis-lines | all` was not understood: it takes no argument"),
])
def test_a_block_that_is_not_understood_fails_with_its_line_and_why(tmp_path, source, expected):
    path = write_crisis_data(tmp_path / "crisis-lines.yml")
    with pytest.raises(BlockNotUnderstood) as caught:
        markdown.markdown(source, extensions=[CrisisExtension(region="GB", data=str(path))])
    assert expected in str(caught.value)


def test_a_fence_inside_a_code_block_is_left_alone(tmp_path):
    path = write_crisis_data(tmp_path / "crisis-lines.yml")
    html = markdown.markdown("```\n/// crisis-line\n```\n\n    /// indented code\n",
                             extensions=["fenced_code", CrisisExtension(region="GB", data=str(path))])
    assert "/// crisis-line" in html


def test_a_mistyped_option_fails_the_build_with_the_page_and_its_line(copy):
    page = copy / "docs" / "self-assessment-embed.md"
    line = page.read_text("utf-8").splitlines().index("/// self-assessment") + 1
    replace_in(page, "    share_page: self-assessment.md", "    share_pgae: self-assessment.md")
    code, output = build(copy)
    assert code != 0 and "self-assessment-embed.md" in output, output
    assert f"line {line}: the block `/// self-assessment` was not understood: unknown option 'share_pgae'" in output, output


# --- scripts, logo, origins, contact ------------------------------------------------------------

def test_an_inline_script_in_a_page_fails_the_build_naming_the_page(copy):
    replace_in(copy / "docs" / "faq.md", "## Is coaching a replacement", "<script>alert(1)</script>\n\n## Is coaching a replacement")
    code, output = build(copy)
    assert code != 0 and "faq/index.html: it holds an inline script that no template wrote ('alert(1)')" in output, output


def test_an_origin_is_written_as_browsers_report_it(copy):
    code, output = build(copy, {**PRACTICE, "embed_origins": ["https://Northside.EXAMPLE:443", "https://northside.example"]})
    assert code == 0, output
    embed = BeautifulSoup((copy / "site" / "self-assessment-embed" / "index.html").read_text("utf-8"), "html.parser")
    assert json.loads(embed.find(attrs={"data-embed-origins": True})["data-embed-origins"]) == ["https://northside.example"]
    assert re.search(r"frame-ancestors https://northside\.example(;|$)", (copy / "site" / "_headers").read_text("utf-8"), re.M)


def test_a_published_site_must_say_where_to_report_an_error(copy):
    practice = {k: v for k, v in PRACTICE.items() if k != "contact"}
    code, output = build(copy, practice, site_url="https://northside-coaching.com/learn/")
    assert code != 0 and "practice/practice.yml: contact: required once site_url is a real address" in output, output
    code, output = build(copy, {**practice, "contact": "hello@northside-coaching.com"}, site_url="https://northside-coaching.com/learn/")
    assert code == 0, output


def test_every_template_of_ours_escapes_and_materials_stay_as_they_are():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["microsite"]
    built = plugin.on_config(config)
    env = plugin.on_env(built.theme.get_env(), built, None)
    ours = sorted(p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*") if p.is_file())
    assert len(ours) >= 7
    for name in ours:
        assert env.autoescape(name), name
        assert env.get_template(name).environment.autoescape(name)
    assert not env.autoescape("base.html") and not env.autoescape("partials/nav.html")
    assert env.from_string("{{ x }}").render(x="<b>") == "<b>"  # other templates: unchanged
