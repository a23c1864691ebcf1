"""Headless Chromium (Debian's package) driven by Playwright, with axe-core for accessibility."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .sitebuild import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORTS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("light", "dark")


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium not found: install Debian's `chromium` package (scripts/test does it as root)")
    return path


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS, headless=True)


@contextmanager
def running_chromium():
    """Playwright started and Chromium launched, both stopped afterwards (for scripts; the tests
    keep them for the whole session as fixtures)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageWatch:
    """What a page did while we watched: console errors, page errors, requests to other origins."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def other_origin_requests(self) -> list[str]:
        return [url for url in self.requests if _origin(url) not in (self.origin, None)]


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return None
    return f"{parts.scheme}://{parts.netloc}"


def watched_page(browser, base_url: str, scheme: str = "light", viewport: str | dict = "desktop", java_script: bool = True):
    """A fresh context and page with the colour scheme and size asked for (a name in VIEWPORTS or
    a {"width", "height"} dict), and a watch on it. Closing `page.context` is the caller's job."""
    context = browser.new_context(
        color_scheme=scheme, viewport=VIEWPORTS.get(viewport) if isinstance(viewport, str) else viewport,
        java_script_enabled=java_script,
        service_workers="block",
    )
    page = context.new_page()
    watch = PageWatch(origin=_origin(base_url))
    page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    page.on("request", lambda req: watch.requests.append(req.url))

    def on_dialog(dialog):
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    # Block anything leaving the machine, but still record it as a failure.
    context.route(lambda url: _origin(url) not in (watch.origin, None), lambda route: route.abort())
    return page, watch


def run_axe(page, context: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) and return the violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text("utf-8"))  # not a <script> tag: the site's CSP would block it
    return page.evaluate(
        """async (context) => {
            const result = await axe.run(context || document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
            });
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""",
        context,
    )


def format_violations(violations: list[dict]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)
