"""scripts/bench: weigh and time the site against bare Material built from the same docs/.

`scripts/bench --help` lists the options.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from harness.browser import running_chromium
from harness.server import serve_compressed
from harness.sitebuild import ROOT, mkdocs_build
from harness.transfer import first_visits, page_paths, repeat_visits

from . import lighthouse, report
from .baresite import make_bare_project
from .budgets import self_assessment_assets
from .buildtime import bare_languages, build_seconds, english_only, synthetic_build_seconds, validation_seconds

OTHER_LANGUAGES = ("es",)  # built by our site besides English (mkdocs.yml, the i18n plugin)

# The embed is measured for its report; its SEO score is not a goal (it is `noindex` on purpose).
KEY_PAGES = ("", "self-assessment/", "differences/", "self-assessment-embed/")
RESULTS_DIR = ROOT / "bench-results"


def page_counts(value: str) -> list[int]:
    """`10,100,500` -> [10, 100, 500]; '' -> []."""
    try:
        counts = [int(n) for n in value.split(",") if n.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: page counts separated by commas, e.g. 10,100,500") from None
    if any(n < 1 for n in counts):
        raise argparse.ArgumentTypeError(f"{value!r}: page counts must be at least 1")
    return counts


def form_factors(value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    if not chosen or any(f not in lighthouse.FORM_FACTORS for f in chosen):
        raise argparse.ArgumentTypeError(f"{value!r}: one or more of {', '.join(lighthouse.FORM_FACTORS)}")
    return chosen


def key_pages(value: str) -> list[str]:
    """`/,differences/` -> ['', 'differences/'] (paths as the site's pages are named)."""
    pages = [p.strip().strip("/") for p in value.split(",") if p.strip()]
    return [p + "/" if p else "" for p in pages]


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds timed per site (median)")
    parser.add_argument("--synthetic", type=page_counts, default="10,100,500",
                        help="synthetic page counts, comma-separated ('' for none)")
    parser.add_argument("--synthetic-runs", type=int, default=3, help="builds timed per synthetic size")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--lighthouse-ours-only", action="store_true",
                        help="run Lighthouse on our site only (no side-by-side runs of bare Material)")
    parser.add_argument("--form-factors", type=form_factors, default=",".join(lighthouse.FORM_FACTORS),
                        help="Lighthouse form factors, comma-separated (mobile,desktop)")
    parser.add_argument("--pages", type=key_pages, default=",".join(KEY_PAGES),
                        help="pages for Lighthouse, comma-separated ('/' for the home page)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slowest part)")
    parser.add_argument("--no-builds", action="store_true", help="skip build timing")
    parser.add_argument("--no-pages", action="store_true", help="skip weighing every page")
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_pages(sites: dict[str, Path]) -> dict:
    with running_chromium() as browser:
        paths = page_paths()
        pages = {name: {p: load.to_json() for p, load in first_visits(browser, site, paths).items()}
                 for name, site in sites.items()}
        pages["repeat"] = {p: load.to_json() for p, load in repeat_visits(browser, sites["ours"], paths).items()}
    return pages


def measure_lighthouse(sites: dict[str, Path], pages: list[str], factors: list[str], runs: int) -> dict:
    """Lighthouse on each page of each site, the sites' runs alternating (`lighthouse.side_by_side`)."""
    results: dict = {}
    with ExitStack() as stack:
        served = {name: stack.enter_context(serve_compressed(site)) for name, site in sites.items()}
        for path in pages:
            present = {name: served[name].url + path for name, site in sites.items()
                       if (site / path / "index.html").exists()}
            for factor in factors:
                say(f"lighthouse /{path} {factor}: {', '.join(present)} in turn, {runs} each")
                try:
                    measured = lighthouse.side_by_side(present, factor, runs)
                except RuntimeError as exc:
                    measured = {name: {"error": str(exc)} for name in present}
                for name, result in measured.items():
                    results.setdefault(name, {}).setdefault(path, {})[factor] = result
    return results


def main(argv=None) -> int:
    args = parse_args(argv)
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        say("building our site and bare Material from the same docs/")
        bare_config = make_bare_project(ROOT, tmp / "bare-project")
        sites = {"ours": tmp / "ours", "bare": tmp / "bare"}
        mkdocs_build(ROOT / "mkdocs.yml", sites["ours"])
        mkdocs_build(bare_config, sites["bare"])

        if not args.no_pages:
            say("loading every page in Chromium")
            results["pages"] = measure_pages(sites)
            try:
                results["self_assessment_assets"] = self_assessment_assets(sites["ours"])
            except FileNotFoundError as exc:
                results["self_assessment_assets"] = str(exc)

        if not args.no_lighthouse:
            chosen = {"ours": sites["ours"]} if args.lighthouse_ours_only else sites
            results["lighthouse"] = measure_lighthouse(chosen, args.pages, args.form_factors, args.lighthouse_runs)

        if not args.no_builds:
            say(f"timing builds ({args.runs} each)")
            bare_seconds = build_seconds(bare_config, args.runs)
            others = [build_seconds(config, args.runs) for config in bare_languages(ROOT, tmp, OTHER_LANGUAGES)]
            builds = {"site": {"ours": build_seconds(ROOT / "mkdocs.yml", args.runs, english_only(tmp / "en-only")),
                               "bare": bare_seconds},
                      "languages": {"ours": build_seconds(ROOT / "mkdocs.yml", args.runs),
                                    "bare": {clock: bare_seconds[clock] + sum(other[clock] for other in others)
                                             for clock in bare_seconds},
                                    "count": 1 + len(others)},
                      "validation": validation_seconds(ROOT / "mkdocs.yml", args.runs),
                      "synthetic": {}}
            for count in args.synthetic:
                say(f"timing builds with {count} synthetic pages ({args.synthetic_runs} each)")
                builds["synthetic"][str(count)] = synthetic_build_seconds(ROOT, count, args.synthetic_runs)
            results["builds"] = builds

    print(report.render(results))
    path = report.write_json(results, RESULTS_DIR)
    print(f"\nJSON: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
