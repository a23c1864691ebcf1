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

import json
import re
import xml.etree.ElementTree as etree
from typing import Any, NamedTuple

from pymdownx.blocks.block import type_boolean

from .. import contents
from ..crisis import DEFAULT_DATA as CRISIS_DATA
from ..crisis import (
    ELSEWHERE,
    HELP_PAGE,
    Where,
    check_region,
    load_crisis_lines,
    ordered_regions,
    render_crisis_help,
    render_crisis_strip,
)
from ..data_text import mark_language
from ..extension import SiteBlock, SiteBlocksExtension
from ..html import el, tail
from ..i18n import Words, words
from ..publisher import interest_statement
from ..text import append_markdown
from .model import DEFAULT_DATA, load_self_assessment, model_json
from .scoring import questions

PART = "data_sa_part"  # `data-sa-part`: the name the script finds an element by
PANEL_ID = "sa-crisis"
# `share_page`: a page of this site, as its Markdown file relative to the page (MkDocs turns it into
# the page's address; the built site's check confirms that page exists).
PAGE_FILE = re.compile(r"^(?:\.\./)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.md$")


def _(message: str) -> str:
    """Marks a message for the catalog where it is written; `Words.gettext` translates it when used."""
    return message


# Each comparison of the scoring guide as one whole clause of the catalog, by its form and operator.
CLAUSES = {
    ("", ">="): _("your %(scale)s are %(value)s or more"), ("", "<="): _("your %(scale)s are %(value)s or less"),
    ("", ">"): _("your %(scale)s are more than %(value)s"), ("", "<"): _("your %(scale)s are less than %(value)s"),
    ("", "=="): _("your %(scale)s are exactly %(value)s"),
    ("plus", ">="): _("your %(scale)s plus your %(other)s are %(value)s or more"),
    ("plus", "<="): _("your %(scale)s plus your %(other)s are %(value)s or less"),
    ("plus", ">"): _("your %(scale)s plus your %(other)s are more than %(value)s"),
    ("plus", "<"): _("your %(scale)s plus your %(other)s are less than %(value)s"),
    ("plus", "=="): _("your %(scale)s plus your %(other)s are exactly %(value)s"),
    ("minus", ">="): _("your %(scale)s minus your %(other)s is %(value)s or more"),
    ("minus", "<="): _("your %(scale)s minus your %(other)s is %(value)s or less"),
    ("minus", ">"): _("your %(scale)s minus your %(other)s is more than %(value)s"),
    ("minus", "<"): _("your %(scale)s minus your %(other)s is less than %(value)s"),
    ("minus", "=="): _("your %(scale)s minus your %(other)s is exactly %(value)s"),
}
JOINS = {"all": _("%(left)s and %(right)s"), "any": _("%(left)s or %(right)s")}


def points_text(points: int, scale: dict[str, str], t: Words) -> str:
    """'1 mood point', '2 mood points': the catalog's plural rule picks the form of the scale's words."""
    return t.ngettext("%(count)s %(one)s", "%(count)s %(other)s", points) % {
        "count": points, "one": scale["one"], "other": scale["label"]}


