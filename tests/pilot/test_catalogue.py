"""The English catalogue is complete: every Dutch text in the code has a reviewed translation.

Two checks need nothing but Python and always run: each committed .po entry is translated (no
empty or fuzzy entry, every plural form filled), and the committed .mo says the same as its .po
(so nobody forgot to compile). The third needs GNU gettext (xgettext, msgmerge, msgfmt): it runs
`makemessages` on a copy of the code, exactly as `make messages` does, and then nothing may be
new or changed; it also checks the catalogues with `msgfmt --check`. Without the tools it is
skipped with that reason (CI installs gettext, so it runs there).

After adding texts: `make messages`, translate what is empty or fuzzy, `make messages` again.
"""

import ast
import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = [
    "locale/en/LC_MESSAGES/django.po",
    "comite/locale/en/LC_MESSAGES/django.po",
    "werkplekken/locale/en/LC_MESSAGES/django.po",
]
# What makemessages reads: the apps, the project templates and the catalogues themselves.
SOURCES = ["manage.py", "pilot", "convenant", "comite", "werkplekken", "templates", "locale"]
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msgfmt")


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def parse_po(text: str) -> list[dict]:
    """The active entries of a .po file: context, id, plural id, translations and flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            finish()
            entry, field = {"flags": {f.strip() for f in line[2:].split(",")}}, None
            continue
        if line.startswith("#"):
            continue
        keyword, _space, rest = line.partition(" ")
        if line.startswith('"'):
            entry[field] += _unquote(line)
            continue
        if keyword in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
            finish()
            entry = None
        if entry is None:
            entry = {"flags": set()}
        field = keyword
        entry[field] = _unquote(rest)
    finish()
    return entries


def untranslated(entries: list[dict]) -> list[str]:
    problems = []
    for entry in entries:
        if entry["msgid"] == "":
            continue  # the header
        label = repr(entry["msgid"][:70])
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {label}")
        elif "msgid_plural" in entry:
            forms = [v for k, v in entry.items() if k.startswith("msgstr[")]
            if len(forms) < 2 or not all(forms):
                problems.append(f"plural form missing: {label}")
        elif not entry.get("msgstr"):
            problems.append(f"untranslated: {label}")
    return problems


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_entry_of_the_committed_catalogue_is_translated(catalogue):
    entries = parse_po((settings.BASE_DIR / catalogue).read_text(encoding="utf-8"))
    assert len(entries) > 100
    problems = untranslated(entries)
    assert not problems, f"{catalogue}: {len(problems)} to do\n" + "\n".join(problems)


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_the_compiled_catalogue_says_what_the_po_says(catalogue):
    po = settings.BASE_DIR / catalogue
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in parse_po(po.read_text(encoding="utf-8")):
        if not entry["msgid"] or "fuzzy" in entry["flags"]:
            continue
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            got = [
                compiled.npgettext(context, entry["msgid"], entry["msgid_plural"], n)
                if context
                else compiled.ngettext(entry["msgid"], entry["msgid_plural"], n)
                for n in (1, 2)
            ]
            want = [entry["msgstr[0]"], entry["msgstr[1]"]]
        else:
            got = (
                compiled.pgettext(context, entry["msgid"])
                if context
                else compiled.gettext(entry["msgid"])
            )
            want = entry["msgstr"]
        if got != want:
            stale.append(repr(entry["msgid"][:70]))
    assert not stale, f"{catalogue}: compile again (make messages); differs for\n" + "\n".join(
        stale
    )


@pytest.fixture
def gettext_tools():
    missing = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"GNU gettext is not installed ({', '.join(missing)} missing)")


def test_every_text_in_the_code_is_in_the_catalogue_and_translated(tmp_path, gettext_tools):
    base = Path(settings.BASE_DIR)
    for name in SOURCES:
        source = base / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "pilot.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    problems = []
    for catalogue in CATALOGUES:
        fresh = parse_po((tmp_path / catalogue).read_text(encoding="utf-8"))
        problems += [f"{catalogue}: {p}" for p in untranslated(fresh)]
        committed = parse_po((base / catalogue).read_text(encoding="utf-8"))
        gone = {(e.get("msgctxt"), e["msgid"]) for e in committed} - {
            (e.get("msgctxt"), e["msgid"]) for e in fresh
        }
        problems += [f"{catalogue}: no longer in the code: {m[1][:70]!r}" for m in sorted(gone)]
    assert not problems, (
        f"{len(problems)} catalogue entries to do; run `make messages` and translate:\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_the_catalogue_compiles_with_format_checks(catalogue, gettext_tools, tmp_path):
    result = subprocess.run(
        [
            "msgfmt",
            "--check",
            "-o",
            str(tmp_path / "django.mo"),
            str(settings.BASE_DIR / catalogue),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
