"""The plugin is a thin adapter over a core that needs no MkDocs.

A build leaves the config it was given as it found it, so MkDocs can build from one config again
and again in one process (as `mkdocs serve` and mkdocs-static-i18n do) with the same result; the
post-build steps run over any built folder, also one built without our plugin (each page's policy
included); nothing of ours
reaches into another package's private names.
"""

from __future__ import annotations

import ast
import filecmp
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup

from fixture_site import PRACTICE, SITE_URL, practice_config, project_copy
from harness.sitebuild import ROOT, mkdocs_build
from microsite import mkdocs_config
from microsite.site import generator_config

NAMEDTUPLE_API = {"_replace", "_asdict", "_fields", "_make"}  # public, underscored so fields cannot clash


def snapshot(config) -> dict[str, str]:
    """Every value of a MkDocs config, written out in full (nested values too)."""
    return {key: repr(value) for key, value in config.items()} | {"theme": repr(config.theme)}


def meta_policies(site: Path) -> dict[str, str]:
    """Each page's Content-Security-Policy meta tag, where it stands before every script."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert match and match.start() < html.find("<script"), page
        found[page.relative_to(site).as_posix()] = match[1]
    return found


def differing_files(left: Path, right: Path) -> list[str]:
    def walk(cmp: filecmp.dircmp, prefix: str = "") -> list[str]:
        # shallow=False: by content, never by size and time
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found = [prefix + name for name in mismatch + errors + cmp.left_only + cmp.right_only]
        for name, sub in cmp.subdirs.items():
            found += walk(sub, f"{prefix}{name}/")
        return found
    return walk(filecmp.dircmp(left, right))


@pytest.fixture(scope="module")
def practice_root(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("adapter"))
    practice_config(root, {**PRACTICE, "colors": {"primary": "#5b2a86", "accent": "#1f6f43"}})
    return root


def test_two_builds_on_one_config_give_identical_sites_and_leave_the_config_as_it_was(practice_root, monkeypatch):
    from mkdocs.commands.build import build

    monkeypatch.chdir(practice_root)
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    monkeypatch.setenv("MICROSITE_TODAY", "2031-01-01")  # every source is old: the build warns each time
    out = practice_root / "site-in-process"
    config = mkdocs_config.load(practice_root / "mkdocs.yml")
    config["site_dir"] = str(out)
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` runs it: staged, then published
    before = snapshot(config)
    build(config)
    assert snapshot(config) == before
    first = practice_root / "site-first"
    shutil.copytree(out, first)
    build(config)
    assert snapshot(config) == before
    assert differing_files(first, out) == []
    assert sorted(p.name for p in practice_root.glob(".site-in-process.*")) == []  # no staging folder left
    assert len(logging.getLogger("microsite").handlers) == 1  # the stale-source handler, added once
    # Guards the comparison: the build used the practice's values, not the config's own.
    assert f"Sitemap: {SITE_URL}sitemap.xml\nSitemap: {SITE_URL}es/sitemap.xml\n" in (out / "robots.txt").read_text("utf-8")
    assert PRACTICE["name"] in (out / "index.html").read_text("utf-8")
    assert 'lang="es"' in (out / "es" / "index.html").read_text("utf-8").replace("lang=es", 'lang="es"')
    assert config.site_url != SITE_URL and len(list((out / "assets" / "stylesheets").glob("site.*.min.css"))) == 1


def test_the_plugin_gives_the_same_config_when_it_runs_again_on_its_own_result(practice_root, monkeypatch):
    # mkdocs-static-i18n builds each further language by running the build again on the config the
    # plugins returned: our plugin must read it as it read the first.
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    config = mkdocs_config.load(practice_root / "mkdocs.yml")
    plugin = config.plugins["microsite"]
    built = plugin.on_config(config)
    again = plugin.on_config(built)
    assert snapshot(again) == snapshot(built)
    assert built is not config and built.site_url == SITE_URL and config.site_url != SITE_URL


def test_another_config_in_the_same_process_is_read_afresh(practice_root, monkeypatch):
    # MkDocs keeps one plugin for the process (`mkdocs serve` reloading an edited mkdocs.yml, or
    # two sites built in one run): the second build must take its own languages, navigation and
    # permalink title, not the first one's.
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    first = mkdocs_config.load(practice_root / "mkdocs.yml")
    plugin = first.plugins["microsite"]
    plugin.on_config(first)
    text = (practice_root / "mkdocs.yml").read_text("utf-8")
    edited = practice_root / "edited.yml"
    edited.write_text(text.replace("  - Home: index.md\n", "  - Start here: index.md\n", 1)
                      .replace("permalink_title: Link to this section", "permalink_title: Link here", 1)
                      .replace("        - locale: es\n          name: Español\n", "", 1), "utf-8")
    second = mkdocs_config.load(edited)
    assert second.plugins["microsite"] is plugin  # guards the test: the same plugin, as MkDocs keeps it
    built = plugin.on_config(second)
    assert built.nav[0] == {"Start here": "index.md"}
    assert built.mdx_configs["toc"]["permalink_title"] == "Link here"
    assert [language.code for language in plugin.run.languages] == ["en"]


def test_templates_see_escaped_names_and_the_config_keeps_the_users_values(practice_root, monkeypatch):
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    config = mkdocs_config.load(practice_root / "mkdocs.yml")
    config["site_name"] = "Q&A <Coaching>"
    site = mkdocs_config.load_site_for(config, with_files=False)
    view = mkdocs_config.template_config(mkdocs_config.for_build(config, site), site)
    # The practice names itself and not the site: the site's name leads with the practice's.
    assert view.site_name == Markup(f"{PRACTICE['name']}: Q&amp;A &lt;Coaching&gt;") and view["site_name"] == view.site_name
    assert config.site_name == "Q&A <Coaching>"  # the user's value, untouched
    assert view.extra["microsite"]["practice"]["name"] == PRACTICE["name"]
    assert view.extra["homepage"] == PRACTICE["website"] and view.theme.logo == PRACTICE["logo"]
    assert "homepage" not in config.extra and config.theme.get("logo") is None
    assert view.plugins is config.plugins and view.theme.palette == config.theme["palette"]


@pytest.fixture(scope="module")
def english_root(tmp_path_factory):
    """The practice of `practice_root`, in English only (a practice may leave a language out)."""
    root = project_copy(tmp_path_factory.mktemp("adapter-en"))
    practice_config(root, {**PRACTICE, "colors": {"primary": "#5b2a86", "accent": "#1f6f43"}, "languages": ["en"]})
    return root


@pytest.fixture(scope="module")
def plugin_site(english_root):
    """The practice's site, built by `mkdocs build` with our plugin."""
    mkdocs_build(english_root / "mkdocs.yml", english_root / "with-plugin")
    assert not (english_root / "with-plugin" / "es").exists()  # the language the practice left out
    return english_root / "with-plugin"


