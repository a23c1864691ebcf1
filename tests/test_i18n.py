"""Interface words per language: the catalogs (gettext .po, compiled in memory by Babel), plural
forms from the catalog, dates written by Babel, and the check that every catalog has every message."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from harness.sitebuild import ROOT
from microsite import messages
from microsite.data import DataError
from microsite.i18n import catalog_path, translations, words

PO_HEADER = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: {lang}\\n"
"Plural-Forms: {plural}\\n"

'''
POLISH = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"


def write_catalog(locales: Path, lang: str, body: str, plural: str = "nplurals=2; plural=(n != 1);") -> Path:
    path = catalog_path(lang, locales)
    path.parent.mkdir(parents=True)
    path.write_text(PO_HEADER.format(lang=lang, plural=plural) + body, "utf-8")
    return path


def test_dates_are_written_by_babel_in_the_language():
    assert words("en").date("2026-11-27") == "November 27, 2026"
    assert words("es").date(date(2026, 11, 27)) == "27 de noviembre de 2026"


def test_plural_forms_come_from_the_catalog(tmp_path):
    write_catalog(tmp_path, "pl", 'msgid "%(n)s answer"\nmsgid_plural "%(n)s answers"\n'
                  'msgstr[0] "%(n)s odpowiedź"\nmsgstr[1] "%(n)s odpowiedzi"\nmsgstr[2] "%(n)s odpowiedzi!"\n', POLISH)
    polish = words("pl", tmp_path)
    forms = {n: polish.ngettext("%(n)s answer", "%(n)s answers", n) % {"n": n} for n in (1, 3, 5, 22, 25)}
    assert forms == {1: "1 odpowiedź", 3: "3 odpowiedzi", 5: "5 odpowiedzi!", 22: "22 odpowiedzi", 25: "25 odpowiedzi!"}


def test_a_fuzzy_translation_is_never_shown(tmp_path):
    write_catalog(tmp_path, "de", '#, fuzzy\nmsgid "Get help now"\nmsgstr "Hilfe (unsicher)"\n\n'
                  'msgid "Home"\nmsgstr "Startseite"\n')
    german = words("de", tmp_path)
    assert german.gettext("Get help now") == "Get help now" and german.gettext("Home") == "Startseite"


def test_a_language_without_a_catalog_or_a_broken_catalog_is_named(tmp_path):
    with pytest.raises(DataError, match="no interface catalog for the language 'fr'"):
        translations("fr", tmp_path)
    path = write_catalog(tmp_path, "it", 'msgid "Home"\nthis line is not part of a catalog\n')
    with pytest.raises(DataError, match=re.escape(str(path))):
        translations("it", tmp_path)


def test_the_catalogs_are_compiled_in_memory_and_never_kept():
    tracked = subprocess.run(["git", "ls-files", "*.mo"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert tracked == ""
    assert "*.mo" not in (ROOT / "pyproject.toml").read_text("utf-8")
    assert translations("es").gettext("Get help now") == "Obtenga ayuda ahora"


def test_every_catalog_has_every_message():
    assert messages.problems() == []


# --- the check itself, on a small project ----------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    """A project with two messages in code, one in a template, one in the config, and a catalog."""
    (tmp_path / "src" / "microsite").mkdir(parents=True)
    (tmp_path / "src" / "microsite" / "block.py").write_text(
        'def f(words, n):\n    return words.gettext("Open now"), words.ngettext("%(n)s line", "%(n)s lines", n)\n')
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "a.html").write_text('<p>{% trans name=x %}Published by {{ name }}{% endtrans %}</p>\n')
    (tmp_path / "mkdocs.yml").write_text("site_name: Site\nnav:\n  - Home: index.md\n")
    messages.write_template(tmp_path)
    return tmp_path


ALL_SPANISH = ('msgid "%(name)s"\nmsgstr "%(name)s"\n\n'  # replaced below, per case
               'msgid "Open now"\nmsgstr "Abierto ahora"\n\n'
               'msgid "%(n)s line"\nmsgid_plural "%(n)s lines"\nmsgstr[0] "%(n)s línea"\nmsgstr[1] "%(n)s líneas"\n\n'
               'msgid "Published by %(name)s"\nmsgstr "Publicado por %(name)s"\n\n'
               'msgid "Home"\nmsgstr "Inicio"\n\nmsgid "Site"\nmsgstr "Sitio"\n')


def spanish(project, body):
    write_catalog(project / "src" / "microsite" / "locales", "es", body.replace('msgid "%(name)s"\nmsgstr "%(name)s"\n\n', ""))
    return [problem.split(": ", 1)[1] for problem in messages.problems(project)]


def test_a_complete_catalog_has_no_problem(project):
    assert spanish(project, ALL_SPANISH) == []


@pytest.mark.parametrize(("change", "expected"), [
    (('msgid "Open now"\nmsgstr "Abierto ahora"\n\n', ""), "missing 'Open now'"),
    (('msgstr "Inicio"', 'msgstr ""'), "'Home': not translated"),
    (('msgid "Home"', '#, fuzzy\nmsgid "Home"'), "'Home': fuzzy"),
    (('"Publicado por %(name)s"', '"Publicado por %(nombre)s"'), "'Published by %(name)s': placeholders ['nombre']"),
    (('msgstr[1] "%(n)s líneas"\n', ""), "'%(n)s line': not translated"),
    (('msgid "Site"', 'msgid "Old message"\nmsgstr "Viejo"\n\nmsgid "Site"'), "'Old message' is no longer used"),
])
def test_the_check_finds_what_a_catalog_lacks(project, change, expected):
    old, new = change
    assert old in ALL_SPANISH
    found = spanish(project, ALL_SPANISH.replace(old, new))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_check_finds_a_template_older_than_the_code(project):
    assert spanish(project, ALL_SPANISH) == []
    (project / "overrides" / "b.html").write_text("<p>{% trans %}A new message{% endtrans %}</p>\n")
    found = messages.problems(project)
    assert any("messages.pot: out of date" in problem for problem in found), found
    assert any("missing 'A new message'" in problem for problem in found), found


def test_update_adds_a_new_message_to_each_catalog_for_a_translator(project):
    spanish(project, ALL_SPANISH)
    (project / "overrides" / "b.html").write_text("<p>{% trans %}A new message{% endtrans %}</p>\n")
    messages.update(project)
    found = messages.problems(project)
    assert found == [f"{Path('src/microsite/locales/es/LC_MESSAGES/messages.po')} (es): 'A new message': not translated"]
