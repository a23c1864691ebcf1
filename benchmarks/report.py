"""The benchmark's table (printed) and JSON (written to bench-results/)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from .budgets import KB, PAGE_MAX, REPEAT_VISIT_MAX, SELF_ASSESSMENT_ASSETS, goal_over_bare


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def pages_table(results: dict) -> list[str]:
    ours, bare, repeat = results["pages"]["ours"], results["pages"]["bare"], results["pages"]["repeat"]
    lines = [
        "Per page, first visit (KB = 1,000 bytes, compressed bodies; repeat = arriving from another page, shared assets cached)",
        f"{'page':<26}{'HTML':>7}{'gzip':>7}{'br':>7}{'req':>5}{'other':>6}"
        f"{'bare gz':>9}{'bare req':>9}{'bare oth':>9}{'+gz':>7}{'allow':>7}{'repeat':>8}  ok",
    ]
    for path, load in ours.items():
        other = bare.get(path)
        extra = load["transferred_gzip"] - other["transferred_gzip"] if other else None
        ok = (load["transferred_gzip"] <= PAGE_MAX and not load["other_origin_requests"]
              and (extra is None or extra <= goal_over_bare(path))
              and repeat[path]["transferred_gzip"] <= REPEAT_VISIT_MAX)
        lines.append(
            f"{'/' + path:<26}{kb(load['html_bytes']):>7}{kb(load['transferred_gzip']):>7}"
            f"{kb(load['transferred_brotli']):>7}{load['requests']:>5}{len(load['other_origin_requests']):>6}"
            + (f"{kb(other['transferred_gzip']):>9}{other['requests']:>9}{len(other['other_origin_requests']):>9}"
               f"{kb(extra):>7}" if other else f"{'-':>9}{'-':>9}{'-':>9}{'-':>7}")
            + f"{kb(goal_over_bare(path)):>7}{kb(repeat[path]['transferred_gzip']):>8}  {'yes' if ok else 'NO'}"
        )
    assets = results.get("self_assessment_assets")
    if isinstance(assets, dict):
        total = sum(assets.values())
        lines.append(f"Self-assessment JS + CSS: {kb(total)} KB gzip (budget {kb(SELF_ASSESSMENT_ASSETS)})")
    elif assets:
        lines.append(f"Self-assessment JS + CSS: {assets}")
    return lines


def lighthouse_table(results: dict) -> list[str]:
    if not results.get("lighthouse"):
        return []
    lines = ["Lighthouse (median of runs): perf / a11y / best practices / SEO, LCP ms, TBT ms, CLS"]
    for site, pages in results.get("lighthouse", {}).items():
        for path, factors in pages.items():
            for factor, r in factors.items():
                if "error" in r:
                    lines.append(f"{site:<5} {'/' + path:<22}{factor:<8} error: {r['error'][:80]}")
                    continue
                lines.append(
                    f"{site:<5} {'/' + path:<22}{factor:<8}{r['performance']:>4.0f}{r['accessibility']:>4.0f}"
                    f"{r['best-practices']:>4.0f}{r['seo']:>4.0f}{r['lcp_ms']:>8.0f}{r['tbt_ms']:>6.0f}{r['cls']:>7.3f}"
                    + (f"  below 1: {', '.join(r['failed_audits'])}" if r["failed_audits"] else "")
                )
    return lines


def build_table(results: dict) -> list[str]:
    builds = results.get("builds")
    if not builds:
        return []
    lines = ["Build wall time, seconds (median)", f"{'pages':<12}{'ours':>8}{'bare':>8}{'ratio':>8}"]
    for label, row in builds.items():
        lines.append(f"{label:<12}{row['ours']:>8.2f}{row['bare']:>8.2f}{row['ours'] / row['bare']:>8.2f}")
    return lines


def render(results: dict) -> str:
    sections = [pages_table(results), lighthouse_table(results), build_table(results)]
    return "\n\n".join("\n".join(s) for s in sections if s)


def write_json(results: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    path = out_dir / f"bench-{stamp}.json"
    text = json.dumps(results, indent=2)
    path.write_text(text, "utf-8")
    (out_dir / "latest.json").write_text(text, "utf-8")
    return path
