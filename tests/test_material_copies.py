"""Our copies of Material's partials differ from the installed Material's files exactly as recorded
(tests/material_copies.py explains the record and how to upgrade)."""

from __future__ import annotations

import shutil

import pytest

from material_copies import COPIES, OVERRIDES, drift, material_templates, our_change, record_path


@pytest.mark.parametrize("name", COPIES)
def test_copy_differs_from_material_only_by_our_recorded_change(name):
    problem = drift(name, material_templates() / name, OVERRIDES / name, record_path(name))
    assert problem is None, problem


@pytest.mark.parametrize("name", COPIES)
def test_record_holds_a_change(name):
    # A copy identical to Material's file needs no override; an empty record would hide one.
    assert record_path(name).read_text("utf-8").startswith("--- material ")
    assert our_change(name, material_templates() / name, OVERRIDES / name)


@pytest.mark.parametrize("name", COPIES)
def test_a_change_in_material_fails_and_shows_the_line(tmp_path, name):
    upstream = tmp_path / "upstream.html"
    lines = (material_templates() / name).read_text("utf-8").splitlines(keepends=True)
    middle = len(lines) // 2
    lines[middle] = lines[middle].rstrip("\n") + " {#- changed upstream -#}\n"
    upstream.write_text("".join(lines), "utf-8")
    problem = drift(name, upstream, OVERRIDES / name, record_path(name))
    assert problem is not None
    assert "changed upstream" in problem and name in problem


@pytest.mark.parametrize("name", COPIES)
def test_an_unrecorded_change_to_our_copy_fails(tmp_path, name):
    copy = tmp_path / "copy.html"
    shutil.copyfile(OVERRIDES / name, copy)
    with copy.open("a", encoding="utf-8") as out:
        out.write("<p>unrecorded</p>\n")
    problem = drift(name, material_templates() / name, copy, record_path(name))
    assert problem is not None and "+<p>unrecorded</p>" in problem


def test_a_missing_record_fails(tmp_path):
    name = COPIES[0]
    assert drift(name, material_templates() / name, OVERRIDES / name, tmp_path / "none.diff") is not None
