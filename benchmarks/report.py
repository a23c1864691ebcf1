"""The benchmark's table (printed) and JSON (written to bench-results/): every goal of
benchmarks/budgets.py with its figure and "met" or "not met"."""

from __future__ import annotations

import json
import time
from itertools import pairwise
from pathlib import Path

from .budgets import (
    BUILD_FIXED_OVER_BARE_S,
    BUILD_PER_PAGE_RATIO,
    KB,
    LIGHTHOUSE_MIN,
    LIGHTHOUSE_NOT_COUNTED,
    LIGHTHOUSE_VS_BARE_FORM_FACTOR,
    LIGHTHOUSE_VS_BARE_PAGES,
    LINEAR_SLOPE_FACTOR,
    PAGE_MAX,
    PER_PAGE_FROM,
    PER_PAGE_TO,
    SELF_ASSESSMENT_ASSETS,
    goal_over_bare,
    repeat_visit_goal,
)


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


class Goals:
    """Every goal checked, in order, for the summary at the end."""

    def __init__(self):
        self.checked: list[tuple[str, bool]] = []

    def check(self, name: str, ok: bool) -> str:
        self.checked.append((name, ok))
        return verdict(ok)

    def summary(self) -> list[str]:
        missed = [name for name, ok in self.checked if not ok]
        return [f"Goals: {len(self.checked) - len(missed)} met, {len(missed)} not met"] + [f"  not met: {m}" for m in missed]


def pages_table(results: dict, goals: Goals) -> list[str]:
    if "pages" not in results:
        return []
    ours, bare, repeat = results["pages"]["ours"], results["pages"]["bare"], results["pages"]["repeat"]
    lines = [
        "Per page (KB = 1,000 bytes, gzip bodies). First visit: ours, bare Material (its copy carries the words of our",
        "data blocks), +bare = ours - bare against its goal; repeat = arriving from another page (shared assets cached);",
        f"cap = first visit within {kb(PAGE_MAX)} KB; other = requests to other origins (goal: 0).",
        f"{'page':<24}{'HTML':>6}{'gzip':>7}{'req':>4}{'other':>6}{'bare':>7}{'+bare':>7}{'goal':>6}  {'':<8}"
        f"{'repeat':>7}{'goal':>6}  {'':<8}{'cap':<8}",
    ]
    for path, load in ours.items():
        other = bare.get(path)
        extra = load["transferred_gzip"] - other["transferred_gzip"] if other else None
        over_bare = "-" if extra is None else goals.check(f"/{path} over bare", extra <= goal_over_bare(path))
        repeat_ok = goals.check(f"/{path} repeat visit", repeat[path]["transferred_gzip"] <= repeat_visit_goal(path))
        cap_ok = goals.check(f"/{path} absolute cap, no other origin",
                             load["transferred_gzip"] <= PAGE_MAX and not load["other_origin_requests"])
        lines.append(
            f"{'/' + path:<24}{kb(load['html_bytes']):>6}{kb(load['transferred_gzip']):>7}{load['requests']:>4}"
            f"{len(load['other_origin_requests']):>6}"
            f"{kb(other['transferred_gzip']) if other else '-':>7}{kb(extra) if other else '-':>7}"
            f"{kb(goal_over_bare(path)):>6}  {over_bare:<8}"
            f"{kb(repeat[path]['transferred_gzip']):>7}{kb(repeat_visit_goal(path)):>6}  {repeat_ok:<8}{cap_ok:<8}"
        )
    assets = results.get("self_assessment_assets")
    if isinstance(assets, dict):
        total = sum(assets.values())
        lines.append(f"Self-assessment own JS: {kb(total)} KB gzip, goal {kb(SELF_ASSESSMENT_ASSETS)}: "
                     + goals.check("self-assessment own JS", total <= SELF_ASSESSMENT_ASSETS))
    elif assets:
        lines.append(f"Self-assessment own JS: {assets}: " + goals.check("self-assessment own JS", False))
    return lines


