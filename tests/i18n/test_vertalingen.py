"""Every interface text is translated: the checked-in catalogues hold exactly the strings the
code and templates mark today, English has a real translation for each, and nothing is fuzzy.

A new {% translate %} or gettext() string fails here until someone runs `make berichten`
(makemessages for both languages) and translates it in locale/en/LC_MESSAGES/django.po.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .catalogus import ROOT, TALEN, lees_po, po_pad

MAKEMESSAGES = [
    "manage.py",
    "makemessages",
    "-l",
    "nl",
    "-l",
    "en",
    "--no-obsolete",
    "-i",
    ".venv/*",
    "-i",
    "var/*",
    "-i",
    "tests/*",
]
NIET_KOPIEREN = shutil.ignore_patterns(
    ".venv", "var", "tests", ".git", "__pycache__", ".*_cache", "*.egg-info", "*.mo", "build"
)


@pytest.fixture(scope="module")
def vers_gemaakt(tmp_path_factory) -> dict[str, list]:
    """Run makemessages on a copy of the project and read what it would write."""
    kopie = tmp_path_factory.mktemp("makemessages") / "project"
    shutil.copytree(ROOT, kopie, ignore=NIET_KOPIEREN)
    omgeving = {**os.environ, "ZELFSCAN_VAR_DIR": str(kopie / "var")}
    subprocess.run(
        [sys.executable, *MAKEMESSAGES],
        cwd=kopie,
        env=omgeving,
        check=True,
        capture_output=True,
    )
    return {taal: lees_po(po_pad(taal, kopie / "locale")) for taal in TALEN}


def _beschrijf(sleutels) -> str:
    return "\n".join(f"  - {msgid!r}" for _ctx, msgid, _meervoud in sorted(sleutels, key=str))


@pytest.mark.parametrize("taal", TALEN)
def test_the_catalogue_holds_exactly_the_strings_in_the_code(taal, vers_gemaakt):
    ingecheckt = {v.sleutel for v in lees_po(po_pad(taal))}
    nu = {v.sleutel for v in vers_gemaakt[taal]}
    nieuw, verouderd = nu - ingecheckt, ingecheckt - nu
    assert not nieuw, (
        f"Nieuwe teksten staan nog niet in locale/{taal}: draai makemessages (zie de "
        f"docstring van deze test) en vertaal ze.\n{_beschrijf(nieuw)}"
    )
    assert not verouderd, (
        f"locale/{taal} heeft teksten die de code niet meer gebruikt: draai makemessages "
        f"met --no-obsolete.\n{_beschrijf(verouderd)}"
    )


def test_every_english_string_is_translated_and_none_is_fuzzy():
    vermeldingen = lees_po(po_pad("en"))
    leeg = [v.msgid for v in vermeldingen if not v.vertaald]
    vaag = [v.msgid for v in vermeldingen if "fuzzy" in v.vlaggen]
    assert not leeg, "Zonder Engelse vertaling:\n" + "\n".join(f"  - {m!r}" for m in leeg)
    assert not vaag, "Fuzzy (nakijken en de vlag weghalen):\n" + "\n".join(
        f"  - {m!r}" for m in vaag
    )


def test_english_plurals_have_both_forms():
    for v in lees_po(po_pad("en")):
        if v.msgid_plural is not None:
            assert set(v.msgstr) == {0, 1}, v.msgid


def test_no_dutch_entry_is_fuzzy():
    """Dutch is the source language: its msgstr stay empty (the msgid is the text), but a
    fuzzy flag means makemessages matched a changed string to an old one."""
    vaag = [v.msgid for v in lees_po(po_pad("nl")) if "fuzzy" in v.vlaggen]
    assert not vaag, vaag


@pytest.mark.parametrize("taal", TALEN)
def test_placeholders_and_format_survive_translation(taal):
    """msgfmt --check compares python-format placeholders such as %(datum)s between the
    Dutch source and its translation, and checks the header and plural forms."""
    resultaat = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(po_pad(taal))],
        capture_output=True,
        text=True,
    )
    assert resultaat.returncode == 0, resultaat.stderr
