"""Templates compiled once per process (`template_env.compiled_templates`): a second environment set
up the same way reads them compiled, even for another site that shares the theme's folder; an
edited template is compiled again, and a template compiled differently (escaped in one environment
and not in another, or with other syntax settings) is kept apart."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from microsite import template_env
from microsite.i18n import words


def environment(folder, lang="en", compiles=None, escapes=True, **settings):
    folders = folder if isinstance(folder, list) else [folder]
    env = Environment(loader=FileSystemLoader([str(f) for f in folders]), autoescape=lambda name: escapes, **settings)
    template_env.install(env, lang, lambda src: src, lambda src: True)
    if compiles is not None:  # count what this environment compiles itself
        compile_source = env._compile
        env._compile = lambda *args: (compiles.append(args[1]), compile_source(*args))[1]
    return env


def test_a_second_environment_reads_the_templates_compiled_and_renders_its_own_language(tmp_path):
    (tmp_path / "page.html").write_text("{{ _('Get help now') }}: {{ name }}", "utf-8")
    first, second = [], []
    spanish = words("es").gettext("Get help now")
    assert spanish != "Get help now"
    assert environment(tmp_path, "en", first).get_template("page.html").render(name="<b>") == "Get help now: &lt;b&gt;"
    assert environment(tmp_path, "es", second).get_template("page.html").render(name="<b>") == f"{spanish}: &lt;b&gt;"
    assert first == [str(tmp_path / "page.html")] and second == []


def test_an_edited_template_is_compiled_again(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("one {{ n }}", "utf-8")
    assert environment(tmp_path).get_template("page.html").render(n=1) == "one 1"
    page.write_text("two {{ n }}", "utf-8")
    compiled = []
    assert environment(tmp_path, compiles=compiled).get_template("page.html").render(n=2) == "two 2"
    assert compiled == [str(page)]


def test_two_sites_that_share_the_theme_read_its_templates_compiled_once(tmp_path):
    for name in ("theme", "a", "b"):
        (tmp_path / name).mkdir()
    (tmp_path / "theme" / "base.html").write_text("{{ x }}", "utf-8")
    first, second = [], []
    assert environment([tmp_path / "a", tmp_path / "theme"], compiles=first).get_template("base.html").render(x=1) == "1"
    assert environment([tmp_path / "b", tmp_path / "theme"], compiles=second).get_template("base.html").render(x=2) == "2"
    assert first == [str(tmp_path / "theme" / "base.html")] and second == []


def test_a_template_escaped_in_one_environment_and_not_in_another_is_compiled_for_each(tmp_path):
    (tmp_path / "page.html").write_text("{{ x }}", "utf-8")
    assert environment(tmp_path, escapes=True).get_template("page.html").render(x="<b>") == "&lt;b&gt;"
    compiled = []
    assert environment(tmp_path, compiles=compiled, escapes=False).get_template("page.html").render(x="<b>") == "<b>"
    assert compiled == [str(tmp_path / "page.html")]
    assert environment(tmp_path, escapes=True).get_template("page.html").render(x="<b>") == "&lt;b&gt;"


def test_environments_with_other_syntax_settings_keep_their_own(tmp_path):
    (tmp_path / "page.html").write_text("{% if x %}\nyes{% endif %}", "utf-8")
    assert environment(tmp_path).get_template("page.html").render(x=1) == "\nyes"
    assert environment(tmp_path, trim_blocks=True).get_template("page.html").render(x=1) == "yes"
    assert environment(tmp_path, trim_blocks=True).bytecode_cache is not environment(tmp_path).bytecode_cache


def test_a_template_made_from_a_string_is_compiled_once_and_renders_in_each_environment(tmp_path):
    source = "{{ _('Get help now') }} {{ x }}"
    first, second = [], []
    english = template_env.from_string(environment(tmp_path, "en", first), source)
    spanish = template_env.from_string(environment(tmp_path, "es", second), source)
    assert english.render(x="<b>") == "Get help now &lt;b&gt;"
    assert spanish.render(x="<b>") == f"{words('es').gettext('Get help now')} &lt;b&gt;"
    assert first == ["<template>"] and second == []
    plain = []
    assert template_env.from_string(environment(tmp_path, compiles=plain, escapes=False), source).render(x="<b>") \
        == "Get help now <b>"
    assert plain == ["<template>"]