def lighthouse_table(results: dict, goals: Goals) -> list[str]:
    if not results.get("lighthouse"):
        return []
    categories = list(LIGHTHOUSE_MIN)
    lines = ["Lighthouse (median of runs): perf / a11y / best practices / SEO, LCP ms, TBT ms, CLS; goals: "
             + ", ".join(f"{c} >= {v}" for c, v in LIGHTHOUSE_MIN.items()) + " (ours only; (n) = reported, not a goal)"]
    for site, pages in results["lighthouse"].items():
        for path, factors in pages.items():
            for factor, r in factors.items():
                if "error" in r:
                    if site == "ours":
                        goals.check(f"Lighthouse /{path} {factor}", False)
                    lines.append(f"{site:<5} {'/' + path:<24}{factor:<8} error: {r['error'][:80]}")
                    continue
                counted = [c for c in categories if (path, c) not in LIGHTHOUSE_NOT_COUNTED]
                scores = "".join(f"{r[c]:>4.0f}" if c in counted else f"{'(' + format(r[c], '.0f') + ')':>5}"
                                 for c in categories)
                ok = all(r[c] >= LIGHTHOUSE_MIN[c] for c in counted)
                state = goals.check(f"Lighthouse /{path} {factor}", ok) if site == "ours" else ""
                lines.append(
                    f"{site:<5} {'/' + path:<24}{factor:<8}{scores}{r['lcp_ms']:>7.0f}{r['tbt_ms']:>6.0f}{r['cls']:>7.3f}  {state}"
                    + (f"  below 1: {', '.join(r['failed_audits'])}" if r["failed_audits"] else "")
                )
    return lines + vs_bare_table(results["lighthouse"], goals)


def vs_bare_table(lighthouse: dict, goals: Goals) -> list[str]:
    """Ours against bare Material, measured side by side: performance at least bare's, LCP and TBT
    at most bare's, on each page of LIGHTHOUSE_VS_BARE_PAGES."""
    factor = LIGHTHOUSE_VS_BARE_FORM_FACTOR
    lines = [f"Against bare Material, Lighthouse {factor}, runs alternating ours/bare, medians "
             "(goal: performance >= bare, LCP <= bare, TBT <= bare; load = 1-min load average before/after)",
             f"{'page':<20}{'perf ours/bare':>15}{'LCP ms ours/bare':>18}{'TBT ms ours/bare':>18}{'load':>12}"]
    for path in LIGHTHOUSE_VS_BARE_PAGES:
        ours = lighthouse.get("ours", {}).get(path, {}).get(factor)
        bare = lighthouse.get("bare", {}).get(path, {}).get(factor)
        if not ours or not bare:
            continue
        if "error" in ours or "error" in bare:
            lines.append(f"{'/' + path:<20}error  " + goals.check(f"Lighthouse /{path} against bare", False))
            continue
        ok = ours["performance"] >= bare["performance"] and ours["lcp_ms"] <= bare["lcp_ms"] and ours["tbt_ms"] <= bare["tbt_ms"]
        load = "/".join(f"{v:.1f}" for v in ours.get("load", ()))
        lines.append(f"{'/' + path:<20}{ours['performance']:>8.0f} /{bare['performance']:>4.0f}"
                     f"{ours['lcp_ms']:>10.0f} /{bare['lcp_ms']:>6.0f}{ours['tbt_ms']:>10.0f} /{bare['tbt_ms']:>6.0f}"
                     f"{load:>12}  " + goals.check(f"Lighthouse /{path} against bare", ok))
    return lines if len(lines) > 2 else []


def slopes(synthetic: dict[str, dict], site: str, clock: str) -> list[tuple[int, int, float]]:
    """Seconds per added page between consecutive synthetic sizes: (from, to, seconds)."""
    sizes = sorted(int(n) for n in synthetic)
    return [(a, b, (seconds(synthetic[str(b)][site], clock) - seconds(synthetic[str(a)][site], clock)) / (b - a))
            for a, b in pairwise(sizes)]


def seconds(measured: dict | float, clock: str) -> float:
    """One build's median time by `clock` ("cpu" or "wall"; a bare number is wall time)."""
    return measured[clock] if isinstance(measured, dict) else measured


