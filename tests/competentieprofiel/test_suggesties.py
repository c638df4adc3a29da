"""Next steps in the profile format: per category of a group and per item, each with a
stable key, validated like every other field; and the exploring answers they follow."""

import pytest

from competentieprofiel.laden import ProfielFout, lees_profielbestand, schrijf_profiel
from competentieprofiel.models import Groep, Item, ProfielVersie
from tests.conftest import HAN, NPULS, ROOT

VOORBEELD = ROOT / "profiel_data" / "voorbeelden" / "verbinder.yaml"
PROFIELEN = [NPULS, HAN, VOORBEELD]


def _laad(pad) -> ProfielVersie:
    r = schrijf_profiel(lees_profielbestand(pad))
    return ProfielVersie.objects.get(profiel__sleutel=r.profiel, nummer=r.versie)


def test_category_and_item_suggestions_are_stored_with_stable_keys(db):
    versie = _laad(NPULS)
    coach = Groep.objects.get(versie=versie, sleutel="coach")
    vaardigheden = coach.suggesties_bij("vaardigheden")
    assert [s["sleutel"] for s in vaardigheden] == [
        "coach.vaardigheden.suggestie.1",
        "coach.vaardigheden.suggestie.2",
        "coach.vaardigheden.suggestie.3",
    ]
    assert vaardigheden[1]["tekst"].startswith("Probeer in je volgende gesprek de vraag")
    assert coach.suggesties_bij("bestaat-niet") == []
    item = Item.objects.get(versie=versie, sleutel="coach.vaardigheden.06")
    assert item.suggesties == [
        {"sleutel": "coach.vaardigheden.06.suggestie.1", "tekst": item.suggesties[0]["tekst"]}
    ]
    assert "coachen, adviseren of instrueren" in item.suggesties[0]["tekst"]
    assert Item.objects.get(versie=versie, sleutel="coach.vaardigheden.01").suggesties == []


def test_the_exploring_answers_are_marked_in_the_profile(db):
    versie = _laad(NPULS)
    assert [o.sleutel for o in versie.schaalopties.filter(verkennend=True)] == [
        "ontdekken",
        "bezig",
    ]


@pytest.mark.parametrize("pad", PROFIELEN, ids=lambda p: p.stem)
def test_every_category_of_every_group_has_its_own_suggestions(pad):
    schoon = lees_profielbestand(pad)
    assert any(o.get("verkennend") for o in schoon["schaal"]["opties"])
    for groep in schoon["groepen"]:
        for onderdeel in groep["onderdelen"]:
            plaats = f"{groep['sleutel']}.{onderdeel['categorie']}"
            assert 2 <= len(onderdeel.get("suggesties", [])) <= 4, plaats


@pytest.mark.parametrize("pad", PROFIELEN, ids=lambda p: p.stem)
def test_every_suggestion_key_is_unique_in_its_profile(db, pad):
    versie = _laad(pad)
    sleutels = [
        s["sleutel"]
        for g in versie.groepen.all()
        for lijst in g.categorie_suggesties.values()
        for s in lijst
    ] + [s["sleutel"] for i in versie.items.all() for s in i.suggesties]
    assert len(sleutels) == len(set(sleutels)) > 0


# --- broken suggestions --------------------------------------------------------------------


def _weiger(tmp_path, inhoud: str) -> list[str]:
    pad = tmp_path / "kapot.yaml"
    pad.write_text(inhoud, "utf-8")
    with pytest.raises(ProfielFout) as fout:
        lees_profielbestand(pad)
    return fout.value.problemen


def _regel(tekst: str, stuk: str) -> int:
    return next(i for i, r in enumerate(tekst.splitlines(), start=1) if stuk in r)


def test_a_long_suggestion_is_refused_with_its_line(tmp_path):
    lang = "Probeer " + "iets heel uitgebreids " * 20
    tekst = NPULS.read_text("utf-8").replace(
        "          - Vraag een docent die je begeleidt wat hem of haar",
        f"          - {lang}\n          - Vraag een docent die je begeleidt wat hem of haar",
        1,
    )
    problemen = _weiger(tmp_path, tekst)
    assert problemen == [
        f"{tmp_path / 'kapot.yaml'}, regel {_regel(tekst, lang.strip())}: groep 'coach' > "
        f"onderdeel 'attitude' > suggesties: deze suggestie is {len(lang.strip())} tekens; "
        "houd hem kort (hooguit 300)"
    ]


def test_a_suggestion_given_twice_in_one_place_is_refused(tmp_path):
    tekst = NPULS.read_text("utf-8")
    regels = tekst.splitlines()
    i = _regel(tekst, "sleutel: coach.vaardigheden.06") - 1
    while "suggesties:" not in regels[i]:
        i += 1
    regels.insert(i + 2, regels[i + 1])  # the item's one suggestion, twice
    problemen = _weiger(tmp_path, "\n".join(regels))
    assert problemen == [
        f"{tmp_path / 'kapot.yaml'}, regel {i + 3}: groep 'coach' > item "
        "'coach.vaardigheden.06' > suggesties: deze suggestie staat hier al"
    ]


def test_suggestions_that_are_not_a_list_or_not_text_are_refused(tmp_path):
    problemen = _weiger(
        tmp_path,
        """\
formaat: 1
sleutel: klein
titel: Een klein profiel
uitgever: Wij
bron: Zelf geschreven
categorieen:
  - sleutel: kennis
    titel: Kennis
schaal:
  vraag: Hoe herken je dit?
  opties:
    - sleutel: ja
      label: Ja
    - sleutel: nog-niet
      label: Nog niet
      verkennend: misschien
groepen:
  - sleutel: basis
    soort: basis
    titel: Basis
    korte_beschrijving: Kort.
    onderdelen:
      - categorie: kennis
        suggesties: Eén losse zin
        items:
          - sleutel: basis.1
            tekst: Een uitspraak.
            suggesties:
              - [a, b]
""",
    )
    assert problemen == [
        f"{tmp_path / 'kapot.yaml'}, regel 16: schaal > opties 'nog-niet' > verkennend: hier "
        "hoort true of false, niet 'misschien'",
        f"{tmp_path / 'kapot.yaml'}, regel 24: groepen 'basis' > onderdelen 'kennis' > "
        "suggesties: hier hoort een lijst (regels die beginnen met '- ')",
        f"{tmp_path / 'kapot.yaml'}, regel 29: groepen 'basis' > onderdelen 'kennis' > items "
        "'basis.1' > suggesties nr. 1: hier hoort een tekst, niet een lijst",
    ]


def test_an_answer_cannot_be_outside_the_role_and_exploring_at_once(tmp_path):
    tekst = NPULS.read_text("utf-8").replace(
        "      buiten_rol: true", "      buiten_rol: true\n      verkennend: true", 1
    )
    problemen = _weiger(tmp_path, tekst)
    assert problemen == [
        f"{tmp_path / 'kapot.yaml'}, regel {_regel(tekst, '- sleutel: nvt')}: schaal > opties "
        "'nvt': een antwoord is buiten de rol óf verkennend, niet allebei"
    ]
