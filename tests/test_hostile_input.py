"""Every value from config and data is text wherever it lands, or the build fails naming it.

The text fields are found from the schemas themselves: a leaf of the real data file that accepts
ordinary text is a text field; one that accepts text without a `javascript:` link but refuses it
with one is a Markdown field. Every one of them then gets a payload (tagged with its path) in one
build, and the built pages, the search index and `_headers` are searched for anything the payloads
turned into markup. Addresses get hostile addresses, and each must fail naming the field.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from crisis_fixture import crisis_data, write_crisis_data
from fixture_site import PRACTICE, practice_config, project_copy
from harness.browser import open_settled
from harness.server import serve_site
from harness.sitebuild import ROOT, docs_page_urls, mkdocs_build
from hostile import (
    BAD_EMAILS,
    BAD_ORIGINS,
    BAD_URLS,
    JS_LINK,
    MARKER,
    csp_hash_count,
    site_leaks,
    text_payload,
)
from microsite.crisis import load_crisis_lines
from microsite.data import FORMATS, DataError, load_schema, validate

# Each data file by its schema's name: the meaning, and its words (English: the language every
# page falls back to).
DATA_FILES = {"crisis-lines": "data/crisis-lines.yml", "self-assessment": "data/self-assessment.yml",
              "crisis-lines-text": "data/text/en/crisis-lines.yml",
              "self-assessment-text": "data/text/en/self-assessment.yml"}


def real(name: str) -> dict:
    # Through JSON: YAML anchors would otherwise share one object between several places.
    return json.loads(json.dumps(yaml.safe_load((ROOT / DATA_FILES[name]).read_text("utf-8"))))


def leaves(data, path=()):
    """(path, value) for every string in the data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from leaves(value, path + (i,))
    elif isinstance(data, str):
        yield path, data


