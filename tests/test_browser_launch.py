"""The browser the tests launch: Playwright's settings kept, and no address bar's pop-ups drawn in
every new context (they cost more CPU than the page under test)."""

from __future__ import annotations

import os
from pathlib import Path


def browser_command_lines() -> list[list[str]]:
    """The command line of each Chromium browser process this test process started (through
    Playwright's driver): the processes under ours that have no `--type` (renderers have one)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], list(children.get(os.getpid(), []))
    while queue:
        pid = queue.pop()
        queue += children.get(pid, [])
        try:
            args = (Path("/proc") / str(pid) / "cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        if "--remote-debugging-pipe" in args and not any(arg.startswith("--type=") for arg in args):
            found.append(args)
    return found


def test_our_disabled_features_keep_every_one_playwright_disables(browser):
    command_lines = browser_command_lines()
    assert command_lines, "the session's Chromium was not found among this process's children"
    for args in command_lines:
        lists = [arg.split("=", 1)[1].split(",") for arg in args if arg.startswith("--disable-features=")]
        # Chromium reads the last one only: it must hold every feature the earlier ones (Playwright's) turn off.
        assert len(lists) >= 2, f"expected Playwright's --disable-features and ours: {lists}"
        lost = set().union(*lists[:-1]) - set(lists[-1])
        assert not lost, f"features Playwright turns off that ours turns back on (add them to harness.browser): {sorted(lost)}"


def test_a_new_context_draws_no_browser_ui(browser):
    context = browser.new_context()
    try:
        context.new_page()
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    drawn = [target["url"] for target in targets if target["type"] == "browser_ui"]
    assert not drawn, f"Chromium draws its own interface in every context (find its feature for UNSEEN_BROWSER_UI): {drawn}"
