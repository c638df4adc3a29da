"""The shipped Npuls profile holds all 127 items, verbatim from the oplegger."""

import re
from collections import Counter

from tests.conftest import TESTDATA

VERWACHT = {
    ("basis", "kennis"): 7,
    ("basis", "vaardigheden"): 8,
    ("basis", "attitude"): 8,
    ("bruggenbouwer", "kennis"): 6,
    ("bruggenbouwer", "vaardigheden"): 6,
    ("bruggenbouwer", "attitude"): 9,
    ("adviseur", "kennis"): 6,
    ("adviseur", "vaardigheden"): 10,
    ("adviseur", "attitude"): 7,
    ("coach", "kennis"): 5,
    ("coach", "vaardigheden"): 7,
    ("coach", "attitude"): 5,
    ("didacticus", "kennis"): 6,
    ("didacticus", "vaardigheden"): 6,
    ("didacticus", "attitude"): 5,
    ("innovator", "kennis"): 8,
    ("innovator", "vaardigheden"): 10,
    ("innovator", "attitude"): 8,
}


def _items(data):
    for groep in data["groepen"]:
        for onderdeel in groep["onderdelen"]:
            for item in onderdeel["items"]:
                yield groep, onderdeel["categorie"], item


def _zonder_opmaak(tekst: str) -> str:
    """Drop whitespace and hyphens, so PDF line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad]", "", tekst)


def test_it_has_the_127_items_split_as_in_the_oplegger(npuls_data):
    aantallen = Counter((g["sleutel"], categorie) for g, categorie, _ in _items(npuls_data))
    assert dict(aantallen) == VERWACHT
    assert sum(aantallen.values()) == 127


def test_the_groups_are_basis_and_the_five_gebieden_with_their_role_names(npuls_data):
    groepen = [(g["sleutel"], g["soort"], g.get("rolnaam")) for g in npuls_data["groepen"]]
    assert groepen == [
        ("basis", "basis", None),
        ("bruggenbouwer", "gebied", "bruggenbouwer"),
        ("adviseur", "gebied", "adviseur"),
        ("coach", "gebied", "coach"),
        ("didacticus", "gebied", "didacticus"),
        ("innovator", "gebied", "innovator"),
    ]
    titels = {g["sleutel"]: g["titel"] for g in npuls_data["groepen"]}
    assert titels["bruggenbouwer"] == "Verbinden over grenzen heen"
    assert titels["innovator"] == "Richting geven aan onderwijsvernieuwing"


def test_every_item_key_is_stable_and_names_its_place(npuls_data):
    for groep, categorie, item in _items(npuls_data):
        assert re.fullmatch(rf"{groep['sleutel']}\.{categorie}\.\d\d", item["sleutel"])


def test_every_item_is_verbatim_from_the_oplegger(npuls_data):
    oplegger = _zonder_opmaak((TESTDATA / "npuls_oplegger.txt").read_text("utf-8"))
    niet_gevonden = [
        item["sleutel"]
        for _, _, item in _items(npuls_data)
        if _zonder_opmaak(item["tekst"]) not in oplegger
    ]
    assert niet_gevonden == []


def test_the_scale_reflects_and_includes_not_applicable_in_my_role(npuls_data):
    opties = npuls_data["schaal"]["opties"]
    assert [o["sleutel"] for o in opties] == ["ontdekken", "bezig", "herken", "vanzelf", "nvt"]
    nvt = opties[-1]
    assert nvt["label"] == "Niet van toepassing in mijn rol"
    assert nvt["buiten_rol"] is True


def test_the_levels_are_optional_labels_with_the_caveat_that_they_are_no_norm(npuls_data):
    niveaus = npuls_data["niveaus"]
    assert [n["sleutel"] for n in niveaus["opties"]] == ["bekwaam", "gevorderd", "expert"]
    assert "norm" in niveaus["toelichting"]
    for groep in npuls_data["groepen"]:
        assert groep["gespreksvragen"], groep["sleutel"]
        assert groep["suggesties"], groep["sleutel"]
