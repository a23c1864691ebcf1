"""The `/// self-assessment` block: the questionnaire as a plain HTML form, enhanced in the browser.

Everything a reader needs is in the HTML: a short crisis strip before the first question, every
question as a fieldset of radios, every result, a scoring guide and, last, one panel with every
crisis line, so the page still works when printed or without JavaScript. The script adds steps,
scoring and the share link, and moves the crisis panel under a crisis answer or to lead a result.
It scores from the model embedded as JSON in `data-model` (data, not code) and finds each element
by the `data-sa-part` name given here (`PART`) or by the data attribute that says what it holds
(`data-step`, `data-sa-question`, `data-result`, `data-rule`); a step or a result names its heading
in `aria-labelledby`. So ids and classes are decided here only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, NamedTuple

from pymdownx.blocks.block import type_boolean

from .. import contents
from ..crisis import DEFAULT_DATA as CRISIS_DATA
from ..crisis import Where, check_region, load_crisis_lines, render_crisis_help, render_crisis_strip
from ..extension import SiteBlock, SiteBlocksExtension
from ..html import el, tail
from ..publisher import interest_statement
from ..text import append_markdown
from .model import DEFAULT_DATA, load_self_assessment, model_json
from .scoring import questions

OP_WORDS = {">=": "{} or more", "<=": "{} or less", ">": "more than {}", "<": "less than {}", "==": "exactly {}"}
PART = "data_sa_part"  # `data-sa-part`: the name the script finds an element by
PANEL_ID = "sa-crisis"
# `share_page`: a page of this site, as its Markdown file relative to the page (MkDocs turns it into
# the page's address; the built site's check confirms that page exists).
PAGE_FILE = re.compile(r"^(?:\.\./)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.md$")
NOT_A_DIAGNOSIS = (
    "It is a guide based on your answers today. A licensed professional can help you understand "
    "what your answers mean for you."
)


def points_text(points: int, label: str) -> str:
    return f"{points} {label.replace('points', 'point', 1) if points == 1 else label}"


def condition_text(condition: dict[str, Any], scales: dict[str, Any]) -> str:
    """A rule's condition in words, for the scoring guide."""
    for key, joiner in (("all", " and "), ("any", " or ")):
        if key in condition:
            # A group inside a group is bracketed, so "A and (B or C)" cannot be read another way.
            parts = (f"({condition_text(c, scales)})" if "all" in c or "any" in c else condition_text(c, scales)
                     for c in condition[key])
            return joiner.join(parts)
    left = f"your {scales[condition['scale']]['label']}"
    for key in ("plus", "minus"):
        if key in condition:
            left += f" {key} your {scales[condition[key]]['label']}"
    verb = "is" if "minus" in condition else "are"
    return f"{left} {verb} {OP_WORDS[condition['op']].format(condition['value'])}"


def type_site_page(value: Any) -> str:
    """A `share_page` value: a Markdown file of this site, never an address elsewhere."""
    if not isinstance(value, str) or not PAGE_FILE.match(value):
        raise ValueError("expected a page of this site, written as its Markdown file (such as self-assessment.md)")
    return value


class Booking(NamedTuple):
    url: str
    publisher: str  # named beside the link, with its conflict of interest


