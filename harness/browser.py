"""Headless Chromium (Debian's package) driven by Playwright, with axe-core for accessibility."""

from __future__ import annotations

import os
import shutil
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .sitebuild import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Chromium reads only the last `--disable-features` it is given, and Playwright passes its own:
# ours repeats Playwright's (those of the pinned version; a test checks that none is lost).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
    "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
    "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Chromium draws its address bar's pop-ups as web pages of their own, two more renderer processes
# for every new context (a window): about 0.8 s of CPU each time, more than loading one of our
# pages. No test sees an address bar.
UNSEEN_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
DISABLE_FEATURES = "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNSEEN_BROWSER_UI)
# The browser that checks and weighs pages (never Lighthouse's, which times them): V8's optimising
# compiler works on every page's hot code, for pages that live a second (twenty visits with
# axe-core: 1.31 CPU-seconds each without it, 1.42 with).
CHECKING_ARGS = [DISABLE_FEATURES, "--js-flags=--no-opt"]
VIEWPORTS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("light", "dark")


def paired_with_sizes(urls: list[str], settings) -> list[tuple[str, str, str]]:
    """(url, setting, size) for each of `urls` in each of two `settings` (the schemes, two cuts) once
    and at each size in VIEWPORTS once; which setting goes with which size alternates from page to
    page, so every setting is seen at every size across the pages (pairwise: half the loads of
    every page in every pair)."""
    names = list(VIEWPORTS)
    return [(url, setting, size) for index, url in enumerate(urls)
            for setting, size in zip(settings, names if index % 2 == 0 else names[::-1], strict=True)]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium not found: install Debian's `chromium` package (scripts/test does it as root)")
    return path


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=[*LAUNCH_ARGS, *CHECKING_ARGS], headless=True)


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
    """What a page did while we watched: console errors, page errors, requests to other origins,
    and the requests still in flight."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    pending: set = field(default_factory=set)
    java_script: bool = True
    document_start: int = 0  # the requests made since the page's document was parsed begin here

    @property
    def other_origin_requests(self) -> list[str]:
        return [url for url in self.requests if _origin(url) not in (self.origin, None)]

    def follow(self, page) -> None:
        """Record every request `page` makes, and which are still in flight; `settle` reads them."""
        def started(request):
            self.requests.append(request.url)
            self.pending.add(request)

        page.on("request", started)
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on("requestfailed", lambda request: self.pending.discard(request))
        page.on("domcontentloaded", lambda _: setattr(self, "document_start", len(self.requests)))
        _WATCHES[page] = self

    def asked_since_parsed(self, url: str) -> bool:
        return url in self.requests[self.document_start:]


_WATCHES: weakref.WeakKeyDictionary[Any, PageWatch] = weakref.WeakKeyDictionary()

# Every script of the page has run, where the page has it. Material's: it marks <html> with `js`,
# shows one palette toggle, and its search worker has the index (the search box's note has gone
# from "Initializing search" to its placeholder, in the page's language). Ours, unless `ours` is
# false: the self-assessment is enhanced, and the reader's country has been chosen.
SCRIPTS_RAN_JS = """(ours) => {
    const config = document.getElementById('__config')
    const ready = config && JSON.parse(config.textContent).translations['search.result.placeholder']
    return document.readyState === 'complete'
        && document.documentElement.classList.contains('js')
        && [...document.querySelectorAll('[data-md-component="palette"]')].every(
            (form) => [...form.querySelectorAll('label')].some((label) => !label.hidden))
        && [...document.querySelectorAll('.md-search-result__meta')].every((meta) => meta.textContent === ready)
        && (!ours || [...document.querySelectorAll('[data-module="self-assessment"]')].every(
            (root) => root.classList.contains('sa--js')))
        && (!ours || [...document.querySelectorAll('[data-zones]')].every((chooser) => chooser.dataset.ready))
}"""
# Every Content-Security-Policy violation the page reports, recorded from before its first script
# (`listen_for_violations`) and read with `policy_violations`.
LISTEN_FOR_VIOLATIONS_JS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""
ICON_JS = "() => { const icon = document.querySelector('link[rel~=\"icon\"]'); return icon && icon.href }"


def settle(page, ours: bool = True, timeout: float = 30.0) -> None:
    """Wait until a visit to the loaded page is over: every script has run (SCRIPTS_RAN_JS, with
    JavaScript on), the browser has asked for the page's icon, and no request is in flight. The
    conditions themselves, not a quiet spell (Playwright's `networkidle` waits 500 ms without a
    request). The page must have been opened by `watched_page` or followed by a `PageWatch`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    watch = _WATCHES[page]
    deadline = time.monotonic() + timeout
    page.wait_for_load_state("load", timeout=timeout * 1000)
    if watch.java_script:
        page.wait_for_function(SCRIPTS_RAN_JS, arg=ours, timeout=timeout * 1000)
    icon = page.evaluate(ICON_JS)
    while watch.pending or (icon and not watch.asked_since_parsed(icon)):
        left = deadline - time.monotonic()
        if left <= 0:
            waiting = [request.url for request in watch.pending] or [f"the icon {icon}"]
            raise TimeoutError(f"{page.url} still waits for {waiting}")
        try:  # woken by each answer; a failed request ends no wait, so look again now and then
            page.wait_for_event("requestfinished", timeout=min(left, 0.25) * 1000)
        except PlaywrightTimeoutError:
            pass


def open_settled(page, url: str, ours: bool = True):
    """Load `url`, wait until the visit is over (`settle`), and return the main response."""
    response = page.goto(url, wait_until="load")
    settle(page, ours)
    return response


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return None
    return f"{parts.scheme}://{parts.netloc}"


def watched_page(browser, base_url: str, scheme: str = "light", viewport: str | dict = "desktop", java_script: bool = True,
                 timezone: str | None = None, locale: str | None = None):
    """A fresh context and page with the colour scheme and size asked for (a name in VIEWPORTS or
    a {"width", "height"} dict), a reader's time zone and language if given (`Europe/London`,
    `en-GB`; otherwise the machine's), and a watch on it. Closing `page.context` is the caller's job."""
    context = browser.new_context(
        color_scheme=scheme, viewport=VIEWPORTS.get(viewport) if isinstance(viewport, str) else viewport,
        java_script_enabled=java_script,
        service_workers="block",
        **({"timezone_id": timezone} if timezone else {}), **({"locale": locale} if locale else {}),
    )
    page = context.new_page()
    watch = PageWatch(origin=_origin(base_url), java_script=java_script)
    page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    watch.follow(page)

    def on_dialog(dialog):
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    # Block anything leaving the machine, but still record it as a failure.
    context.route(lambda url: _origin(url) not in (watch.origin, None), lambda route: route.abort())
    return page, watch


def listen_for_violations(page) -> None:
    """Record the policy violations of every document `page` loads from now on."""
    page.add_init_script(LISTEN_FOR_VIOLATIONS_JS)


def policy_violations(page) -> list[str]:
    return page.evaluate("() => window.__violations")


def search(page, words: str):
    """Type `words` into the page's search (Material's, in the header) and wait for the results;
    return the first result's link."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(words)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    return first


def run_axe(page, context: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) and return the violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text("utf-8"))  # not a <script> tag: the site's CSP would block it
    return page.evaluate(
        """async (context) => {
            const result = await axe.run(context || document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                resultTypes: ['violations'],  // every violation in full; passes not collected (faster)
            });
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""",
        context,
    )


def format_violations(violations: list[dict]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)