def build_table(results: dict, goals: Goals) -> list[str]:
    builds = results.get("builds")
    if not builds:
        return []
    site, synthetic = builds["site"], builds.get("synthetic", {})
    # Judged by CPU time when measured: on a shared machine wall time also counts the neighbours' work.
    clock = "cpu" if isinstance(site["ours"], dict) else "wall"
    lines = ["Build time, seconds (median of runs, `mkdocs build --strict`, Python start-up included), "
             f"CPU (user + system) and wall; the goals are judged by {clock} time",
             f"{'pages':<22}{'ours cpu':>9}{'bare cpu':>9}{'ours-bare':>10}{'ours wall':>10}{'bare wall':>10}"]
    for label, row in [("this site", site)] + [(f"+{n} synthetic", synthetic[n]) for n in sorted(synthetic, key=int)]:
        cpu = [seconds(row[s], "cpu") if isinstance(row[s], dict) else float("nan") for s in ("ours", "bare")]
        wall = [seconds(row[s], "wall") for s in ("ours", "bare")]
        lines.append(f"{label:<22}{cpu[0]:>9.2f}{cpu[1]:>9.2f}"
                     f"{seconds(row['ours'], clock) - seconds(row['bare'], clock):>10.2f}{wall[0]:>10.2f}{wall[1]:>10.2f}")
    fixed = seconds(site["ours"], clock) - seconds(site["bare"], clock)
    lines.append(f"fixed cost over bare Material (this site, ours - bare): {fixed:.2f} s, goal <= {BUILD_FIXED_OVER_BARE_S} s: "
                 + goals.check("build: fixed cost over bare", fixed <= BUILD_FIXED_OVER_BARE_S))
    if "validation" in builds:
        lines.append(f"  of which our checks (config, extra.practice, data files loaded, validated and checked), cold, in process: "
                     f"{builds['validation'] * 1000:.0f} ms")
    languages = builds.get("languages")
    if languages:  # every language in one `mkdocs build`, against bare Material built once per language
        lines.append(f"every language ({languages['count']}) in one build: ours {seconds(languages['ours'], clock):.2f} s, "
                     f"bare Material built once per language {seconds(languages['bare'], clock):.2f} s ({clock})")
    ours_slopes, bare_slopes = slopes(synthetic, "ours", clock), slopes(synthetic, "bare", clock)
    for (a, b, mine), (_, _, theirs) in zip(ours_slopes, bare_slopes, strict=True):
        lines.append(f"per added page, {a} to {b}: ours {mine * 1000:.1f} ms, bare {theirs * 1000:.1f} ms"
                     + (f" ({mine / theirs:.2f}x)" if theirs > 0 else ""))
    if str(PER_PAGE_FROM) in synthetic and str(PER_PAGE_TO) in synthetic:
        span = {s: (seconds(synthetic[str(PER_PAGE_TO)][s], clock) - seconds(synthetic[str(PER_PAGE_FROM)][s], clock))
                / (PER_PAGE_TO - PER_PAGE_FROM) for s in ("ours", "bare")}
        ratio = span["ours"] / span["bare"] if span["bare"] > 0 else float("inf")
        lines.append(f"time per added page from {PER_PAGE_FROM} to {PER_PAGE_TO} pages: {ratio:.2f}x bare's, "
                     f"goal <= {BUILD_PER_PAGE_RATIO}x: " + goals.check("build: time per added page", ratio <= BUILD_PER_PAGE_RATIO))
    if len(ours_slopes) >= 2:
        def growth(steps):
            first, last = steps[0][2], steps[-1][2]
            return last / first if first > 0 else float("inf")

        factor = growth(ours_slopes)
        # Bare Material's own factor beside ours: every page carries the whole navigation, so no
        # build of Material's grows linearly; ours can only add to that.
        lines.append(f"linear growth: ours' time per added page from {ours_slopes[-1][0]} to {ours_slopes[-1][1]} is "
                     f"{factor:.2f}x that from {ours_slopes[0][0]} to {ours_slopes[0][1]} (bare Material's own: "
                     f"{growth(bare_slopes):.2f}x), goal <= {LINEAR_SLOPE_FACTOR}: "
                     + goals.check("build time grows linearly", factor <= LINEAR_SLOPE_FACTOR))
    return lines


def render(results: dict) -> str:
    goals = Goals()
    sections = [pages_table(results, goals), lighthouse_table(results, goals), build_table(results, goals)]
    sections.append(goals.summary())
    return "\n\n".join("\n".join(s) for s in sections if s)


def write_json(results: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    path = out_dir / f"bench-{stamp}.json"
    text = json.dumps(results, indent=2)
    path.write_text(text, "utf-8")
    (out_dir / "latest.json").write_text(text, "utf-8")
    return path