def condition_text(condition: dict[str, Any], scales: dict[str, Any], t: Words) -> str:
    """A rule's condition in words, for the scoring guide: each comparison a clause of the catalog."""
    for key in ("all", "any"):
        if key in condition:
            # A group inside a group is bracketed, so "A and (B or C)" cannot be read another way.
            parts = [t.gettext("(%(group)s)") % {"group": condition_text(c, scales, t)} if "all" in c or "any" in c
                     else condition_text(c, scales, t) for c in condition[key]]
            text = parts[0]
            for part in parts[1:]:
                text = t.gettext(JOINS[key]) % {"left": text, "right": part}
            return text
    form = next((key for key in ("plus", "minus") if key in condition), "")
    return t.gettext(CLAUSES[form, condition["op"]]) % {
        "scale": scales[condition["scale"]]["label"], "other": scales[condition[form]]["label"] if form else "",
        "value": condition["value"]}


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
        data = load_self_assessment(self.config["data"], self.config["lang"])
        crisis = load_crisis_lines(self.config["crisis_data"], self.config["lang"])
        region = check_region(crisis, self.config["region"])
        # The scoring model is data in an attribute, not a <script type="application/json">:
        # Material's instant navigation re-creates every <script> in the content without its
        # `type`, which would run the JSON as code (a CSP violation, or a syntax error).
        root = el(parent, "div", class_="sa", data_module="self-assessment", data_model=model_json(data))
        mark_language(root, data["lang"], self.config["lang"])
        if self.options["share_page"]:
            # A link, so MkDocs turns the page's file name into its address on the built site.
            el(root, "a", href=self.options["share_page"], class_="sa-share-page", hidden="", aria_hidden="true",
               tabindex="-1", **{PART: "share-page"})
        # The questions start within the first screen; every line, and every other region, is a
        # tap away in the full panel after the questionnaire (and opens with a "Yes" to safety).
        strip = render_crisis_strip(root, crisis, region, HELP_PAGE, title_id="sa-strip-title", more=f"#{PANEL_ID}")
        strip.set("data-sa-part", "strip")
        el(root, "p", class_="sa-notice", id="sa-notice", hidden="", tabindex="-1", **{PART: "notice"})
        t = words(data["lang"])
        root.set("data-sa-text", script_words(t))  # the script's words, in the page's language
        where = Where(self.config["data"])
        parts = (render_form(root, data, where, t), render_guide(root, data, t),
                 render_outcome(root, data, crisis, region, self.booking(), where, t))
        lines = render_crisis_panel(root, crisis, region, self.config["crisis_data"], t)
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


def script_words(t: Words) -> str:
    """The words `self-assessment.js` shows, as JSON for the block's `data-sa-text` (the script
    fills in `%(name)s`): notices, the step label, error links, the share box's status."""
    return json.dumps({
        "version": t.gettext("This link to saved answers was made for an older version of these questions, so we could "
                             "not use it. You can answer the questions again below."),
        "newer": t.gettext("This link to saved answers was made for a newer version of these questions, so we could not "
                           "use it. Reload the page to get the newest version, or answer the questions below."),
        "invalid": t.gettext("This link to saved answers could not be read, so nothing was filled in. You can answer "
                             "the questions below."),
        "opened": t.gettext("These answers come from a link, not from you. They may be someone else's. You can change "
                            "them, or clear them and answer the questions yourself."),
        "cleared": t.gettext("Your answers are cleared from this page and its address. Your browser's history may still "
                             "list the link you opened. You can delete it there."),
        "step": t.gettext("Step %(step)s of %(steps)s"),
        "choose": t.gettext("Choose an answer to question %(number)s"),
        "copied": t.gettext("Link copied."),
        "copy": t.gettext("Select the link above and copy it."),
    }, ensure_ascii=False)


def render_crisis_panel(root: etree.Element, crisis: dict[str, Any], region: str, source: str, t: Words) -> etree.Element:
    """Every crisis line, after the questionnaire (the strip above it links here), each country
    folded but the one shown; returns the lines."""
    panel = el(root, "section", class_="sa-crisis", id=PANEL_ID, aria_labelledby="sa-crisis-title", **{PART: "panel"})
    el(panel, "h2", t.gettext("If you need help right now"), id="sa-crisis-title")
    el(panel, "p", t.gettext("If you are thinking about hurting yourself, if someone is hurting or threatening you, or "
       "if you feel unsafe, please reach out now. The lines below are free and private, and each one says when it "
       "is open."))
    # The lines themselves are searchable on the crisis help page; here the panel's words are enough.
    lines = render_crisis_help(panel, crisis, region, show="region", source=source, compact=True, level=3)
    contents.exclude_from_search(lines)
    return lines


