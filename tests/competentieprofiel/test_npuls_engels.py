"""The Npuls profile in English: every text translated, marked as unofficial, in the same
tone as the Dutch."""

import re

from competentieprofiel.laden import lees_profiel
from tests.conftest import NPULS
from tests.taalcontrole import profielteksten

# Words that are the same in both languages.
GELIJK = {"Attitude", "Expert", "coach", "innovator", "Npuls"}
# The words TOON.md keeps out of the scan, in English.
OORDEEL = re.compile(
    r"\b(score|scores|points|percentage|insufficient|sufficient|weak|poor|fail|failing|"
    r"deficit|shortfall|shortcoming|backlog|benchmark|ranking|grade|grading|you must)\b",
    re.I,
)


def test_the_translation_loads_without_a_single_missing_text():
    bestand = lees_profiel(NPULS)
    assert bestand.vertalingen == ["en"]
    assert bestand.waarschuwingen == []


def test_every_text_of_the_npuls_profile_has_an_english_translation(npuls):
    nederlands = profielteksten(npuls)
    engels = profielteksten(npuls, "en")
    assert engels.keys() == nederlands.keys()
    assert len([k for k in nederlands if k[0] == "items" and k[2] == "tekst"]) == 127
    assert len([k for k in nederlands if k[2].startswith("suggesties ")]) == 18
    onvertaald = []
    for plaats, teksten in nederlands.items():
        assert len(engels[plaats]) == len(teksten), plaats
        for nl, en in zip(teksten, engels[plaats], strict=True):
            if nl == en and nl not in GELIJK:
                onvertaald.append((plaats, nl))
    assert onvertaald == []
    # Every text is stored as English, not merely as a copy that says so.
    rijen = [npuls, *npuls.groepen.all(), *npuls.items.all(), *npuls.schaalopties.all()]
    assert all(r.vertalingen.get("en") for r in rijen)


def test_it_says_it_is_an_unofficial_translation_of_the_npuls_publication(npuls):
    vertaling = npuls.vertaling("en")
    assert vertaling["officieel"] is False
    assert "unofficial English translation of the Npuls" in vertaling["toelichting"]
    assert "unofficial" in npuls.in_taal("bron", "en").lower()
    assert npuls.vertaling("de") is None
    tekst = NPULS.with_name("npuls.en.yaml").read_text("utf-8")
    assert tekst.startswith("# Unofficial English translation of the Npuls profile")
    assert "\nofficieel: false\n" in tekst


def test_the_english_speaks_without_judgement(npuls):
    gevonden = [
        (plaats, tekst)
        for plaats, teksten in profielteksten(npuls, "en").items()
        for tekst in teksten
        if OORDEEL.search(tekst)
    ]
    assert gevonden == []
    toelichting = npuls.in_taal("niveaus_toelichting", "en")
    assert "not a norm and not an assessment" in toelichting
    assert "Development is not linear" in toelichting


def test_the_scale_and_the_role_names_stay_recognisable(npuls):
    assert [o.in_taal("label", "en") for o in npuls.schaalopties.all()] == [
        "I am still discovering this",
        "I am working on this",
        "I recognise this in my work",
        "This is a natural part of my work",
        "Not applicable in my role",
    ]
    for groep in npuls.groepen.exclude(rolnaam=""):
        engels = groep.in_taal("rolnaam", "en")
        # A translated role name keeps the Dutch one beside it, as people know it.
        assert engels == groep.rolnaam or engels.endswith(f"({groep.rolnaam})"), engels
