"""The `/// self-assessment` block: Markdown in, HTML out, one behaviour per test."""

from __future__ import annotations

import json
from collections import Counter

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from crisis_fixture import write_crisis_data
from microsite.data import DataError
from microsite.self_assessment import SelfAssessmentExtension
from microsite.self_assessment.model import browser_model, load_self_assessment
from harness.sitebuild import ROOT

BLOCK = "/// self-assessment\n///\n"
DATA = ROOT / "data" / "self-assessment.yml"


def render(tmp_path, source=BLOCK, data=DATA, **config) -> BeautifulSoup:
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    settings = {"data": str(data), "crisis_data": str(crisis), "region": "GB", "booking_url": "", **config}
    html = markdown.markdown(source, extensions=[SelfAssessmentExtension(**settings)])
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def soup(tmp_path):
    return render(tmp_path)


def result(soup, rid):
    return soup.select_one(f'.sa-result[data-result="{rid}"]')


def test_root_carries_the_module_hook(soup):
    assert soup.select_one("div.sa")["data-module"] == "self-assessment"


def test_one_fieldset_with_a_legend_per_question(soup):
    questions = [q for s in load_self_assessment(DATA)["sections"] for q in s["questions"]]
    fieldsets = soup.select("form.sa-form fieldset.sa-q")
    assert len(fieldsets) == len(questions) == 12
    for fieldset, question in zip(fieldsets, questions):
        assert question["text"] in fieldset.legend.get_text()


def test_every_radio_has_a_label_and_the_question_as_its_name(soup):
    for radio in soup.select("input[type=radio]"):
        label = radio.find_parent("label")  # the label wraps its radio: no ids to keep in step
        assert label is not None and label.get_text().strip()
        assert radio.find_parent("fieldset")["id"] == f"sa-q-{radio['name']}"


def test_questions_are_numbered_in_page_order(soup):
    assert [n.get_text() for n in soup.select(".sa-num")] == [f"{i}." for i in range(1, 13)]


def test_hint_and_error_are_linked_to_the_fieldset(soup):
    for fieldset in soup.select("fieldset.sa-q"):
        for ref in fieldset["aria-describedby"].split():
            assert fieldset.select_one(f"#{ref}") is not None, ref


def test_ids_are_unique(soup):
    counts = Counter(tag["id"] for tag in soup.select("[id]"))
    assert [i for i, n in counts.items() if n > 1] == []


def test_crisis_help_comes_before_the_first_question(soup):
    first = soup.select_one("div.sa").find(["section", "form"])
    assert "sa-crisis" in first["class"]
    assert first.select_one(".crisis-help #region-gb") is not None


def test_crisis_help_leads_with_the_configured_region_and_holds_every_other_to_open(soup):
    panel = soup.select_one(".sa-crisis")
    assert [s["id"] for s in panel.select(".crisis-region")] == ["region-gb", "region-ie", "region-us"]
    assert panel.select_one(".crisis-region").name == "section"  # the configured one, open
    others = panel.select("details.crisis-region--other")
    assert [d.summary.get_text() for d in others] == ["Ireland", "United States"]
    # Each opens on its emergency number and lines, and links to the full region on Get help now.
    assert others[1].select_one('.crisis-emergency a[href="tel:911"]') is not None
    assert others[1].select_one('.crisis-line a[href="tel:988"]') is not None
    assert others[1].select_one('.crisis-more a')["href"] == "get-help-now.md#crisis-us"


def test_crisis_answer_is_marked_for_the_script(soup):
    marked = soup.select("input[data-crisis]")
    assert [(r["name"], r.find_parent("label").get_text().strip()) for r in marked] == [("safety", "Yes")]


def test_alert_after_the_safety_question_is_hidden_until_chosen_and_repeats_the_lines(soup):
    alert = soup.select_one("#sa-alert")
    assert alert.has_attr("hidden")
    assert alert.find_previous_sibling("fieldset")["id"] == "sa-q-safety"
    assert alert.select_one(".crisis-help .crisis-line") is not None
    assert alert.select_one('[role="alert"]') is not None


def test_copies_of_the_crisis_help_have_no_ids_and_no_headings(soup):
    copies = soup.select("#sa-alert .crisis-help, .sa-outcome .crisis-help")
    assert len(copies) == 2  # the alert, and one for the results that show the lines
    for copy in copies:
        assert copy.select("[id]") == [] and not copy.has_attr("id")
        assert copy.select("h1, h2, h3, h4, h5, h6") == []
        assert [p.get_text() for p in copy.select(".sa-copy-heading")][:2] == ["United Kingdom", "Listening Line"]
        # Every other region is one step away in each copy too.
        assert [d.summary.get_text() for d in copy.select("details")] == ["Ireland", "United States"]