def render_form(root: etree.Element, data: dict[str, Any], where: Where, t: Words) -> etree.Element:
    form = el(root, "form", class_="sa-form", id="sa-form", novalidate="", **{PART: "form"})
    # GOV.UK error summary: focused when shown, and announced.
    errors = el(form, "div", class_="sa-errors", id="sa-errors", tabindex="-1", hidden="", role="alert", **{PART: "errors"})
    el(errors, "h2", t.gettext("There is a problem"), id="sa-errors-title")
    el(errors, "ul", class_="sa-errors__list", **{PART: "errors-list"})
    steps = len(data["sections"])
    progress = el(form, "div", class_="sa-progress", hidden="", **{PART: "progress"})
    el(progress, "p", t.gettext("Step %(step)s of %(steps)s") % {"step": 1, "steps": steps}, id="sa-step-label",
       **{PART: "step-label"})
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
            render_question(step, question, number, where(f"sections[{s}].questions[{q}].id"), t)
            # One alert, after the first question that has a crisis answer; any crisis answer shows it.
            if not alerted and any(option.get("crisis") for option in question["options"]):
                render_alert(step, t)
                alerted = True
        for note in section.get("notes", []):
            append_markdown(el(step, "p", class_="sa-note"), note)
    nav = el(form, "div", class_="sa-nav", hidden="", **{PART: "nav"})
    el(nav, "button", t.gettext("Back"), type="button", class_="md-button", data_action="back")
    el(nav, "button", t.gettext("Next"), type="button", class_="md-button md-button--primary", data_action="next")
    el(nav, "button", t.gettext("See my result"), type="button", class_="md-button md-button--primary", data_action="result")
    return form


def render_question(step: etree.Element, question: dict[str, Any], number: int, where: str, t: Words) -> None:
    qid = f"sa-q-{question['id']}"
    described = " ".join(x for x in (f"{qid}-hint" if question.get("hint") else "", f"{qid}-error") if x)
    # A question whose words are in another language than the page's (see the text schema's `lang`).
    fieldset = el(step, "fieldset", class_="sa-q", id=qid, source=f"{where} (its question)", aria_describedby=described,
                  data_sa_question=question["id"], lang=question.get("lang"))
    legend = el(fieldset, "legend")
    tail(el(legend, "span", t.gettext("%(number)s.") % {"number": number}, class_="sa-num"), " " + question["text"])
    if question.get("hint"):
        el(fieldset, "p", question["hint"], class_="sa-hint", id=f"{qid}-hint", source=f"{where} (its hint)")
    el(fieldset, "p", t.gettext("Choose an answer to this question."), class_="sa-error", id=f"{qid}-error",
       source=f"{where} (its error message)", hidden="", **{PART: "question-error"})
    options = el(fieldset, "div", class_="sa-options")
    for i, option in enumerate(question["options"]):
        # The label wraps its radio: the whole row is the target, and no ids are needed.
        label = el(options, "label", class_="sa-option")
        radio = el(label, "input", type="radio", name=question["id"], value=str(i),
                   data_crisis="" if option.get("crisis") else None)
        tail(radio, option["label"])


def render_alert(step: etree.Element, t: Words) -> None:
    """Shown at once when the reader picks a crisis answer (before any button); the script moves
    the crisis panel into it."""
    alert = el(step, "div", class_="sa-alert", id="sa-alert", hidden="", **{PART: "alert"})
    # The numbers first, on the screen the answer was given on; the kind words after them.
    el(alert, "h3", t.gettext("Please reach out now"))
    el(alert, "div", class_="sa-alert__lines", **{PART: "alert-lines"})
    el(alert, "p", t.gettext("Thank you for telling us. These questions are not the right tool for how you feel "
       "right now. Please talk to someone now. If someone is hurting or threatening you, or you are in "
       "danger, call the emergency number. The lines above are free and private, and each one says when "
       "it is open."), role="alert")
    el(alert, "p", t.gettext("You do not need to finish these questions. You can still keep going if you want to. "
                             "Your result will start with help you can call."))


