"""Lighthouse (npm `lighthouse`, pinned in benchmarks/package-lock.json) in Debian's Chromium."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from harness.browser import LAUNCH_ARGS, chromium_path

CLI = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift"}
FORM_FACTORS = ("mobile", "desktop")


def run_once(url: str, form_factor: str) -> dict:
    """One Lighthouse run: the four category scores (0-100) and LCP, TBT, CLS."""
    if not CLI.exists():
        raise RuntimeError("Lighthouse is not installed: run `npm ci --prefix benchmarks`")
    command = [
        "node", str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *LAUNCH_ARGS]),
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    metrics = {key: report["audits"][audit]["numericValue"] for key, audit in METRICS.items()}
    failed = sorted(
        audit_id for category in CATEGORIES for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0 and (audit_id := ref["id"]) in report["audits"]
        and report["audits"][audit_id]["score"] is not None and report["audits"][audit_id]["score"] < 1
    )
    shifted = [item.get("node", {}).get("selector", "?")
               for item in (report["audits"].get("layout-shifts", {}).get("details") or {}).get("items", [])]
    return {**scores, **metrics, "failed_audits": failed, "shifted": shifted}


def median_of(url: str, form_factor: str, runs: int) -> dict:
    """The median of each score and metric over `runs` runs (failed audits of every run kept)."""
    return summary([_with_retry(url, form_factor) for _ in range(runs)])


def side_by_side(urls: dict[str, str], form_factor: str, runs: int) -> dict[str, dict]:
    """`runs` runs of each site's page, taken in turn (ours, bare, ours, bare...) so that a change
    in the machine's load weighs on both alike; each site's medians, and the load average (1 min)
    before and after."""
    results: dict[str, list[dict]] = {name: [] for name in urls}
    load_before = os.getloadavg()[0]
    for _ in range(runs):
        for name, url in urls.items():
            results[name].append(_with_retry(url, form_factor))
    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    return {name: {**summary(rows), "load": load} for name, rows in results.items()}


def summary(results: list[dict]) -> dict:
    """The median of each score and metric (failed audits and what moved, of every run)."""
    medians: dict = {key: statistics.median(r[key] for r in results) for key in (*CATEGORIES, *METRICS)}
    medians["failed_audits"] = sorted({a for r in results for a in r["failed_audits"]})
    medians["shifted"] = sorted({s for r in results for s in r["shifted"]})  # what moved (CLS)
    medians["runs"] = len(results)
    return medians


def _with_retry(url: str, form_factor: str, attempts: int = 3) -> dict:
    """Lighthouse sometimes loses the trace (NO_NAVSTART) on a busy machine: run it again."""
    for attempt in range(attempts):
        try:
            return run_once(url, form_factor)
        except RuntimeError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
