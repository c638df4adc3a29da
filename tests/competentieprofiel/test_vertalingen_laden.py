"""Translations in companion files: npuls.en.yaml loads with npuls.yaml, is validated like
the profile itself, and is part of the version's content."""

import shutil

import pytest
from django.core.management import call_command
from django.utils import translation

from competentieprofiel.laden import ProfielFout, lees_profiel, schrijf_profiel
from competentieprofiel.models import Groep, Item, Profiel, ProfielVersie, Schaaloptie
from tests.conftest import HAN, NPULS

NPULS_EN = NPULS.with_name("npuls.en.yaml")


def _rijen():
    return (Profiel.objects.count(), ProfielVersie.objects.count(), Item.objects.count())


def _kopie(tmp_path, *vervangingen, bron=None):
    """npuls.yaml and npuls.en.yaml in tmp_path, with (old, new) replaced in the translation."""
    shutil.copy(NPULS, tmp_path / "npuls.yaml")
    if bron is not None:
        (tmp_path / "npuls.yaml").write_text(bron, "utf-8")
    tekst = NPULS_EN.read_text("utf-8")
    for oud, nieuw in vervangingen:
        assert oud in tekst, oud
        tekst = tekst.replace(oud, nieuw, 1)
    (tmp_path / "npuls.en.yaml").write_text(tekst, "utf-8")
    return tmp_path / "npuls.yaml"


def _regel_van(pad, stuk: str) -> int:
    return next(i for i, r in enumerate(pad.read_text("utf-8").splitlines(), 1) if stuk in r)


def _weiger(pad) -> list[str]:
    with pytest.raises(ProfielFout) as fout:
        lees_profiel(pad)
    return fout.value.problemen


# --- loading --------------------------------------------------------------------------


def test_the_profile_loads_with_the_english_translation_beside_it(db):
    call_command("laad_profiel", str(NPULS))
    versie = ProfielVersie.objects.get(profiel__sleutel="npuls-docentondersteuning")
    assert versie.taal == "nl"
    assert versie.talen["en"]["officieel"] is False
    assert "unofficial" in versie.talen["en"]["toelichting"]
    coach = Groep.objects.get(versie=versie, sleutel="coach")
    assert coach.titel == "Begeleiden professionele ontwikkeling"
    assert coach.in_taal("titel", "en") == "Supporting professional development"
    item = Item.objects.get(versie=versie, sleutel="coach.kennis.02")
    assert (
        item.in_taal("tekst", "en")
        == "Has knowledge of coaching methods and conversation techniques."
    )
    nvt = Schaaloptie.objects.get(versie=versie, sleutel="nvt")
    assert nvt.in_taal("label", "en") == "Not applicable in my role"
    assert versie.in_taal("schaal_vraag", "en") == "How do you recognise this in your work?"


def test_a_translation_on_the_command_line_loads_with_its_source_not_as_a_profile(db, capsys):
    call_command("laad_profiel", str(NPULS_EN), str(HAN), str(NPULS))
    assert set(Profiel.objects.values_list("sleutel", flat=True)) == {
        "npuls-docentondersteuning",
        "han-ixperium-ict-onderwijsondersteuners",
    }
    assert ProfielVersie.objects.count() == 2
    uit = capsys.readouterr().out
    assert uit.count("npuls.yaml: profiel 'npuls-docentondersteuning' geladen als versie 1") == 1
    assert "vertaald in: en" in uit
    assert "npuls.en.yaml:" not in uit


def test_loading_the_profile_and_its_translation_twice_changes_nothing(db, capsys):
    call_command("laad_profiel", str(NPULS))
    voor = _rijen()
    vertalingen = list(Item.objects.order_by("pk").values_list("vertalingen", flat=True))
    call_command("laad_profiel", str(NPULS), str(NPULS_EN))
    assert _rijen() == voor
    assert list(Item.objects.order_by("pk").values_list("vertalingen", flat=True)) == vertalingen
    assert "ongewijzigd" in capsys.readouterr().out