def test_the_form_cannot_send_anything(soup):
    form = soup.select_one("form")
    assert not form.has_attr("action") and not form.has_attr("method")
    assert {b["type"] for b in soup.select("button")} == {"button"}


def test_script_only_controls_start_hidden(soup):
    for selector in (".sa-progress", ".sa-nav", ".sa-errors", ".sa-tools", ".sa-mine", ".sa-notice", "#sa-alert"):
        assert soup.select_one(selector).has_attr("hidden"), selector


def test_model_is_json_data_not_code(soup):
    assert soup.select("script") == []  # Material's instant navigation would run any <script> as code
    model = soup.select_one("div.sa")["data-model"]
    assert json.loads(model) == browser_model(load_self_assessment(DATA))


def test_model_json_escapes_markup_characters(soup):
    text = soup.select_one("div.sa")["data-model"]
    assert "\\u003e=" in text  # the rules' ">=" survives as an escape, and still decodes to ">="
    assert not set("<>&") & set(text)
    assert json.loads(text)["rules"][0]["when"]["op"] == ">="


def test_scoring_guide_is_open_and_lists_every_answer_and_rule(soup):
    guide = soup.select_one("details.sa-guide")
    assert guide.has_attr("open")
    assert len(guide.select(".sa-guide__points > li")) == 12
    rules = [li.get_text() for li in guide.select(".sa-guide__rules > li")]
    assert rules[0] == "If your safety points are 1 or more: Please reach out for support now."
    assert "Otherwise, if your coaching points minus your therapy points is 4 or more: Coaching may fit you well." in rules
    assert rules[-1] == "Otherwise: Coaching or therapy could both help."
    assert "Nearly every day: 3 worry points (questions 8 and 9)" in guide.get_text()
    assert "Several days: 1 worry point (questions 8 and 9)" in guide.get_text()


def test_every_result_says_it_is_not_a_diagnosis(soup):
    results = soup.select(".sa-result")
    assert len(results) == len(load_self_assessment(DATA)["results"])
    for section in results:
        assert section.select_one(".sa-nodiag strong").get_text() == "This is not a diagnosis."


def test_result_reasons_point_at_their_rules(soup):
    reasons = [int(li["data-rule"]) for li in result(soup, "professional").select(".sa-why li")]
    rules = load_self_assessment(DATA)["rules"]
    assert reasons == [i for i, rule in enumerate(rules) if rule["result"] == "professional"] and len(reasons) > 1


def test_result_heading_can_take_focus(soup):
    for section in soup.select(".sa-result"):
        assert section.h3["tabindex"] == "-1" and section["aria-labelledby"] == section.h3["id"]


def test_result_region_is_a_status_present_from_the_start(soup):
    assert soup.select_one("#sa-outcome")["role"] == "status"


def test_without_the_script_the_lines_come_before_the_results(soup):
    lines = soup.select_one(".sa-result-crisis")
    assert lines.find_previous_sibling("section", class_="sa-result") is None
    assert lines.find_next_sibling("section", class_="sa-result") is not None


def test_no_booking_link_without_a_booking_url(soup):
    assert soup.select(".sa-booking") == []
    assert all(a.get("href") for a in soup.select("a"))


def test_booking_link_only_in_results_where_coaching_fits(tmp_path):
    soup = render(tmp_path, booking_url="https://practice.example/book")
    with_booking = [s["data-result"] for s in soup.select(".sa-result") if s.select_one(".sa-booking")]
    assert with_booking == ["coaching", "either"]
    assert soup.select_one(".sa-booking a")["href"] == "https://practice.example/book"


def test_find_a_therapist_links_come_from_the_region(soup):
    with_finders = [s["data-result"] for s in soup.select(".sa-result") if s.select_one(".sa-finders")]
    assert with_finders == [r["id"] for r in load_self_assessment(DATA)["results"] if r.get("show_find_a_therapist")]
    assert [a["href"] for a in result(soup, "therapy").select(".sa-finders a")] == ["https://example.nhs.uk/talk"]


