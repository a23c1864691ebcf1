"""Every command of the project parses its arguments the same way (argparse): `--help` prints a
usage, and a flag it does not know is refused with the usage and exit status 2, before any work."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from harness.sitebuild import ROOT

# Each command with arguments it would otherwise accept, so the unknown flag is the only error.
COMMANDS = {
    "microsite.postbuild": ["site"],
    "microsite.headers": ["site"],
    "microsite.robots": ["site", "https://example.org/"],
    "microsite.freshness": [],
    "benchmarks": [],
}


def run(module: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


@pytest.mark.parametrize("module", COMMANDS)
def test_an_unknown_flag_is_refused_with_the_usage(module, tmp_path):
    args = [str(tmp_path) if arg == "site" else arg for arg in COMMANDS[module]]
    result = run(module, *args, "--no-such-flag")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("usage: "), result.stderr
    assert "unrecognized arguments: --no-such-flag" in result.stderr


@pytest.mark.parametrize("module", COMMANDS)
def test_help_prints_the_usage(module):
    result = run(module, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: ")
