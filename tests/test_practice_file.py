"""A practice's config is data, not code: `practice/practice.yml` is read by our code as plain data.

MkDocs reads its own config with PyYAML's full loader, where a tag can run a command or read an
environment variable. A practice's file never goes through it: every build finds the file (or the
folder MICROSITE_PRACTICE names), reads it with the strict safe loader, and refuses any tag that is
not plain data, naming the file and the line, before anything is built.
"""

from __future__ import annotations

import shutil

import pytest

from fixture_site import PRACTICE, PRACTICE_FILE, SITE_URL, practice_config, project_copy, write_practice_file
from harness.sitebuild import mkdocs_build
from microsite.data import DataError
from microsite.practice import practice_folder, read_practice_file
from microsite.site import SiteInputs, load_site

MARKER = "code-ran.txt"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("practice-file"))
    practice_config(root)
    return root


def build(root, env=None):
    result = mkdocs_build(root / "mkdocs.yml", root / "site", check=False, env=env)
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize("payload", [
    f"name: !!python/object/apply:os.system ['touch {MARKER}']\n",
    f"site_description: !!python/object/apply:subprocess.getoutput ['touch {MARKER}']\n",
    f"colors:\n  primary: !!python/object/new:os.system ['touch {MARKER}']\n",
    f"region: !!python/object/apply:builtins.exec ['open(\"{MARKER}\", \"w\")']\n",
])
def test_a_tag_that_would_run_code_is_refused_and_never_runs(copy, payload):
    write_practice_file(copy, f"site_url: {SITE_URL}\n{payload}")
    code, output = build(copy)
    assert code != 0, output
    line = 1 + payload.count("\n")  # the tag's line, after the site_url line
    assert f"practice/practice.yml: line {line}: the tag !!python/object/" in output and "is not allowed" in output, output
    assert "Traceback" not in output, output
    assert not (copy / MARKER).exists() and not (copy / "site" / MARKER).exists()


def test_a_tag_that_would_read_the_environment_is_refused(copy):
    write_practice_file(copy, f"site_url: {SITE_URL}\nname: !ENV [SECRET_TOKEN, fallback]\n")
    shutil.rmtree(copy / "site", ignore_errors=True)  # what another test of this copy published
    code, output = build(copy, env={"SECRET_TOKEN": "s3cr3t-value"})
    assert code != 0 and "practice/practice.yml: line 2: the tag !ENV is not allowed" in output, output
    assert "s3cr3t-value" not in output and not list((copy / "site").rglob("*.html"))


def test_the_same_copy_builds_with_plain_values(copy):
    # Guards the tests above: the copy builds, so each failure comes from the tag.
    practice_config(copy)
    code, output = build(copy)
    assert code == 0, output
    assert PRACTICE["name"] in (copy / "site" / "index.html").read_text("utf-8")


def test_a_key_the_file_does_not_know_names_the_file_and_the_key(tmp_path):
    (tmp_path / "practice").mkdir()
    (tmp_path / "practice" / "practice.yml").write_text("site_url: https://a.example/\nsite_nmae: Oops\n", "utf-8")
    with pytest.raises(DataError) as caught:
        load_site(SiteInputs(root=tmp_path, docs_dir=tmp_path, practice_folder=tmp_path / "practice"))
    assert str(caught.value) == "practice/practice.yml: site_nmae: unknown key (check the spelling)"


def test_site_level_values_are_checked_naming_the_file(tmp_path):
    folder = tmp_path / "practice"
    folder.mkdir()
    (folder / "practice.yml").write_text('site_url: "https://a.example/\\"><img src=x>"\n', "utf-8")
    with pytest.raises(DataError) as caught:
        read_practice_file(folder, tmp_path)
    assert str(caught.value).startswith("practice/practice.yml: site_url: ") and "quotes" in str(caught.value)


def test_a_value_is_named_with_the_file_it_came_from(tmp_path):
    from harness.sitebuild import ROOT

    folder = tmp_path / "practice"
    folder.mkdir()
    (folder / "practice.yml").write_text('colors: {primary: "#dddddd"}\n', "utf-8")
    shutil.copytree(ROOT / "data", tmp_path / "data")  # data files are read from inside the project only
    inputs = SiteInputs(root=tmp_path, docs_dir=ROOT / "docs", practice={"name": "Ours", "region": "ZZ"},
                        practice_folder=folder)
    with pytest.raises(DataError) as caught:  # the practice's colours: its file
        load_site(inputs, with_files=False)
    assert str(caught.value).startswith("practice/practice.yml: colors: too little contrast"), str(caught.value)
    (folder / "practice.yml").write_text("name: Theirs\n", "utf-8")
    with pytest.raises(DataError) as caught:  # our config's region: our file
        load_site(inputs, with_files=False)
    assert str(caught.value).startswith("mkdocs.yml extra.practice: region: no crisis lines for region 'ZZ'")
    (folder / "practice.yml").write_text("region: GB\n", "utf-8")
    assert load_site(inputs, with_files=False).practice["name"] == "Ours"  # a key it does not set: ours


def test_the_practice_folder_is_found_next_to_the_config_or_named_by_the_environment(tmp_path):
    assert practice_folder(tmp_path, {}) is None
    (tmp_path / PRACTICE_FILE).parent.mkdir()
    assert practice_folder(tmp_path, {}) is None  # a folder without its config file: no config
    write_practice_file(tmp_path, {"name": "Here"})
    assert practice_folder(tmp_path, {}) == tmp_path / "practice"
    assert practice_folder(tmp_path, {"MICROSITE_PRACTICE": "none"}) is None
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "practice.yml").write_text("name: There\n", "utf-8")
    assert practice_folder(tmp_path, {"MICROSITE_PRACTICE": str(elsewhere)}) == elsewhere
    with pytest.raises(DataError) as caught:
        practice_folder(tmp_path, {"MICROSITE_PRACTICE": str(tmp_path / "missing")})
    assert "MICROSITE_PRACTICE=" in str(caught.value) and "no practice.yml in" in str(caught.value)


def test_the_environment_chooses_the_practice_a_build_uses(tmp_path):
    root = project_copy(tmp_path)
    practice_config(root)  # a practice's folder next to the config...
    code, output = build(root, env={"MICROSITE_PRACTICE": "none"})  # ...left out
    assert code == 0, output
    assert PRACTICE["name"] not in (root / "site" / "index.html").read_text("utf-8")
    other = tmp_path / "other-practice"
    other.mkdir()
    (other / "practice.yml").write_text("site_url: https://other.example/\nname: Other Practice\n"
                                        "site_name: Other Practice Guide\n", "utf-8")
    code, output = build(root, env={"MICROSITE_PRACTICE": str(other)})
    assert code == 0, output
    home = (root / "site" / "index.html").read_text("utf-8")
    assert "Other Practice Guide</title>" in home and "https://www.example.org/" not in home
    assert '"publisher": {"@type": "Organization", "name": "Other Practice", "url": "https://other.example/"}' in home
    assert "\nSitemap: https://other.example/sitemap.xml\n" in (root / "site" / "robots.txt").read_text("utf-8")
    assert f"Practice config: {other / 'practice.yml'}" in output


def test_mkdocs_serve_watches_the_practice_folder(tmp_path, monkeypatch):
    from microsite import mkdocs_config

    root = project_copy(tmp_path)
    practice_config(root)
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    config = mkdocs_config.load(root / "mkdocs.yml")
    plugin = config.plugins["microsite"]
    plugin.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    server = Server()
    assert plugin.on_serve(server, config, builder=None) is server
    assert server.watched == [str(root / "practice")]