# What a generator without our plugin still needs for our templates: the catalog and the helpers
# (`template_env.install`), here as a MkDocs hook.
TEMPLATE_HOOK = """from microsite import template_env


def on_env(env, config, files):
    return template_env.install(env, config.theme["language"], lambda src: files.get_file_from_path(src).url or "./",
                                lambda src: files.get_file_from_path(src) is not None)
"""
I18N_BLOCK = re.compile(r"\n  - i18n:\n(?:    .*\n|\s*#.*\n)*")


def without_our_plugin(root: Path) -> Path:
    """Our mkdocs.yml with `microsite` taken out of its plugins (and mkdocs-static-i18n: one
    language a build), and the values our plugin would give the build written into a config that
    INHERITs it, as a generator without plugins is given them (`site.generator_config`)."""
    text = (root / "mkdocs.yml").read_text("utf-8")
    assert text.count("\n  - microsite\n") == 1 and len(I18N_BLOCK.findall(text)) == 1
    text = I18N_BLOCK.sub("\n", text.replace("\n  - microsite\n", "\n"))
    (root / "template_hook.py").write_text(TEMPLATE_HOOK, "utf-8")
    # One language a build: the other languages' pages (`faq.es.md`) are not this build's.
    (root / "no-plugin.yml").write_text(text + "\nhooks:\n  - template_hook.py\nexclude_docs: |\n  *.es.md\n", "utf-8")
    config = mkdocs_config.load(root / "mkdocs.yml")
    site = mkdocs_config.load_site_for(config)
    values = generator_config(site, list(config.extra_css), config.extra)
    path = root / "generated.yml"
    path.write_text(yaml.safe_dump({"INHERIT": "no-plugin.yml", **values}, sort_keys=False), "utf-8")
    assert "microsite" not in mkdocs_config.load(path).plugins
    return path