def test_changing_only_a_translation_makes_a_new_version_that_keeps_the_old_wording(db, tmp_path):
    pad = _kopie(tmp_path)
    schrijf_profiel(lees_profiel(pad).schoon)
    _kopie(
        tmp_path,
        (
            "coach.kennis.02: Has knowledge of coaching methods",
            "coach.kennis.02: Knows coaching methods",
        ),
    )
    resultaat = schrijf_profiel(lees_profiel(pad).schoon)
    assert resultaat.nieuw and resultaat.versie == 2
    oud, nieuw = (Item.objects.get(sleutel="coach.kennis.02", versie__nummer=n) for n in (1, 2))
    assert oud.tekst == nieuw.tekst  # the Dutch did not change
    assert oud.in_taal("tekst", "en").startswith("Has knowledge of coaching methods")
    assert nieuw.in_taal("tekst", "en").startswith("Knows coaching methods")


def test_removing_a_translation_file_is_a_change_too(db, tmp_path):
    pad = _kopie(tmp_path)
    schrijf_profiel(lees_profiel(pad).schoon)
    (tmp_path / "npuls.en.yaml").unlink()
    resultaat = schrijf_profiel(lees_profiel(pad).schoon)
    assert resultaat.versie == 2
    versie = ProfielVersie.objects.get(nummer=2)
    assert versie.talen == {}
    assert versie.in_taal("titel", "en").taal == "nl"


def test_the_check_names_the_languages_and_writes_nothing(db, capsys):
    call_command("laad_profiel", str(NPULS), "--check")
    assert _rijen() == (0, 0, 0)
    assert "npuls.yaml: in orde; vertaald in: en" in capsys.readouterr().out


# --- broken translations: refused with file and line ----------------------------------


@pytest.mark.parametrize(
    ("vervanging", "stuk", "melding"),
    [
        (("taal: en", "taal: fr"), "taal: fr", "taal: taal 'fr' ken ik niet (bekend zijn: nl, en)"),
        (
            ("vertaling_van: npuls-docentondersteuning", "vertaling_van: ander-profiel"),
            "vertaling_van:",
            "dit bestand vertaalt profiel 'ander-profiel', maar npuls.yaml is profiel 'npuls-docentondersteuning'",
        ),
        (
            ("      coach.kennis.02:", "      coach.kennis.99:"),
            "coach.kennis.99",
            "groepen 'coach' > items: item 'coach.kennis.99' bestaat niet in npuls.yaml",
        ),
        (
            ("      coach.kennis.02:", "      adviseur.kennis.01: Dubbel.\n      coach.kennis.02:"),
            "adviseur.kennis.01: Dubbel",
            "groepen 'coach': item 'adviseur.kennis.01' hoort in npuls.yaml bij groep 'adviseur'",
        ),
        (
            ("  coach:\n", "  coaching:\n"),
            "coaching:",
            "groepen: groep 'coaching' bestaat niet in npuls.yaml",
        ),
        (
            ("  vaardigheden: Skills", "  vaardigheid: Skills"),
            "vaardigheid: Skills",
            "categorieen: categorie 'vaardigheid' bestaat niet in npuls.yaml",
        ),
        (
            ("    nvt: Not applicable", "    nvt2: Not applicable"),
            "nvt2:",
            "schaal > opties: schaaloptie 'nvt2' bestaat niet in npuls.yaml",
        ),
        (
            ("    gevorderd:\n", "    gevorderde:\n"),
            "gevorderde:",
            "niveaus > opties: label 'gevorderde' bestaat niet in npuls.yaml",
        ),
        (
            (
                "    titel: Core competences\n",
                "    titel: Core competences\n    rolnaam: foundation\n",
            ),
            "rolnaam: foundation",
            "groepen 'basis': 'rolnaam' staat niet in npuls.yaml; er is niets om te vertalen",
        ),
        (
            ("    titel: Core competences\n", "    titel: Core competences\n    kleur: blauw\n"),
            "kleur: blauw",
            "groepen 'basis': onbekend veld 'kleur'",
        ),
        (
            ("      coach.kennis.suggestie.3:", "      coach.kennis.suggestie.9:"),
            "coach.kennis.suggestie.9",
            "groepen 'coach' > suggesties_per_sleutel: suggestie 'coach.kennis.suggestie.9' bestaat niet in deze groep van npuls.yaml",
        ),
        (
            (
                "      coach.kennis.suggestie.3:",
                "      adviseur.kennis.suggestie.3: Elders.\n      coach.kennis.suggestie.3:",
            ),
            "adviseur.kennis.suggestie.3: Elders",
            "suggestie 'adviseur.kennis.suggestie.3' bestaat niet in deze groep van npuls.yaml; die hoort bij groep 'adviseur'",
        ),
        (
            (
                '      coach.attitude.suggestie.3: "',
                '      coach.attitude.suggestie.3: "' + "Very long, " * 30,
            ),
            "coach.attitude.suggestie.3:",
            "deze suggestie is 4",
        ),
        (
            ("officieel: false", "officieel: misschien"),
            "officieel:",
            "officieel: hier hoort true of false, niet 'misschien'",
        ),
        (
            ("    titel: Core competences", "    titel: [Core, competences]"),
            "titel: [Core",
            "groepen 'basis' > titel: hier hoort een tekst, niet een lijst",
        ),
    ],
)
def test_a_broken_translation_is_refused_with_file_and_line(tmp_path, vervanging, stuk, melding):
    pad = _kopie(tmp_path, vervanging)
    vertaling = tmp_path / "npuls.en.yaml"
    problemen = _weiger(pad)
    assert len(problemen) == 1, problemen
    waar, _, bericht = problemen[0].partition(": ")
    assert waar == f"{vertaling}, regel {_regel_van(vertaling, stuk)}"
    assert melding in bericht


