"""Speed and weight of the built site, measured against a bare Material for MkDocs build.

`scripts/bench` runs everything (python -m benchmarks, from the repository root). The budgets
and the bare copy are shared with tests/test_budgets.py; the measuring machinery (server,
browser, page weights) is the `harness` package, which the tests use too.
"""