class SelfAssessment(SiteBlock):
    """`/// self-assessment` renders data/self-assessment.yml.

    Options: `embed: true` opens links in the top window; `share_page: self-assessment.md` makes
    "Copy a link to these answers" point at that page instead of this one (the embed is `noindex`);
    it must be a page of this site (a Markdown file), so the answers never go anywhere else.
    """

    NAME = "self-assessment"
    ARGUMENT = False
    OPTIONS = {"embed": [False, type_boolean], "share_page": ["", type_site_page]}

    def booking(self) -> Booking | None:
        url = self.config["booking_url"]
        return Booking(url, self.config["publisher"]) if url else None

    def on_create(self, parent: etree.Element) -> etree.Element:
        data = load_self_assessment(self.config["data"])
        crisis = load_crisis_lines(self.config["crisis_data"])
        region = check_region(crisis, self.config["region"])
        # The scoring model is data in an attribute, not a <script type="application/json">:
        # Material's instant navigation re-creates every <script> in the content without its
        # `type`, which would run the JSON as code (a CSP violation, or a syntax error).
        root = el(parent, "div", class_="sa", data_module="self-assessment", data_model=model_json(data))
        if self.options["share_page"]:
            # A link, so MkDocs turns the page's file name into its address on the built site.
            el(root, "a", href=self.options["share_page"], class_="sa-share-page", hidden="", aria_hidden="true",
               tabindex="-1", **{PART: "share-page"})
        # The questions start within the first screen; every line, and every other region, is a
        # tap away in the full panel after the questionnaire (and opens with a "Yes" to safety).
        render_crisis_strip(root, crisis, region, more=f"#{PANEL_ID}", title_id="sa-strip-title")
        el(root, "p", class_="sa-notice", id="sa-notice", hidden="", tabindex="-1", **{PART: "notice"})
        where = Where(self.config["data"])
        parts = (render_form(root, data, where), render_guide(root, data),
                 render_outcome(root, data, crisis, region, self.booking(), where))
        lines = render_crisis_panel(root, crisis, region, self.config["crisis_data"], compact=self.options["embed"])
        # Questions, answers and results are not what a reader searches for; the crisis lines
        # have their own page.
        for part in parts:
            contents.exclude_from_search(part)
        # The panel's own heading stays in the table of contents; its region and lines do not.
        self.finished_parts = (*parts, lines)
        return root

    def on_inline_end(self, block: etree.Element) -> None:
        # After inline Markdown, so links written in the data (notes) are included too.
        if self.options["embed"]:
            for link in block.iter("a"):
                # A link within the page stays in the frame (the top window would load the embed).
                if not link.get("href", "").startswith("#"):
                    link.set("target", "_top")
        # Steps and results are shown one at a time: listed in the table of contents (the phone
        # menu) they were dozens of links to hidden places ("Next steps" five times).
        contents.keep_out_of_contents(self.finished_parts)


def render_crisis_panel(root: etree.Element, crisis: dict[str, Any], region: str, source: str,
                        compact: bool = False) -> etree.Element:
    """Every crisis line, after the questionnaire (the strip above it links here); returns the lines.
    `compact` (the embed, in a frame on another page): the region's emergency number, then every
    region one tap away, the practice's first."""
    panel = el(root, "section", class_="sa-crisis", id=PANEL_ID, aria_labelledby="sa-crisis-title", **{PART: "panel"})
    el(panel, "h2", "If you need help right now", id="sa-crisis-title")
    el(panel, "p", "If you are thinking about hurting yourself, if someone is hurting or threatening you, or if "
       "you feel unsafe, you do not need to finish these questions. Please reach out now. The lines below are "
       "free and private, and each one says when it is open.")
    # The lines themselves are searchable on the crisis help page; here the panel's words are enough.
    lines = render_crisis_help(panel, crisis, region, show="choose" if compact else "region", source=source,
                               compact=True, level=3)
    contents.exclude_from_search(lines)
    return lines


def render_form(root: etree.Element, data: dict[str, Any], where: Where) -> etree.Element:
    form = el(root, "form", class_="sa-form", id="sa-form", novalidate="", **{PART: "form"})
    # GOV.UK error summary: focused when shown, and announced.
    errors = el(form, "div", class_="sa-errors", id="sa-errors", tabindex="-1", hidden="", role="alert", **{PART: "errors"})
    el(errors, "h2", "There is a problem", id="sa-errors-title")
    el(errors, "ul", class_="sa-errors__list", **{PART: "errors-list"})
    steps = len(data["sections"])
    progress = el(form, "div", class_="sa-progress", hidden="", **{PART: "progress"})
    el(progress, "p", f"Step 1 of {steps}", id="sa-step-label", **{PART: "step-label"})
    el(progress, "progress", max=str(steps), value="1", aria_labelledby="sa-step-label", **{PART: "progress-bar"})
    number, alerted = 0, False
    for s, section in enumerate(data["sections"]):
        here = where(f"sections[{s}].id")
        step = el(form, "section", class_="sa-step", id=f"sa-step-{section['id']}", source=f"{here} (its step)",
                  data_step=str(s), aria_labelledby=f"sa-h-{section['id']}")
        el(step, "h2", section["title"], id=f"sa-h-{section['id']}", source=f"{here} (its heading)", tabindex="-1")
        if section.get("intro"):
            append_markdown(el(step, "p", class_="sa-intro"), section["intro"])
        for q, question in enumerate(section["questions"]):
            number += 1
            render_question(step, question, number, where(f"sections[{s}].questions[{q}].id"))
            # One alert, after the first question that has a crisis answer; any crisis answer shows it.
            if not alerted and any(option.get("crisis") for option in question["options"]):
                render_alert(step)
                alerted = True
        for note in section.get("notes", []):
            append_markdown(el(step, "p", class_="sa-note"), note)
    nav = el(form, "div", class_="sa-nav", hidden="", **{PART: "nav"})
    el(nav, "button", "Back", type="button", class_="md-button", data_action="back")
    el(nav, "button", "Next", type="button", class_="md-button md-button--primary", data_action="next")
    el(nav, "button", "See my result", type="button", class_="md-button md-button--primary", data_action="result")
    return form