def test_a_yaml_syntax_error_in_a_translation_names_its_file_and_line(tmp_path):
    pad = _kopie(tmp_path, ("  kennis: Knowledge", "  kennis: [Knowledge"))
    vertaling = tmp_path / "npuls.en.yaml"
    [probleem] = _weiger(pad)
    regel = _regel_van(vertaling, "kennis: [Knowledge")
    # PyYAML notices the unclosed list where the next line starts.
    assert probleem.startswith(
        (f"{vertaling}, regel {regel}: ", f"{vertaling}, regel {regel + 1}: ")
    )
    assert "YAML-syntaxfout" in probleem


def test_the_language_in_the_file_name_and_in_the_file_must_agree(tmp_path):
    pad = _kopie(tmp_path)
    (tmp_path / "npuls.en.yaml").rename(tmp_path / "npuls.nl.yaml")
    problemen = _weiger(pad)
    assert problemen == [
        f"{tmp_path / 'npuls.nl.yaml'}, regel {_regel_van(tmp_path / 'npuls.nl.yaml', 'taal: en')}: "
        "taal: de bestandsnaam zegt taal 'nl', het bestand zegt 'en'"
    ]


def test_a_translation_into_the_source_language_is_refused(tmp_path):
    pad = _kopie(tmp_path, ("taal: en", "taal: nl"))
    (tmp_path / "npuls.en.yaml").rename(tmp_path / "npuls.nl.yaml")
    assert any("npuls.yaml is zelf al in taal 'nl'" in p for p in _weiger(pad))


def test_an_unknown_source_language_is_refused(tmp_path):
    pad = _kopie(tmp_path, bron=NPULS.read_text("utf-8").replace("taal: nl", "taal: xx", 1))
    assert _weiger(pad) == [
        f"{pad}, regel {_regel_van(pad, 'taal: xx')}: taal: taal 'xx' ken ik niet (bekend zijn: nl, en)"
    ]


def test_a_translation_without_its_source_is_refused_plainly(tmp_path):
    alleen = tmp_path / "npuls.en.yaml"
    shutil.copy(NPULS_EN, alleen)
    problemen = _weiger(alleen)
    assert len(problemen) == 1
    assert problemen[0].startswith(f"{alleen}: dit is een vertaling, geen profiel")


def test_the_command_refuses_a_broken_translation_and_leaves_the_database(db, tmp_path, capsys):
    call_command("laad_profiel", str(NPULS))
    voor = _rijen()
    pad = _kopie(tmp_path, ("taal: en", "taal: fr"))
    with pytest.raises(SystemExit) as exit_:
        call_command("laad_profiel", str(pad))
    assert exit_.value.code == 1
    fout = capsys.readouterr().err
    assert f"{pad}: niet geladen, 1 probleem gevonden:" in fout
    assert "npuls.en.yaml, regel" in fout and "Traceback" not in fout
    assert _rijen() == voor


# --- missing translations: a warning, and the text stays in the source language --------


