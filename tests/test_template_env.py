"""Templates compiled once per process (`template_env.compiled_templates`): a second environment set
up the same way reads them compiled, an edited template is compiled again, and an environment that
compiles differently (other folders, so other autoescaping) keeps its own."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from microsite import template_env
from microsite.i18n import words


def environment(folder, lang="en", compiles=None):
    env = Environment(loader=FileSystemLoader([str(folder)]), autoescape=lambda name: True)
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


def test_environments_that_compile_differently_keep_their_own(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.html").write_text("{{ x }}", "utf-8")
    a, b = environment(tmp_path / "a"), environment(tmp_path / "b")
    assert a.bytecode_cache is not b.bytecode_cache
    assert environment(tmp_path / "a").bytecode_cache is a.bytecode_cache