def render_guide(root: etree.Element, data: dict[str, Any], t: Words) -> etree.Element:
    """Scoring by hand: for print and for browsers without JavaScript."""
    guide = el(root, "details", class_="sa-guide", open="", **{PART: "guide"})
    # A heading of its own, so the guide's h3s are not read as part of the last question step.
    el(el(guide, "summary"), "h2", t.gettext("How to score it yourself"), class_="sa-guide__title")
    el(guide, "p", t.gettext("Each answer gives points. Add up the points of each kind. Then go down the list "
       "of results: the first one that is true for you is your result."))
    el(guide, "h3", t.gettext("Points for each answer"))
    points_list = el(guide, "ol", class_="sa-guide__points")
    for question in questions(data):
        item = el(points_list, "li")
        el(item, "span", question["text"], lang=question.get("lang"))
        options = el(item, "ul")
        for option in question["options"]:
            parts = [points_text(n, data["scales"][scale], t) for scale, n in option["points"].items()]
            # The answer in the question's own words (and language), where the catalog's sentence puts it.
            sentence = t.gettext("%(answer)s: %(points)s") % {"answer": "\0", "points": t.list(parts)}
            before, after = sentence.split("\0", 1)
            line = el(options, "li", before or None)
            tail(el(line, "span", option["label"], lang=question.get("lang")), after)
    el(guide, "h3", t.gettext("Which result"))
    rules = el(guide, "ol", class_="sa-guide__rules")
    titles = {result["id"]: result["title"] for result in data["results"]}
    for r, rule in enumerate(data["rules"]):
        values = {"result": titles[rule["result"]]}
        if "when" in rule:
            values["condition"] = condition_text(rule["when"], data["scales"], t)
            text = (t.gettext("If %(condition)s: %(result)s.") if r == 0
                    else t.gettext("Otherwise, if %(condition)s: %(result)s.")) % values
        else:
            text = t.gettext("Otherwise: %(result)s.") % values
        el(rules, "li", text)
    return guide


def render_outcome(root: etree.Element, data: dict[str, Any], crisis: dict[str, Any], region: str,
                   booking: Booking | None, where: Where, t: Words) -> etree.Element:
    outcome = el(root, "div", class_="sa-outcome", id="sa-outcome", role="status")
    # A label, not a heading: the result's own title is the biggest heading of the result.
    el(outcome, "p", t.gettext("Your result"), class_="sa-outcome__label", id="sa-outcome-title",
       **{PART: "outcome-title"})
    # Crisis help for the results that show it, short and numbers first: the script moves the strip
    # from above the questions into this place, right under the result's title, or under its
    # summary (`crisis_after: summary`); every line is in the panel after the questionnaire.
    with_lines = [result["id"] for result in data["results"] if result.get("show_crisis")]
    if with_lines:
        el(outcome, "div", class_="sa-result-crisis", data_results=" ".join(with_lines), hidden="",
           **{PART: "result-lines"})
    if "total" in data:
        render_total(outcome, data)
    render_finders(outcome, data, crisis, region, t)
    for r, result in enumerate(data["results"]):
        render_result(outcome, result, data, crisis, region, booking, where(f"results[{r}].id"), t)
    mine = el(outcome, "div", class_="sa-mine", hidden="", **{PART: "mine"})
    el(mine, "h3", t.gettext("Your answers"))
    el(mine, "ol", class_="sa-mine__list", **{PART: "mine-list"})
    tools = el(outcome, "div", class_="sa-tools", hidden="", **{PART: "tools"})
    for action, label in (("print", t.gettext("Print or save as PDF")), ("change", t.gettext("Change my answers")),
                          ("share", t.gettext("Copy a link to these answers")), ("clear", t.gettext("Clear my answers"))):
        el(tools, "button", label, type="button", class_="md-button", data_action=action)
    share = el(tools, "div", class_="sa-share", hidden="", **{PART: "share"})
    el(share, "label", t.gettext("Link to your answers"), for_="sa-share-url")
    el(share, "input", type="text", id="sa-share-url", readonly="", aria_describedby="sa-share-warning", **{PART: "share-url"})
    el(share, "p", t.gettext("Anyone who has this link can see your answers. Share it only with people you trust. "
       "The answers are in the part of the link after the # sign, which is never sent to a website."),
       id="sa-share-warning")
    el(share, "p", "", class_="sa-share-status", **{PART: "share-status"})
    return outcome