def test_a_missing_translation_is_a_warning_with_file_and_line_and_the_profile_loads(
    db, tmp_path, capsys
):
    pad = _kopie(
        tmp_path,
        (
            "      coach.kennis.02: Has knowledge of coaching methods and conversation techniques.\n",
            "",
        ),
        ("    rolnaam: adviser (adviseur)\n", ""),
        ("    bezig: I am working on this\n", ""),
    )
    vertaling = tmp_path / "npuls.en.yaml"
    bestand = lees_profiel(pad)
    regels = vertaling.read_text("utf-8").splitlines()
    coach = _regel_van(vertaling, "  coach:")
    items_coach = next(i for i in range(coach, len(regels)) if regels[i] == "    items:") + 1
    assert (
        f"{vertaling}, regel {items_coach}: groepen 'coach': geen vertaling voor item 'coach.kennis.02'"
        in bestand.waarschuwingen
    )
    assert (
        f"{vertaling}, regel {_regel_van(vertaling, '  adviseur:')}: groepen 'adviseur': geen vertaling voor 'rolnaam'"
        in bestand.waarschuwingen
    )
    assert (
        f"{vertaling}, regel {_regel_van(vertaling, '  opties:')}: schaal > opties: geen vertaling voor schaaloptie 'bezig'"
        in bestand.waarschuwingen
    )
    assert len(bestand.waarschuwingen) == 3

    call_command("laad_profiel", str(pad))
    err = capsys.readouterr().err
    assert "let op, deze teksten zijn nog niet vertaald" in err
    assert "coach.kennis.02" in err
    item = Item.objects.get(sleutel="coach.kennis.02")
    assert (item.in_taal("tekst", "en"), item.in_taal("tekst", "en").taal) == (item.tekst, "nl")
    # Without its role name, the adviser's heading stays Dutch as a whole: never half.
    adviseur = Groep.objects.get(sleutel="adviseur")
    with translation.override("en"):
        kop = adviseur.kop
    assert (kop["titel"], kop["rolnaam"]) == ("Strategisch en praktisch adviseren", "adviseur")
    assert {kop["titel"].taal, kop["rolnaam"].taal} == {"nl"}


def test_a_list_of_another_length_is_a_warning_and_stays_in_the_source_language(db, tmp_path):
    pad = _kopie(
        tmp_path,
        ("      - Which questions do you like to ask to get a teacher thinking?\n", ""),
    )
    vertaling = tmp_path / "npuls.en.yaml"
    bestand = lees_profiel(pad)
    [waarschuwing] = bestand.waarschuwingen
    coach = _regel_van(vertaling, "  coach:")
    regels = vertaling.read_text("utf-8").splitlines()
    vragen = next(i for i in range(coach, len(regels)) if regels[i] == "    gespreksvragen:") + 1
    assert waarschuwing.startswith(f"{vertaling}, regel {vragen}: ")
    assert (
        "groepen 'coach': 'gespreksvragen' heeft 3 vertalingen voor 4 teksten in npuls.yaml"
        in waarschuwing
    )
    schrijf_profiel(bestand.schoon)
    coach = Groep.objects.get(sleutel="coach")
    assert {v.taal for v in coach.in_taal("gespreksvragen", "en")} == {"nl"}
    assert {s.taal for s in coach.in_taal("suggesties", "en")} == {"en"}


def test_next_steps_per_category_and_statement_are_translated_by_their_key(db, tmp_path):
    pad = _kopie(
        tmp_path, ("      coach.kennis.suggestie.2: ", "      # coach.kennis.suggestie.2: ")
    )
    bestand = lees_profiel(pad)
    [waarschuwing] = bestand.waarschuwingen
    assert (
        "groepen 'coach': geen vertaling voor suggestie 'coach.kennis.suggestie.2'" in waarschuwing
    )
    schrijf_profiel(bestand.schoon)
    coach = Groep.objects.get(sleutel="coach")
    engels = coach.suggesties_bij("kennis", "en")
    assert [(s["sleutel"], s["tekst"].taal) for s in engels] == [
        ("coach.kennis.suggestie.1", "en"),
        ("coach.kennis.suggestie.2", "nl"),
        ("coach.kennis.suggestie.3", "en"),
    ]
    assert engels[0]["tekst"].startswith("Ask an experienced coach")
    assert coach.suggesties_bij("kennis", "nl")[0]["tekst"].startswith("Vraag een ervaren coach")
    item = Item.objects.get(sleutel="coach.vaardigheden.06")
    [stap] = item.suggesties_in_taal("en")
    assert (stap["sleutel"], stap["tekst"].taal) == ("coach.vaardigheden.06.suggestie.1", "en")
    assert "coaching, advising or instructing" in stap["tekst"]


def test_a_profile_without_translation_gives_no_warnings(db):
    bestand = lees_profiel(HAN)
    assert bestand.waarschuwingen == [] and bestand.vertalingen == []
    assert "vertalingen" not in bestand.schoon
