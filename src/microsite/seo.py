"""Structured data (JSON-LD) for search engines, derived from the site itself.

`FAQPage` is read from the FAQ page's rendered HTML: each `h2` or `h3` whose text ends with "?"
is a question, and the text up to the next heading is its answer. So the FAQ is written once, in
Markdown, and the structured data can never drift from it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

QUESTION_TAGS = {"h2", "h3"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIP_TAGS = {"script", "style", "template"}
# Tags that separate words even without spaces in the source (inline tags like <a> do not).
BREAK_TAGS = {"p", "li", "ul", "ol", "dl", "dt", "dd", "div", "br", "table", "tr", "td", "th", "blockquote", "details", "summary"}


class _FaqParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[list[str]] = []  # [question, answer text]
        self._in_heading: str | None = None
        self._heading = ""
        self._skip = 0  # depth inside permalinks and scripts, whose text is not content
        self._answering = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in SKIP_TAGS or (tag == "a" and "headerlink" in classes) or self._skip:
            self._skip += 1
        elif tag in HEADING_TAGS:
            self._in_heading, self._heading, self._answering = tag, "", False
        elif tag in BREAK_TAGS and self._answering:
            self.entries[-1][1] += " "

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= 1
        elif tag in BREAK_TAGS and self._answering:
            self.entries[-1][1] += " "
        elif tag == self._in_heading:
            question = _clean(self._heading)
            if tag in QUESTION_TAGS and question.endswith("?"):
                self.entries.append([question, ""])
                self._answering = True
            self._in_heading = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_heading:
            self._heading += data
        elif self._answering:
            self.entries[-1][1] += data


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def faq_entries(content_html: str) -> list[tuple[str, str]]:
    """(question, answer) pairs from a page's content HTML; questions without an answer are dropped."""
    parser = _FaqParser()
    parser.feed(content_html)
    parser.close()
    return [(q, _clean(a)) for q, a in parser.entries if _clean(a)]


def faq_page_json_ld(content_html: str) -> dict[str, Any] | None:
    """schema.org `FAQPage` for a page, or None when it has no questions."""
    entries = faq_entries(content_html)
    if not entries:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for q, a in entries
        ],
    }


def website_json_ld(name: str, url: str, description: str | None, publisher: str, publisher_url: str) -> dict[str, Any]:
    """schema.org `WebSite` for the home page."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "WebSite", "name": name, "url": url}
    if description:
        data["description"] = _clean(description)
    data["publisher"] = {"@type": "Organization", "name": publisher, "url": publisher_url}
    return data