def test_the_post_build_command_over_a_site_built_without_our_plugin_writes_what_the_plugin_writes(
        english_root, plugin_site, monkeypatch):
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    config = without_our_plugin(english_root)
    plain = english_root / "without-plugin"
    mkdocs_build(config, plain)
    assert not (plain / "_headers").exists() and not (plain / "robots.txt").exists()
    result = subprocess.run([sys.executable, "-m", "microsite.postbuild", str(plain), "--config", str(config)],
                            capture_output=True, text=True, cwd=english_root)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("_headers", "robots.txt"):
        assert (plain / name).read_text("utf-8") == (plugin_site / name).read_text("utf-8"), name
    # Every page carries the plugin's policy in a meta tag, before any script.
    assert meta_policies(plain) == meta_policies(plugin_site)
    assert len(set(meta_policies(plain).values())) == 1 and "script-src 'self' 'sha256-" in meta_policies(plain)["index.html"]
    # Guards the comparison: the files hold the practice's values and the hashed stylesheet's rule.
    headers = (plain / "_headers").read_text("utf-8")
    assert "frame-ancestors https://northside.example" in headers
    assert re.search(r"^/learn/assets/stylesheets/site\.[0-9a-f]{8}\.min\.css\n  Cache-Control: ", headers, re.M)
    assert (plain / "robots.txt").read_text("utf-8").endswith(f"Sitemap: {SITE_URL}sitemap.xml\n")


@pytest.mark.parametrize(("attribute", "expected"), [
    ('id="__drawer"', 'faq/index.html: the id "__drawer" is used 2 times'),
    ('onload="alert(1)"', "faq/index.html: it holds an event handler"),  # as the build stops at it
])
def test_the_post_build_command_stops_at_a_page_that_breaks_a_rule(english_root, plugin_site, tmp_path,
                                                                   attribute, expected):
    site = tmp_path / "site"
    shutil.copytree(plugin_site, site)
    faq = site / "faq" / "index.html"
    faq.write_text(faq.read_text("utf-8").replace("<body", f"<body {attribute}", 1), "utf-8")
    result = subprocess.run([sys.executable, "-m", "microsite.postbuild", str(site), "--config",
                             str(english_root / "mkdocs.yml")], capture_output=True, text=True, cwd=english_root)
    assert result.returncode == 1 and expected in result.stderr, result.stderr


def private_names(path: Path) -> list[str]:
    """`x._name` where `x` is not `self` or `cls`, and `from x import _name`: another object's or
    package's private parts."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if owner not in ("self", "cls") and node.attr not in NAMEDTUPLE_API:
                found.append(f"{path.name}:{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found += [f"{path.name}:{node.lineno}: import {alias.name}" for alias in node.names
                      if alias.name.startswith("_")]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr")
              and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
              and str(node.args[1].value).startswith("_")):
            found.append(f"{path.name}:{node.lineno}: {node.func.id}(…, {node.args[1].value!r})")
    return found


def test_no_code_of_ours_uses_another_packages_private_names():
    sources = sorted((ROOT / "src" / "microsite").rglob("*.py"))
    assert len(sources) > 20
    assert [name for path in sources for name in private_names(path)] == []


def test_the_private_name_check_finds_such_a_call(tmp_path):
    # Guards the test above: the call the site stylesheet once made into the minify plugin.
    (tmp_path / "old.py").write_text("def f(plugin, uri, hashes):\n    return plugin._minified_asset(uri, 'css', hashes[uri])\n")
    assert private_names(tmp_path / "old.py") == ["old.py:2: ._minified_asset"]