def render_total(outcome: etree.Element, data: dict[str, Any]) -> None:
    """The total (the PHQ-4) and its band in words, once: the script fills in the number, shows the
    reader's band and puts it after the shown result's summary."""
    total = data["total"]
    holder = el(outcome, "div", class_="sa-total", hidden="", **{PART: "total"})
    p = el(holder, "p", total["text"] + " ", class_="sa-total__value")
    strong = el(p, "strong", "", **{PART: "total-value"})
    if total.get("out_of"):
        tail(strong, " " + total["out_of"])
    for b, band in enumerate(total["bands"]):
        append_markdown(el(holder, "p", class_="sa-total__band", data_band=str(b), hidden=""), band["text"])
    if total.get("note"):
        append_markdown(el(holder, "p", class_="sa-total__note"), total["note"])


def render_finders(outcome: etree.Element, data: dict[str, Any], crisis: dict[str, Any], region: str,
                   t: Words) -> None:
    """Each region's therapist finders, once, for the results that show them (the script puts them
    after the shown result's next steps; without it, they follow the results): the practice's
    region's shown, the reader's once the page has chosen (or, for a reader elsewhere, the advice to
    ask a doctor where they live)."""
    with_finders = [result["id"] for result in data["results"] if result.get("show_find_a_therapist")]
    if not with_finders:
        return
    section = el(outcome, "div", class_="sa-find", data_results=" ".join(with_finders), **{PART: "finders"})
    el(section, "h3", t.gettext("Find a licensed therapist"))
    for code in ordered_regions(crisis, region):
        place = crisis["regions"][code]
        holder = el(section, "div", class_="sa-finders", data_region=code, hidden="" if code != region else None)
        el(holder, "p", t.gettext("%(country)s:") % {"country": place["name"]})
        finders = el(holder, "ul")
        for finder in place["find_a_therapist"]:
            link = el(el(finders, "li"), "a", finder["name"], href=finder["url"])
            if finder.get("note"):
                tail(link, t.gettext(": %(note)s") % {"note": finder["note"]})
    el(el(section, "div", class_="sa-finders", data_region=ELSEWHERE, hidden=""), "p",
       t.gettext("Ask a doctor or your local health service where you live about licensed therapists near you."))


def render_result(outcome: etree.Element, result: dict[str, Any], data: dict[str, Any],
                  crisis: dict[str, Any], region: str, booking: Booking | None, where: str, t: Words) -> None:
    """Title (the result's biggest heading), summary, then (placed by the script) the crisis help
    where the result shows it and the total, the reasons, next steps, a therapist finder, and a
    booking link with the publisher's conflict of interest: primary only where no therapist finder
    is shown, and never before one."""
    rid = f"sa-result-{result['id']}"
    section = el(outcome, "section", class_="sa-result", id=rid, source=f"{where} (its result)",
                 data_result=result["id"], aria_labelledby=f"{rid}-title",
                 data_crisis_after=result.get("crisis_after", "title") if result.get("show_crisis") else None)
    el(section, "h2", result["title"], id=f"{rid}-title", source=f"{where} (its heading)", tabindex="-1")
    for paragraph in result["summary"]:
        append_markdown(el(section, "p", class_="sa-summary"), paragraph)
    nodiag = el(section, "p", class_="sa-nodiag")
    tail(el(nodiag, "strong", t.gettext("This is not a diagnosis.")), " " + t.gettext(
        "It is a guide based on your answers today. A licensed professional can help you understand what your "
        "answers mean for you."))
    el(section, "h3", t.gettext("What leads to this result"))
    why = el(section, "ul", class_="sa-why")
    for r, rule in enumerate(data["rules"]):
        if rule["result"] == result["id"]:
            el(why, "li", rule["why"], data_rule=str(r))
    el(section, "h3", t.gettext("Next steps"))
    steps = el(section, "ul")
    for step in result["next_steps"]:
        append_markdown(el(steps, "li"), step)
    finder = bool(result.get("show_find_a_therapist"))
    if finder:  # where the script puts the therapist finders
        el(section, "div", class_="sa-find-slot", data_sa_finders="")
    if result.get("show_booking") and booking:
        p = el(section, "p", class_="sa-booking")
        el(p, "a", t.gettext("Book a coaching session"), href=booking.url,
           class_="md-button" if finder else "md-button md-button--primary")
        el(section, "p", interest_statement(booking.publisher, t), class_="sa-interest")
    if result.get("links"):
        el(section, "h3", t.gettext("Read more"))
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