def render_question(step: etree.Element, question: dict[str, Any], number: int, where: str) -> None:
    qid = f"sa-q-{question['id']}"
    described = " ".join(x for x in (f"{qid}-hint" if question.get("hint") else "", f"{qid}-error") if x)
    fieldset = el(step, "fieldset", class_="sa-q", id=qid, source=f"{where} (its question)", aria_describedby=described,
                  data_sa_question=question["id"])
    legend = el(fieldset, "legend")
    tail(el(legend, "span", f"{number}.", class_="sa-num"), " " + question["text"])
    if question.get("hint"):
        el(fieldset, "p", question["hint"], class_="sa-hint", id=f"{qid}-hint", source=f"{where} (its hint)")
    el(fieldset, "p", "Choose an answer to this question.", class_="sa-error", id=f"{qid}-error",
       source=f"{where} (its error message)", hidden="", **{PART: "question-error"})
    options = el(fieldset, "div", class_="sa-options")
    for i, option in enumerate(question["options"]):
        # The label wraps its radio: the whole row is the target, and no ids are needed.
        label = el(options, "label", class_="sa-option")
        radio = el(label, "input", type="radio", name=question["id"], value=str(i),
                   data_crisis="" if option.get("crisis") else None)
        tail(radio, option["label"])


def render_alert(step: etree.Element) -> None:
    """Shown at once when the reader picks a crisis answer (before any button); the script moves
    the crisis panel into it."""
    alert = el(step, "div", class_="sa-alert", id="sa-alert", hidden="", **{PART: "alert"})
    el(alert, "h3", "Please reach out now")
    el(alert, "p", "Thank you for telling us. These questions are not the right tool for how you feel "
       "right now. Please talk to someone now. If someone is hurting or threatening you, or you are in "
       "danger, call the emergency number. The lines below are free and private, and each one says when "
       "it is open.", role="alert")
    el(alert, "div", class_="sa-alert__lines", **{PART: "alert-lines"})
    el(alert, "p", "You can still keep going with the questions if you want to. Your result will start with these lines.")


def render_guide(root: etree.Element, data: dict[str, Any]) -> etree.Element:
    """Scoring by hand: for print and for browsers without JavaScript."""
    guide = el(root, "details", class_="sa-guide", open="", **{PART: "guide"})
    # A heading of its own, so the guide's h3s are not read as part of the last question step.
    el(el(guide, "summary"), "h2", "How to score it yourself", class_="sa-guide__title")
    el(guide, "p", "Each answer gives points. Add up the points of each kind. Then go down the list "
       "of results: the first one that is true for you is your result.")
    el(guide, "h3", "Points for each answer")
    points_list = el(guide, "ol", class_="sa-guide__points")
    for question in questions(data):
        item = el(points_list, "li", question["text"])
        options = el(item, "ul")
        for option in question["options"]:
            parts = [points_text(n, data["scales"][scale]["label"]) for scale, n in option["points"].items()]
            el(options, "li", f"{option['label']}: {' and '.join(parts)}")
    el(guide, "h3", "Which result")
    rules = el(guide, "ol", class_="sa-guide__rules")
    titles = {result["id"]: result["title"] for result in data["results"]}
    for r, rule in enumerate(data["rules"]):
        if "when" in rule:
            lead = "If " if r == 0 else "Otherwise, if "
            text = f"{lead}{condition_text(rule['when'], data['scales'])}: {titles[rule['result']]}."
        else:
            text = f"Otherwise: {titles[rule['result']]}."
        el(rules, "li", text)
    return guide


