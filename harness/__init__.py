"""What the tests and the benchmarks share: build the site, serve it, drive Chromium, weigh pages.

Importable from the repository root: pytest puts it on the path (`pythonpath` in pyproject.toml)
and `python -m benchmarks`, run from the root by scripts/bench, finds it in the working directory.
"""