def test_page_links_stay_markdown_paths_for_mkdocs_to_resolve(soup):
    hrefs = [a["href"] for a in result(soup, "coaching").select(".sa-links a")]
    assert hrefs == ["coaching.md", "differences.md"]


def test_section_notes_allow_markdown_links(soup):
    notes = soup.select("#sa-step-feeling .sa-note")
    assert notes[0].a["href"] == "https://doi.org/10.1176/appi.psy.50.6.613"
    assert notes[1].get_text().startswith("Developed by Drs. Robert L. Spitzer")


def test_links_stay_in_the_frame_by_default(soup):
    assert soup.select("a[target]") == []


def test_embed_option_opens_every_link_in_the_top_window(tmp_path):
    soup = render(tmp_path, source="/// self-assessment\n    embed: true\n///\n", booking_url="https://practice.example/book")
    links = soup.select("a")
    assert links and all(a["target"] == "_top" for a in links)


def test_bad_data_fails_with_the_path(tmp_path):
    raw = yaml.safe_load(DATA.read_text("utf-8"))
    raw["rules"][1]["when"]["scale"] = "mood"
    bad = tmp_path / "data.yml"
    bad.write_text(yaml.safe_dump(raw), "utf-8")
    with pytest.raises(DataError, match=r"data\.yml: rules\[1\]\.when\.scale: unknown scale 'mood'"):
        render(tmp_path, data=bad)


def test_region_without_crisis_lines_fails(tmp_path):
    with pytest.raises(DataError, match="no crisis lines for region 'FR'"):
        render(tmp_path, region="FR")


def test_questions_results_guide_and_crisis_copies_are_kept_out_of_the_search_index(soup):
    # Material's search skips elements marked data-search-exclude; a heading inside one would
    # still open an empty entry, so headings are marked too.
    parts = soup.select("form.sa-form, details.sa-guide, #sa-outcome, .sa-crisis .crisis-help")
    assert len(parts) == 4
    for part in parts:
        assert part.has_attr("data-search-exclude"), part.name
        for heading in part.select("h1, h2, h3, h4, h5, h6"):
            assert heading.has_attr("data-search-exclude"), heading.get_text()
    copies = soup.select("#sa-alert .crisis-help, .sa-result .crisis-help")
    assert copies and all(copy.find_parent(attrs={"data-search-exclude": True}) for copy in copies)
    panel = soup.select_one(".sa-crisis")  # its heading and words stay searchable
    assert not panel.has_attr("data-search-exclude") and not panel.h3.has_attr("data-search-exclude")


def test_steps_and_results_stay_out_of_the_table_of_contents_and_keep_their_headings(tmp_path):
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    md = markdown.Markdown(extensions=["toc", SelfAssessmentExtension(
        data=str(DATA), crisis_data=str(crisis), region="GB", booking_url="")])
    soup = BeautifulSoup(md.convert("## Before you start\n\n" + BLOCK), "html.parser")
    assert [token["name"] for token in md.toc_tokens] == ["Before you start"]
    listed = [token["name"] for token in md.toc_tokens[0]["children"]]
    assert listed == ["If you need help right now"]  # the crisis panel, always visible
    assert md.toc_tokens[0]["children"][0]["children"] == []  # not its region and lines
    assert soup.select(".sa-crisis h4, .sa-crisis h5")  # which keep their headings on the page
    assert [h.get_text() for h in soup.select(".sa-result h3")] == [
        r["title"] for r in load_self_assessment(DATA)["results"]]
    assert len(soup.select(".sa-step h2")) == len(load_self_assessment(DATA)["sections"])
    assert [tag.name for tag in soup.find_all(True) if tag.name.startswith("sa-heading")] == []  # names given back


def test_scoring_guide_has_its_own_heading_above_its_sections(soup):
    guide = soup.select_one("details.sa-guide")
    assert guide.select_one("summary > h2").get_text() == "How to score it yourself"
    assert [h.name for h in guide.find_all(["h2", "h3"])] == ["h2", "h3", "h3"]


def test_one_copy_of_the_lines_serves_every_result_that_shows_them(soup):
    lines = soup.select(".sa-outcome .sa-result-crisis")
    assert len(lines) == 1 and lines[0].select_one(".crisis-help .crisis-line") is not None
    expected = [r["id"] for r in load_self_assessment(DATA)["results"] if r.get("show_crisis")]
    assert lines[0]["data-results"].split() == expected and expected
    assert soup.select(".sa-result .crisis-help") == []
