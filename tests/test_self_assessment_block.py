"""The `/// self-assessment` block: Markdown in, HTML out, one behaviour per test.

Rendered from a small fixture questionnaire (`sa_fixture.py`) and crisis data (`crisis_fixture.py`),
so these tests check the block's machinery; facts of the site's own questionnaire are checked in
`test_self_assessment_content.py`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise

import markdown
import pytest
from bs4 import BeautifulSoup

from crisis_fixture import crisis_data, crisis_text, write_crisis_data
from harness.sitebuild import ROOT
from microsite import contents
from microsite.data import DataError
from microsite.self_assessment import SelfAssessmentExtension
from microsite.self_assessment.model import browser_model
from sa_fixture import questions, sa_data, write_sa_data

BLOCK = "/// self-assessment\n///\n"
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "self-assessment.js"
REGION = "GB"


def render(tmp_path, source=BLOCK, data=None, **config) -> BeautifulSoup:
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    path = write_sa_data(tmp_path / "self-assessment.yml", data)
    settings = {"data": str(path), "crisis_data": str(crisis), "region": REGION, "booking_url": "", **config}
    html = markdown.markdown(source, extensions=[SelfAssessmentExtension(**settings)])
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def soup(tmp_path):
    return render(tmp_path)


DATA = sa_data()
QUESTIONS = questions(DATA)
LINES = crisis_data()["regions"][REGION]


def result(soup, rid):
    return soup.select_one(f'.sa-result[data-result="{rid}"]')


def parts(soup, name):
    return soup.select(f'[data-sa-part="{name}"]')


# The root and its model

def test_root_carries_the_module_hook(soup):
    assert soup.select_one("div.sa")["data-module"] == "self-assessment"


def test_model_is_json_data_not_code(soup):
    assert soup.select("script") == []  # Material's instant navigation would run any <script> as code
    assert json.loads(soup.select_one("div.sa")["data-model"]) == browser_model(DATA)


def test_model_json_escapes_markup_characters(soup):
    text = soup.select_one("div.sa")["data-model"]
    assert "\\u003e=" in text  # the rules' ">=" survives as an escape, and still decodes to ">="
    assert not set("<>&") & set(text)
    assert json.loads(text)["rules"][0]["when"]["op"] == ">="


# Questions

def test_one_fieldset_per_question_with_its_text_in_the_legend_numbered_in_page_order(soup):
    fieldsets = soup.select("form.sa-form fieldset.sa-q")
    assert [f["data-sa-question"] for f in fieldsets] == [q["id"] for q in QUESTIONS]
    for n, (fieldset, question) in enumerate(zip(fieldsets, QUESTIONS, strict=True), start=1):
        assert fieldset.legend.get_text() == f"{n}. {question['text']}"
        assert fieldset.select_one(".sa-num").get_text() == f"{n}."


def test_every_option_is_a_labelled_radio_named_for_its_question_with_its_index(soup):
    for question in QUESTIONS:
        fieldset = soup.select_one(f'fieldset[data-sa-question="{question["id"]}"]')
        radios = fieldset.select("input[type=radio]")
        assert [r.find_parent("label").get_text() for r in radios] == [o["label"] for o in question["options"]]
        assert [r.get("name") for r in radios] == [question["id"]] * len(question["options"])
        assert [r.get("value") for r in radios] == [str(i) for i in range(len(question["options"]))]


def test_each_step_holds_its_section_under_its_title(soup):
    steps = soup.select("[data-step]")
    assert [s["data-step"] for s in steps] == [str(i) for i in range(len(DATA["sections"]))]
    for step, section in zip(steps, DATA["sections"], strict=True):
        heading = soup.select_one(f'#{step["aria-labelledby"]}')  # the script focuses it
        assert heading.get_text() == section["title"] and heading.parent is step and heading["tabindex"] == "-1"
        assert [f["data-sa-question"] for f in step.select("fieldset")] == [q["id"] for q in section["questions"]]


def test_hint_and_error_are_linked_to_the_fieldset(soup):
    for fieldset, question in zip(soup.select("fieldset.sa-q"), QUESTIONS, strict=True):
        refs = fieldset["aria-describedby"].split()
        assert len(refs) == (2 if question.get("hint") else 1)
        for ref in refs:
            assert fieldset.select_one(f"#{ref}") is not None, ref
        error = fieldset.select_one('[data-sa-part="question-error"]')
        assert error["id"] in refs and error.has_attr("hidden")
        if question.get("hint"):
            assert fieldset.select_one(".sa-hint").get_text() == question["hint"]


def test_ids_are_unique(soup):
    counts = Counter(tag["id"] for tag in soup.select("[id]"))
    assert [i for i, n in counts.items() if n > 1] == []


def test_text_from_the_data_is_shown_as_text_never_as_markup(soup):
    assert soup.select("script, b, i, plans, you") == []
    text = soup.get_text()
    for literal in ("First <i>step</i>", "What do you want <script>alert(1)</script>?", "Goals & <plans>",
                    "Care may fit <you>", "A hint <b>in bold?</b>", "care <b>&</b> points"):
        assert literal in text, literal


def test_intro_and_notes_allow_the_markdown_subset(soup):
    first, second = soup.select("[data-step]")
    intro = first.select_one(".sa-intro")
    assert intro.em.get_text() == "intro" and intro.a["href"] == "https://example.org/intro"
    assert second.select_one(".sa-note a")["href"] == "https://doi.org/10.1000/fixture"


# Crisis help: the strip, the alert, the panel and the copy for the results

def test_the_crisis_strip_comes_first_as_a_labelled_region(soup):
    first = soup.select_one("div.sa").find(["section", "form", "p", "div"])
    assert "crisis-strip" in first["class"]
    label = soup.select_one(f'#{first["aria-labelledby"]}')
    assert label in first.descendants and label.get_text().strip()


def test_the_strip_calls_and_texts_the_regions_emergency_number_and_main_line(tmp_path):
    data = crisis_data()
    for region in data["regions"]:
        strip = render(tmp_path, region=region).select_one(".crisis-strip")
        place = data["regions"][region]
        numbers = [n for n in (place["emergency"]["number"], place["emergency"].get("also")) if n]
        expected = [f"tel:{n.replace(' ', '')}" for n in numbers]
        for contact in place["lines"][0]["contact"]:  # one tap: calls and texts only
            if "call" in contact:
                expected.append(f"tel:{contact['call'].replace(' ', '')}")
            elif "text" in contact:
                expected.append(f"sms:{contact['text'].replace(' ', '')}")
        shown = strip.select(".crisis-strip__region:not([hidden])")
        assert [s["data-region"] for s in shown] == [region]  # the others, and elsewhere, wait hidden
        links = shown[0].select("a:not(.crisis-more-lines)")
        assert [a["href"] for a in links] == expected, region
        name = crisis_text()["regions"][region]["name"]
        line = crisis_text()["lines"][place["lines"][0]["id"]]["name"]
        assert f"{line} ({name})" in shown[0].get_text()  # named with its country
        assert f"Emergency ({name})" in shown[0].get_text()
        assert all(a.get_text().strip() for a in links)


def test_the_strip_links_to_the_full_panel_after_the_questionnaire(soup):
    more = soup.select_one(".crisis-strip .crisis-strip__region:not([hidden]) a.crisis-more-lines")
    panel = soup.select_one(more["href"])
    assert more["href"].startswith("#") and "sa-crisis" in panel["class"]
    # After the questions and the results, so the questions start on the first screen.
    assert panel.find_previous_sibling("form") is not None and panel.find_previous_sibling(class_="sa-outcome") is not None


def test_the_panel_leads_with_the_configured_region_and_holds_every_other_to_open(soup):
    panel = soup.select_one(".sa-crisis")
    assert [s["id"] for s in panel.select(".crisis-region")] == ["region-gb", "region-ie", "region-us"]
    assert [d.has_attr("open") for d in panel.select("details.crisis-region")] == [True, False, False]
    others = panel.select("details.crisis-region")[1:]
    assert [d.summary.get_text() for d in others] == ["Ireland", "United States"]
    assert others[1].select_one('.crisis-emergency a[href="tel:911"]') is not None
    assert others[1].select_one('.crisis-line a[href="tel:988"]') is not None
    assert others[1].select_one('.crisis-more a')["href"] == "get-help-now.md#help-us"


def test_the_panel_headings_go_down_one_level_at_a_time(soup):
    panel = soup.select_one(".sa-crisis")
    levels = [int(h.name[1]) for h in panel.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 2 and all(b - a <= 1 for a, b in pairwise(levels)), levels


def test_only_crisis_answers_are_marked_for_the_script(soup):
    marked = [(r["name"], r.find_parent("label").get_text()) for r in soup.select("input[data-crisis]")]
    assert marked == [(q["id"], o["label"]) for q in QUESTIONS for o in q["options"] if o.get("crisis")]
    assert marked


def test_the_alert_follows_the_first_question_with_a_crisis_answer_hidden_until_chosen(soup):
    alert = parts(soup, "alert")
    assert len(alert) == 1 and alert[0].has_attr("hidden")
    assert alert[0].find_previous_sibling("fieldset")["data-sa-question"] == "safe"
    assert alert[0].select_one('[role="alert"]') is not None
    # The place the script moves the crisis panel to, empty until then.
    assert [slot.contents for slot in alert[0].select('[data-sa-part="alert-lines"]')] == [[]]


def test_one_alert_however_many_questions_have_a_crisis_answer(tmp_path):
    data = sa_data()
    data["sections"][1]["questions"][1]["options"][1]["crisis"] = True  # a second one, in the next step
    soup = render(tmp_path, data=data)
    assert len(soup.select("input[data-crisis]")) == 2
    [alert] = parts(soup, "alert")  # any crisis answer shows the same alert: there is one, after the first
    assert alert.find_previous_sibling("fieldset")["data-sa-question"] == "safe"


def test_without_a_crisis_answer_there_is_no_alert_and_the_rest_is_there(tmp_path):
    data = sa_data()
    for option in data["sections"][0]["questions"][0]["options"]:
        option.pop("crisis", None)
    soup = render(tmp_path, data=data)
    assert parts(soup, "alert") == [] and soup.select("input[data-crisis]") == []
    assert len(soup.select("fieldset.sa-q")) == len(QUESTIONS)
    assert soup.select_one(".crisis-strip a[href^='tel:']") is not None


def test_the_crisis_lines_are_written_once_in_the_panel(soup):
    assert len(soup.select(".crisis-help")) == 1 and parts(soup, "panel") == soup.select(".sa-crisis")
    assert len(soup.select('.crisis-line a[href="tel:116123"]')) == 1


def test_the_results_that_show_the_lines_have_one_place_for_the_panel(soup):
    lines = parts(soup, "result-lines")
    expected = [r["id"] for r in DATA["results"] if r.get("show_crisis")]
    assert len(lines) == 1 and lines[0]["data-results"].split() == expected
    assert lines[0].has_attr("hidden") and lines[0].contents == []  # the script moves the strip here
    [strip] = parts(soup, "strip")
    assert strip.select_one(".crisis-strip__region:not([hidden]) a")["href"] == "tel:999"
    assert {a["href"] for a in strip.select("a.crisis-more-lines")} == {"#sa-crisis"}
    assert lines[0].find_parent(class_="sa-outcome") is not None


def test_no_copy_for_the_results_when_no_result_shows_the_lines(tmp_path):
    data = sa_data()
    for r in data["results"]:
        r.pop("show_crisis", None)
    assert parts(render(tmp_path, data=data), "result-lines") == []


# Scoring guide and results

def test_scoring_guide_is_open_and_gives_the_points_of_every_answer(soup):
    guide = parts(soup, "guide")[0]
    assert guide.name == "details" and guide.has_attr("open")
    items = guide.select(".sa-guide__points > li")
    assert len(items) == len(QUESTIONS)
    assert [li.select_one("li").get_text() for li in items] == ["No: 0 safety points", "Goals & <plans>: 2 goal points", "Fine: 0 goal points"]
    assert "Both: 1 goal point and 1 care <b>&</b> point" in items[1].get_text()


def test_scoring_guide_gives_every_rule_in_words_in_order(soup):
    rules = [li.get_text() for li in soup.select(".sa-guide__rules > li")]
    assert rules == [
        "If your safety points are 1 or more: Reach out now.",
        "Otherwise, if your care <b>&</b> points are 3 or more or (your care <b>&</b> points are 2 or more "
        "and your goal points are exactly 0): Care may fit <you>.",
        "Otherwise, if your goal points minus your care <b>&</b> points is 2 or more: Goals may fit.",
        "Otherwise, if your care <b>&</b> points plus your goal points are more than 2: Care may fit <you>.",
        "Otherwise: Goals may fit.",
    ]


def test_scoring_guide_has_its_own_heading_above_its_sections(soup):
    guide = soup.select_one("details.sa-guide")
    assert guide.select_one("summary > h2").get_text() == "How to score it yourself"
    assert [h.name for h in guide.find_all(["h2", "h3"])] == ["h2", "h3", "h3"]


def test_every_result_with_its_title_summary_and_not_a_diagnosis(soup):
    results = soup.select("[data-result]")
    assert [r["data-result"] for r in results] == [r["id"] for r in DATA["results"]]
    for section, data in zip(results, DATA["results"], strict=True):
        title = soup.select_one(f'#{section["aria-labelledby"]}')  # the script focuses it
        assert title.get_text() == data["title"] and title["tabindex"] == "-1" and title.parent is section
        assert section.select_one(".sa-nodiag strong").get_text() == "This is not a diagnosis."
    assert result(soup, "care").select("p")[:2][0].strong.get_text() == "fits"


def test_each_rule_is_a_reason_under_its_result(soup):
    for rid in (r["id"] for r in DATA["results"]):
        reasons = [(int(li["data-rule"]), li.get_text()) for li in result(soup, rid).select("[data-rule]")]
        assert reasons == [(i, rule["why"]) for i, rule in enumerate(DATA["rules"]) if rule["result"] == rid]
    assert len(soup.select("[data-rule]")) == len(DATA["rules"])


def test_result_region_is_a_status_present_from_the_start(soup):
    assert soup.select_one("#sa-outcome")["role"] == "status"


def test_no_booking_link_without_a_booking_url(soup):
    assert soup.select(".sa-booking") == []
    assert all(a.get("href") for a in soup.select("a"))


def test_booking_link_only_in_results_that_ask_for_it(tmp_path):
    soup = render(tmp_path, booking_url="https://practice.example/book")
    with_booking = [s["data-result"] for s in soup.select(".sa-result") if s.select_one(".sa-booking")]
    assert with_booking == [r["id"] for r in DATA["results"] if r.get("show_booking")]
    assert soup.select_one(".sa-booking a")["href"] == "https://practice.example/book"


def test_find_a_therapist_links_come_from_the_region(soup):
    with_slot = [s["data-result"] for s in soup.select(".sa-result") if s.select_one("[data-sa-finders]")]
    assert with_slot == [r["id"] for r in DATA["results"] if r.get("show_find_a_therapist")]
    [block] = parts(soup, "finders")  # once, for the script to place in the shown result
    assert block["data-results"].split() == with_slot
    finders = block.select(".sa-finders")
    assert [(f["data-region"], f.has_attr("hidden")) for f in finders] == [
        ("GB", False), ("IE", True), ("US", True), ("elsewhere", True)]  # the script shows the reader's
    assert [a["href"] for a in finders[0].select("a")] == [f["url"] for f in LINES["find_a_therapist"]]
    for f in finders[1:3]:
        assert [a["href"] for a in f.select("a")] == [x["url"] for x in crisis_data()["regions"][f["data-region"]]["find_a_therapist"]]


def test_each_result_title_is_its_biggest_heading_and_the_outcome_has_no_heading_above_it(soup):
    assert soup.select_one('[data-sa-part="outcome-title"]').name == "p"
    for section in soup.select(".sa-result"):
        levels = [int(h.name[1]) for h in section.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 2 and all(level > 2 for level in levels[1:]), section["data-result"]


def test_the_total_has_one_paragraph_per_band_in_words_hidden_until_the_script_shows_one(soup):
    [total] = parts(soup, "total")
    assert total.has_attr("hidden") and total.find_parent(class_="sa-outcome") is not None
    bands = total.select("[data-band]")
    assert [(b["data-band"], b.has_attr("hidden")) for b in bands] == [("0", True), ("1", True)]
    assert bands[0].em.get_text() == "in words" and "<b>in words</b>" in bands[1].get_text()  # text escaped
    assert total.select_one(".sa-total__value").get_text(" ", strip=True) == "Your care total: out of 3."


def test_where_the_crisis_help_goes_in_a_result_is_written_for_the_script(tmp_path):
    data = sa_data()
    data["results"][1]["show_crisis"] = True
    data["results"][1]["crisis_after"] = "summary"
    soup = render(tmp_path, data=data)
    assert result(soup, "now")["data-crisis-after"] == "title"
    assert result(soup, "care")["data-crisis-after"] == "summary"
    assert not result(soup, "goal").has_attr("data-crisis-after")
    assert [p.get_text() for p in result(soup, "care").select(".sa-summary")] == ["Care fits.", "A second paragraph."]


def test_a_booking_link_comes_after_the_therapist_finders_and_is_primary_only_without_them(tmp_path):
    data = sa_data()
    data["results"][1]["show_booking"] = True  # "care" shows finders
    soup = render(tmp_path, data=data, booking_url="https://practice.example/book")
    care = result(soup, "care")
    booking = care.select_one(".sa-booking a")
    assert "md-button--primary" not in booking["class"]
    assert care.select_one("[data-sa-finders]").find_all_next(class_="sa-booking")[0] is booking.parent
    assert "md-button--primary" in result(soup, "goal").select_one(".sa-booking a")["class"]


def test_page_links_stay_markdown_paths_for_mkdocs_to_resolve(soup):
    hrefs = [a["href"] for a in result(soup, "goal").select(".sa-links a")]
    assert hrefs == ["coaching.md", "differences.md#focus"]


# What the script reads

def test_every_part_the_script_reads_is_written_by_the_block(tmp_path):
    soup = render(tmp_path, source="/// self-assessment\n    share_page: self-assessment.md\n///\n")
    source = SCRIPT.read_text("utf-8")
    read = set(re.findall(r"""\bparts?\('([a-z-]+)'\)""", source)) | set(re.findall(r'data-sa-part="([a-z-]+)"', source))
    written = {tag["data-sa-part"] for tag in soup.select("[data-sa-part]")}
    assert read and read - written == set()


def test_one_of_each_part_but_an_error_per_question(soup):
    counts = Counter(tag["data-sa-part"] for tag in soup.select("[data-sa-part]"))
    for name, n in counts.items():
        assert n == (len(QUESTIONS) if name == "question-error" else 1), name
    for fieldset in soup.select("fieldset[data-sa-question]"):
        assert len(fieldset.select('[data-sa-part="question-error"]')) == 1


def test_the_share_page_link_is_written_only_when_asked_for(tmp_path):
    assert parts(render(tmp_path), "share-page") == []
    soup = render(tmp_path, source="/// self-assessment\n    share_page: self-assessment.md\n///\n")
    assert parts(soup, "share-page")[0]["href"] == "self-assessment.md"


def test_the_form_cannot_send_anything(soup):
    form = soup.select_one("form")
    assert not form.has_attr("action") and not form.has_attr("method")
    assert {b["type"] for b in soup.select("button")} == {"button"}


def test_script_only_controls_start_hidden(soup):
    for name in ("progress", "nav", "errors", "tools", "mine", "notice", "alert", "share", "result-lines"):
        assert parts(soup, name)[0].has_attr("hidden"), name


# Options, errors, search and contents

def test_links_stay_in_the_frame_by_default(soup):
    assert soup.select("a[target]") == []


def test_embed_option_opens_every_link_but_the_in_page_ones_in_the_top_window(tmp_path):
    soup = render(tmp_path, source="/// self-assessment\n    embed: true\n///\n", booking_url="https://practice.example/book")
    links = soup.select("a")
    in_page = [a for a in links if a["href"].startswith("#")]
    assert in_page and all(not a.has_attr("target") for a in in_page)
    assert all(a["target"] == "_top" for a in links if a not in in_page)


def test_bad_data_fails_with_the_path(tmp_path):
    data = sa_data()
    data["rules"][2]["when"]["scale"] = "mood"
    with pytest.raises(DataError, match=r"self-assessment\.yml: rules\[2\]\.when\.scale: unknown scale 'mood'"):
        render(tmp_path, data=data)


def test_region_without_crisis_lines_fails(tmp_path):
    with pytest.raises(DataError, match="no crisis lines for region 'FR'"):
        render(tmp_path, region="FR")


def test_questions_results_guide_and_crisis_copies_are_kept_out_of_the_search_index(soup):
    # Material's search skips elements marked data-search-exclude; a heading inside one would
    # still open an empty entry, so headings are marked too.
    parts_ = soup.select("form.sa-form, details.sa-guide, #sa-outcome, .sa-crisis .crisis-help")
    assert len(parts_) == 4
    for part in parts_:
        assert part.has_attr("data-search-exclude"), part.name
        for heading in part.select("h1, h2, h3, h4, h5, h6"):
            assert heading.has_attr("data-search-exclude"), heading.get_text()
    panel = soup.select_one(".sa-crisis")  # its heading and words stay searchable
    assert not panel.has_attr("data-search-exclude") and not panel.h2.has_attr("data-search-exclude")


def test_steps_and_results_stay_out_of_the_table_of_contents_and_keep_their_headings(tmp_path):
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    path = write_sa_data(tmp_path / "self-assessment.yml")
    md = markdown.Markdown(extensions=["toc", SelfAssessmentExtension(
        data=str(path), crisis_data=str(crisis), region=REGION, booking_url="")])
    soup = BeautifulSoup(md.convert("## Before you start\n\n" + BLOCK), "html.parser")
    # The crisis panel, always visible, is listed; not its region and lines, nor steps and results.
    assert [token["name"] for token in md.toc_tokens] == ["Before you start", "If you need help right now"]
    assert md.toc_tokens[0]["children"] == [] and md.toc_tokens[1]["children"] == []
    assert soup.select(".sa-crisis h3, .sa-crisis h4")  # which keep their headings on the page
    assert [h.get_text() for h in soup.select(".sa-result > h2")] == [r["title"] for r in DATA["results"]]
    assert len(soup.select(".sa-step h2")) == len(DATA["sections"])
    hidden = [tag.name for tag in soup.find_all(True) if tag.name.startswith(contents.HIDDEN_HEADING)]
    assert hidden == []  # every heading hidden from the contents has its name back