def set_at(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def dotted(path) -> str:
    """A path as DataError names it: regions.US.lines[0].name"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


# The walk below follows $ref, allOf, anyOf, oneOf, properties, additionalProperties and items to
# the schema of a value; it refuses a schema with a keyword that leads elsewhere, which it would miss.
NOT_FOLLOWED = {"patternProperties", "prefixItems", "if", "then", "else", "dependentSchemas", "not", "contains",
                "unevaluatedProperties", "unevaluatedItems", "$dynamicRef"}


def applying(validator, schema: dict, instance) -> list[dict]:
    """`schema` and every schema it brings in for `instance`: what it refers to, and the branches
    of oneOf/anyOf that the (valid) real value fits."""
    assert not NOT_FOLLOWED & schema.keys(), f"the field walk does not follow {NOT_FOLLOWED & schema.keys()}"
    found = [schema]
    if "$ref" in schema:
        assert schema["$ref"].startswith("#/"), schema["$ref"]
        target = validator.schema
        for part in schema["$ref"][2:].split("/"):
            target = target[part]
        found += applying(validator, target, instance)
    for branch in schema.get("allOf", []):
        found += applying(validator, branch, instance)
    for branch in schema.get("oneOf", []) + schema.get("anyOf", []):
        if validator.evolve(schema=branch).is_valid(instance):
            found += applying(validator, branch, instance)
    return found


def field_schemas(validator, data, path) -> list[dict]:
    """The schemas the value at `path` must satisfy, read from the schema along the path."""
    schemas, instance = [validator.schema], data
    for key in path:
        below = []
        for schema in (s for parent in schemas for s in applying(validator, parent, instance)):
            if isinstance(instance, dict):
                if key in schema.get("properties", {}):
                    below.append(schema["properties"][key])
                elif isinstance(schema.get("additionalProperties"), dict):
                    below.append(schema["additionalProperties"])
            elif isinstance(schema.get("items"), dict):
                below.append(schema["items"])
        assert below, f"no schema for {dotted(path)}"
        schemas, instance = below, instance[key]
    return schemas


def classify(schema: str) -> dict[str, list]:
    """Split the real file's string fields into plain text, Markdown, and the rest (ids, addresses,
    dates, numbers), by what the schema of each field accepts (its format and every other rule)."""
    data = real(schema)
    validator = Draft202012Validator(load_schema(schema), format_checker=FORMATS)

    def accepts(schemas, value) -> bool:
        return all(validator.evolve(schema=s).is_valid(value) for s in schemas)

    kinds = {"plain": [], "markdown": [], "other": []}
    for path, _ in leaves(data):
        schemas = field_schemas(validator, data, path)
        if accepts(schemas, text_payload("t")):
            kinds["plain"].append(path)
        elif accepts(schemas, text_payload("t", links=False)):
            kinds["markdown"].append(path)
        else:
            kinds["other"].append(path)
    return kinds


@pytest.fixture(scope="module")
def fields():
    return {name: classify(name) for name in DATA_FILES}


def test_the_schemas_say_which_fields_are_text_and_which_markdown(fields):
    # Guards the discovery: a few fields whose kind we know.
    crisis, sa = fields["crisis-lines-text"], fields["self-assessment-text"]
    assert ("regions", "US", "name") in crisis["plain"]
    assert ("lines", "veterans-crisis-line", "contact_notes", "then-press-1") in crisis["plain"]
    assert ("lines", "veterans-crisis-line", "description") in crisis["markdown"]
    assert ("questions", "safety", "text") in sa["plain"]
    assert ("sections", "feeling", "notes", 0) in sa["markdown"]
    assert ("results", "support-now", "summary", 0) in sa["markdown"]
    assert len(crisis["plain"]) > 50 and len(sa["plain"]) > 50
    # The meaning files hold no words: only the word a provider asks to be texted is plain text.
    assert ("regions", "US", "lines", 0, "source") in fields["crisis-lines"]["other"]
    assert ("regions", "US", "lines", 0, "hours") in fields["crisis-lines"]["other"]
    assert fields["crisis-lines"]["markdown"] == [] and fields["self-assessment"]["markdown"] == []
    assert {path[-1] for path in fields["crisis-lines"]["plain"]} == {"message"}
    assert ("sections", 0, "id") in fields["self-assessment"]["other"]


def refusals(schema: str, paths, value: str):
    """(path, DataError) for each field of `paths` given `value`: each must refuse it."""
    data = real(schema)
    for path in paths:
        trial = copy.deepcopy(data)
        set_at(trial, path, value)
        with pytest.raises(DataError) as caught:
            validate(trial, schema, DATA_FILES[schema])
        yield path, caught.value


@pytest.mark.parametrize("schema", DATA_FILES)
def test_every_markdown_field_refuses_a_javascript_link_naming_file_field_and_value(tmp_path, fields, schema):
    for path, error in refusals(schema, fields[schema]["markdown"], JS_LINK):
        message = str(error)
        assert error.path == dotted(path), message
        assert DATA_FILES[schema] in message and "javascript:alert" in message and "not allowed" in message, message


# As a browser reads a link: character references decoded, tabs and newlines removed.
ENCODED_JS_LINKS = (
    f"see [this](javascript&colon;alert('{MARKER}'))",
    f"see [this](jav&#x09;ascript&colon;alert('{MARKER}'))",
    f"see [this](&#106;avascript:alert('{MARKER}'))",
    f"see [this](JaVaScRiPt:alert('{MARKER}'))",
)


@pytest.mark.parametrize("schema", DATA_FILES)
@pytest.mark.parametrize("link", ENCODED_JS_LINKS, ids=["colon", "tab", "numeric", "case"])
def test_every_markdown_field_refuses_a_link_that_reads_as_javascript(fields, schema, link):
    for path, error in refusals(schema, fields[schema]["markdown"], link):
        assert error.path == dotted(path) and "not allowed" in str(error), str(error)


@pytest.mark.parametrize("schema", DATA_FILES)
@pytest.mark.parametrize(("char", "name"), [("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\u200b", "U+200B ZERO WIDTH SPACE"),
                                            ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"), ("\u00ad", "U+00AD SOFT HYPHEN")])
def test_every_text_field_refuses_a_character_that_changes_how_text_shows(fields, schema, char, name):
    # "…Lifeline\u202e" shows "988" as "889" while the link dials 988.
    for path, error in refusals(schema, fields[schema]["plain"] + fields[schema]["markdown"], f"988 Lifeline{char} 988"):
        assert error.path == dotted(path) and name in str(error), str(error)


def test_every_address_in_the_crisis_data_refuses_hostile_addresses(fields):
    data = real("crisis-lines")
    addresses = [p for p, value in leaves(data) if value.startswith("https://")]
    assert len(addresses) > 30
    for path in addresses:
        for bad in BAD_URLS:
            trial = copy.deepcopy(data)
            set_at(trial, path, bad)
            with pytest.raises(DataError) as caught:
                validate(trial, "crisis-lines", DATA_FILES["crisis-lines"])
            assert caught.value.path == dotted(path) and repr(bad) in str(caught.value), (path, bad)


@pytest.mark.parametrize("bad", BAD_EMAILS)
def test_an_email_address_is_checked_as_an_address(tmp_path, bad):
    data = crisis_data()
    data["regions"]["GB"]["lines"][0]["contact"][1]["email"] = bad
    with pytest.raises(DataError) as caught:
        load_crisis_lines(write_crisis_data(tmp_path / "crisis-lines.yml", data))
    assert caught.value.path.startswith("regions.GB.lines[0].contact[1]") and repr(bad) in str(caught.value)


# --- one build with a payload in every text field ------------------------------------------------

HOSTILE_CONFIG = {  # top-level config values, printed by Material's templates
    "site_name": text_payload("site_name"),
    "site_description": text_payload("site_description"),
}
HOSTILE_PRACTICE = {
    **PRACTICE,
    "name": text_payload("practice.name"),
    "contact": "hello@northside.example",
    "reviewer": {"name": text_payload("reviewer.name"), "role": text_payload("reviewer.role"), "reviewed": "2026-12-01"},
}


def hostile_data(schema: str, fields) -> dict:
    data = real(schema)
    for path in fields[schema]["plain"]:
        set_at(data, path, text_payload(f"{schema}:{dotted(path)}"))
    for path in fields[schema]["markdown"]:
        set_at(data, path, text_payload(f"{schema}:{dotted(path)}", links=False))
    return data


def hostile_project(root: Path, fields, template_change=None) -> Path:
    """Our project in `root` with a payload in every text field; returns its config."""
    project_copy(root)
    for schema, rel in DATA_FILES.items():
        (root / rel).write_text(yaml.safe_dump(hostile_data(schema, fields), sort_keys=False, allow_unicode=True), "utf-8")
    faq = root / "docs" / "faq.md"
    faq.write_text(faq.read_text("utf-8").replace("description: ", f"description: {json.dumps(text_payload('faq description'))} #", 1), "utf-8")
    if template_change:
        template_change(root)
    config = practice_config(root, HOSTILE_PRACTICE)  # the practice's file, and our own config's values:
    config.write_text(yaml.safe_dump({"INHERIT": str(ROOT / "mkdocs.yml"), **HOSTILE_CONFIG}, sort_keys=False), "utf-8")
    return config


@pytest.fixture(scope="module")
def hostile_site(build_once, fields):
    return build_once("hostile", lambda folder: hostile_project(folder, fields))


def test_no_payload_becomes_markup_on_any_page_or_in_the_search_index(hostile_site):
    assert site_leaks(hostile_site) == []


def test_the_payloads_are_on_the_pages_as_text(hostile_site):
    # Guards the test above: the values did land, and read as the text they are.
    def text(page):
        return BeautifulSoup((hostile_site / page).read_text("utf-8"), "html5lib").get_text()

    assert f"O\"Brien & Sons' <{MARKER}coaching> practice.name <script>" in text("faq/index.html")
    assert f"<{MARKER}coaching> crisis-lines-text:regions.US.name <script>" in text("get-help-now/index.html")
    assert "[link](javascript:" in text("get-help-now/index.html")  # a plain field: not a link
    assert f"<{MARKER}coaching> self-assessment-text:questions.safety.text" in text("self-assessment/index.html")


def test_the_policy_trusts_no_more_scripts_than_for_clean_data(hostile_site, site_dir):
    assert csp_hash_count(hostile_site) == csp_hash_count(site_dir)


@pytest.mark.browser
def test_served_without_its_headers_no_page_runs_loads_or_redirects(new_page, hostile_site):
    # As GitHub Pages serves it: each page's own <meta> policy is all that stands in the way, and it
    # covers only what follows it. A host that sends `_headers` adds its policy to the page's
    # (a browser enforces both), so what cannot run, load or redirect here cannot there either.
    with serve_site(hostile_site, apply_headers=False) as base_url:
        for url in docs_page_urls():
            page, watch = new_page(base_url)
            open_settled(page, base_url + url)
            if url == "self-assessment/":
                page.check("#sa-q-safety input[data-crisis]")  # shows the alert's copy of the lines
            assert watch.dialogs == [], (url, watch.dialogs)
            assert watch.page_errors == [], (url, watch.page_errors)
            assert watch.other_origin_requests == [], (url, watch.other_origin_requests)
            assert page.url == base_url + url, (url, page.url)
            page.context.close()  # one page at a time; the fixture's close after the test is then a no-op


def test_the_checks_fail_when_one_template_stops_escaping(tmp_path, fields):
    def unescape_footer(root):
        footer = root / "overrides" / "partials" / "copyright.html"
        text = footer.read_text("utf-8")
        assert "name=practice.name %}" in text
        footer.write_text(text.replace("name=practice.name %}", "name=practice.name | safe %}"), "utf-8")

    site = tmp_path / "site"
    result = mkdocs_build(hostile_project(tmp_path, fields, unescape_footer), site, check=False)
    # The build refuses the script the footer now lets through, naming a page, publishes nothing...
    # (as each page is written, or at the end: "it holds an event handler", "no template wrote")
    assert result.returncode != 0 and ("no template wrote" in result.stderr or "it holds an event handler" in result.stderr), result.stderr
    assert not site.exists()
    # ...and the pages it wrote, kept aside to look at, hold the payload as markup.
    leaks = site_leaks(site.with_name(".site.failed"), search=False)
    assert any(f"<{MARKER}coaching> element" in leak for leak in leaks), leaks[:5]


# --- practice keys that are not text -------------------------------------------------------------

@pytest.fixture(scope="module")
def practice_copy(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("hostile-practice"))


@pytest.mark.parametrize(("key", "value"), [
    *[("website", bad) for bad in BAD_URLS[:3]],
    *[("booking_url", bad) for bad in BAD_URLS[:2]],
    *[("contact", bad) for bad in (BAD_URLS[1], BAD_EMAILS[0])],
    *[("embed_origins", [bad]) for bad in BAD_ORIGINS],
    ("logo", "../../../etc/passwd"),
    ("logo", "index.md"),
    ("logo", "assets/images/logo\".svg"),
    ("region", "<script>"),
    ("next_review", "<script>"),
    ("reviewer", {"name": "A"}),
])
def test_a_hostile_practice_value_fails_the_build_naming_the_key(practice_copy, key, value):
    config = practice_config(practice_copy, {**PRACTICE, key: value})
    result = mkdocs_build(config, practice_copy / "out", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{key}={value!r} built"
    assert f"practice/practice.yml: {key}" in output, output
    assert "Traceback" not in output, output


def test_the_same_copy_builds_with_good_values(practice_copy):
    # Guards the test above: each failure comes from the bad value.
    result = mkdocs_build(practice_config(practice_copy), practice_copy / "out-good", check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_publisher_block_and_footer_escape_the_practice(hostile_site):
    about = (hostile_site / "about" / "index.html").read_text("utf-8")
    assert re.search(r"published by <a [^>]*>O&quot;Brien|published by <a [^>]*>O\"Brien", about)
    assert "mailto:hello@northside.example" in about