def render_outcome(root: etree.Element, data: dict[str, Any], crisis: dict[str, Any], region: str,
                   booking: Booking | None, where: Where) -> etree.Element:
    outcome = el(root, "div", class_="sa-outcome", id="sa-outcome", role="status")
    el(outcome, "h2", "What your answers may suggest", id="sa-outcome-title", **{PART: "outcome-title"})
    # Where the crisis panel goes for the results that show it: the script puts this right under
    # the result's title and moves the panel into it.
    with_lines = [result["id"] for result in data["results"] if result.get("show_crisis")]
    if with_lines:
        el(outcome, "div", class_="sa-result-crisis", data_results=" ".join(with_lines), hidden="", **{PART: "result-lines"})
    for r, result in enumerate(data["results"]):
        render_result(outcome, result, data, crisis, region, booking, where(f"results[{r}].id"))
    mine = el(outcome, "div", class_="sa-mine", hidden="", **{PART: "mine"})
    el(mine, "h3", "Your answers")
    el(mine, "ol", class_="sa-mine__list", **{PART: "mine-list"})
    tools = el(outcome, "div", class_="sa-tools", hidden="", **{PART: "tools"})
    for action, label in (("print", "Print or save as PDF"), ("change", "Change my answers"),
                          ("share", "Copy a link to these answers"), ("clear", "Clear my answers")):
        el(tools, "button", label, type="button", class_="md-button", data_action=action)
    share = el(tools, "div", class_="sa-share", hidden="", **{PART: "share"})
    el(share, "label", "Link to your answers", for_="sa-share-url")
    el(share, "input", type="text", id="sa-share-url", readonly="", aria_describedby="sa-share-warning", **{PART: "share-url"})
    el(share, "p", "Anyone who has this link can see your answers. Share it only with people you trust. "
       "The answers are in the part of the link after the # sign, which is never sent to a website.",
       id="sa-share-warning")
    el(share, "p", "", class_="sa-share-status", **{PART: "share-status"})
    return outcome


def render_result(outcome: etree.Element, result: dict[str, Any], data: dict[str, Any],
                  crisis: dict[str, Any], region: str, booking: Booking | None, where: str) -> None:
    rid = f"sa-result-{result['id']}"
    section = el(outcome, "section", class_="sa-result", id=rid, source=f"{where} (its result)",
                 data_result=result["id"], aria_labelledby=f"{rid}-title")
    el(section, "h3", result["title"], id=f"{rid}-title", source=f"{where} (its heading)", tabindex="-1")
    for paragraph in result["summary"]:
        append_markdown(el(section, "p"), paragraph)
    nodiag = el(section, "p", class_="sa-nodiag")
    tail(el(nodiag, "strong", "This is not a diagnosis."), " " + NOT_A_DIAGNOSIS)
    el(section, "h4", "What leads to this result")
    why = el(section, "ul", class_="sa-why")
    for r, rule in enumerate(data["rules"]):
        if rule["result"] == result["id"]:
            el(why, "li", rule["why"], data_rule=str(r))
    el(section, "h4", "Next steps")
    steps = el(section, "ul")
    for step in result["next_steps"]:
        append_markdown(el(steps, "li"), step)
    if result.get("show_booking") and booking:
        p = el(section, "p", class_="sa-booking")
        el(p, "a", "Book a coaching session", href=booking.url, class_="md-button md-button--primary")
        el(section, "p", interest_statement(booking.publisher), class_="sa-interest")
    if result.get("show_find_a_therapist"):
        el(section, "h4", "Find a licensed therapist")
        finders = el(section, "ul", class_="sa-finders")
        for finder in crisis["regions"][region]["find_a_therapist"]:
            item = el(finders, "li")
            link = el(item, "a", finder["name"], href=finder["url"])
            if finder.get("note"):
                tail(link, f": {finder['note']}")
    if result.get("links"):
        el(section, "h4", "Read more")
        links = el(section, "ul", class_="sa-links")
        for link in result["links"]:
            el(el(links, "li"), "a", link["text"], href=link["page"])


class SelfAssessmentExtension(SiteBlocksExtension):
    """Registers `/// self-assessment`; the site plugin passes region, booking link and data paths."""

    BLOCKS = (SelfAssessment,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "data": [DEFAULT_DATA, "Path of the self-assessment YAML file."],
            "crisis_data": [CRISIS_DATA, "Path of the crisis-lines YAML file."],
            "region": ["US", "Region whose crisis lines and therapist directories are shown."],
            "booking_url": ["", "Where a reader books coaching; empty: no booking link."],
            "publisher": ["Coaching or Therapy?", "Who publishes the site: named next to the booking link."],
        }
        super().__init__(*args, **kwargs)


def makeExtension(*args: Any, **kwargs: Any) -> SelfAssessmentExtension:  # noqa: N802 (Python-Markdown's name)
    return SelfAssessmentExtension(*args, **kwargs)
