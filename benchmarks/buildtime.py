"""Build wall time: our site against bare Material, and how both grow with the number of pages.

Our site builds every language (English and Spanish: two builds in one run); the goals compare
like with like: our site in English alone with bare Material, and our two languages with bare
Material built once per language.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from pathlib import Path

from harness.sitebuild import OWN_SITE, PRACTICE_ENV, mkdocs_build

from .baresite import add_synthetic_pages, copy_project, make_bare_project


def build_seconds(config: Path, runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall time and median CPU time (user + system) of `runs` clean `mkdocs build --strict`
    runs, Python start-up included, as a writer running the command waits for it. On a shared
    machine the wall time also measures the neighbours' work; the CPU time is the build's own."""
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-out-") as out:
            before, start = _children_cpu(), time.perf_counter()
            mkdocs_build(config, Path(out) / "site", env=env or OWN_SITE)
            walls.append(time.perf_counter() - start)
            cpus.append(_children_cpu() - before)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def english_only(folder: Path) -> dict[str, str]:
    """The environment of a build of our site in English alone (a practice that leaves Spanish out)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "practice.yml").write_text("languages: [en]\n", "utf-8")
    return {PRACTICE_ENV: str(folder)}


def bare_languages(root: Path, dest: Path, languages: tuple[str, ...]) -> list[Path]:
    """Bare Material's projects, one per language after the first (Material's `theme.language`)."""
    return [make_bare_project(root, dest / f"bare-{lang}", language=lang) for lang in languages]


def validation_seconds(config_file: Path, runs: int) -> float:
    """Median time of our plugin's checks alone (config file, `extra.practice`, the data files loaded
    and validated against their schemas, the self-assessment's rules checked): the fixed cost every
    build of ours pays, in process, cold (nothing kept from the run before)."""
    from mkdocs.config import load_config  # only this measurement needs MkDocs' config machinery

    from microsite.data import forget_loaded

    times = []
    for _ in range(runs):
        forget_loaded()
        config = load_config(config_file=str(config_file))
        plugin = config.plugins["microsite"]
        start = time.perf_counter()
        plugin.on_config(config)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_build_seconds(root: Path, pages: int, runs: int) -> dict[str, dict[str, float]]:
    """Median build time of our site (in English alone) and of bare Material, each with `pages`
    synthetic pages added."""
    result = {}
    with tempfile.TemporaryDirectory(prefix="bench-synth-") as tmp:
        env = english_only(Path(tmp) / "english-only")
        for name, make in (("ours", copy_project), ("bare", make_bare_project)):
            config = add_synthetic_pages(make(root, Path(tmp) / name), pages)
            result[name] = build_seconds(config, runs, env if name == "ours" else None)
    return result
