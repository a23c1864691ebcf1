"""Speed and weight of the built site, measured against a bare Material for MkDocs build.

`scripts/bench` runs everything (python -m benchmarks); tests/test_budgets.py reuses the byte
measurements so the budgets and the benchmark count the same way.
"""
