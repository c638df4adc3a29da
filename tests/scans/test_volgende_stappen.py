"""Next steps that follow from the answers: wherever someone marked a wish or chose an
exploring answer, the report offers suggestions of that very category (the statement's own
first), and only then the gebied's general ones."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import ProfielVersie
from scans import services
from scans.rapport import MAX_SUGGESTIES, bouw_rapport
from scans.stappen import ITEMS, stappenplan
from tests.conftest import HAN, NPULS, ROOT

VOORBEELD = ROOT / "profiel_data" / "voorbeelden" / "verbinder.yaml"


def _laad(pad) -> ProfielVersie:
    r = schrijf_profiel(lees_profielbestand(pad))
    return ProfielVersie.objects.get(profiel__sleutel=r.profiel, nummer=r.versie)


def _scan_met(gebruiker, versie, kies):
    """A scan over every group of `versie`, each statement answered by `kies(item_index,
    opties)` -> (optie, ontwikkelen)."""
    scan = services.start_scan(
        eigenaar=gebruiker, versie=versie, gebieden=list(versie.groepen.filter(soort="gebied"))
    )
    opties = list(versie.schaalopties.all())
    for stap in stappenplan(scan):
        if stap.soort != ITEMS:
            continue
        keuzes = []
        for j, item_id in enumerate(stap.item_ids):
            optie, ontwikkelen = kies(j, opties)
            keuzes.append(
                services.ItemKeuze(
                    item_id=item_id, optie_id=optie.pk if optie else None, ontwikkelen=ontwikkelen
                )
            )
        services.bewaar_itemstap(
            scan=scan, stap=stap, keuzes=keuzes, notitie="", volgende=stap.sleutel
        )
    return scan


def _van_categorie(suggestie: dict, groep, categorie, items) -> bool:
    """A suggestion belongs to a category if it is the category's own or one of its items'."""
    if suggestie["sleutel"].startswith(f"{groep.sleutel}.{categorie.sleutel}.suggestie."):
        return True
    return any(suggestie in i.suggesties for i in items if i.categorie_id == categorie.pk)


@pytest.mark.parametrize("pad", [NPULS, HAN, VOORBEELD], ids=lambda p: p.stem)
@pytest.mark.parametrize("manier", ["wens", "verkennend"])
def test_every_place_with_a_wish_or_an_exploring_answer_gets_its_own_categorys_steps(
    gebruiker, client, pad, manier
):
    versie = _laad(pad)
    verkennend = next(o for o in versie.schaalopties.all() if o.verkennend)
    herkend = next(o for o in versie.schaalopties.all() if not o.verkennend and not o.buiten_rol)

    def kies(j, opties):
        # One statement per step: a wish on a recognised answer, or an exploring answer.
        if j == 1:
            return (herkend, True) if manier == "wens" else (verkennend, False)
        return herkend, False

    scan = _scan_met(gebruiker, versie, kies)
    rapport = bouw_rapport(scan)
    client.force_login(gebruiker)
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    plaatsen = 0
    for g in rapport.groepen:
        categorieen = {r.item.categorie.pk: r.item.categorie for r in g.regels}
        assert [s.categorie.pk for s in g.volgende_stappen] == list(categorieen)
        for stap in g.volgende_stappen:
            plaatsen += 1
            assert len(stap.aanleiding) == 1
            assert 1 <= len(stap.suggesties) <= MAX_SUGGESTIES
            items = [r.item for r in g.regels]
            for suggestie in stap.suggesties:
                assert _van_categorie(suggestie, g.groep, stap.categorie, items), suggestie
                assert escape(suggestie["tekst"]) in html
    assert plaatsen == sum(len(g["onderdelen"]) for g in lees_profielbestand(pad)["groepen"])


def test_a_statements_own_suggestion_comes_first_then_the_categorys(npuls, gebruiker):
    herken = npuls.schaalopties.get(sleutel="herken")

    def kies(j, opties):
        return herken, False

    scan = _scan_met(gebruiker, npuls, kies)
    item = npuls.items.get(sleutel="coach.vaardigheden.06")
    services.bewaar_itemstap(
        scan=scan,
        stap=stappenplan(scan).zoek("coach.vaardigheden"),
        keuzes=[services.ItemKeuze(item_id=item.pk, optie_id=herken.pk, ontwikkelen=True)],
        notitie="",
        volgende="coach.vaardigheden",
    )
    coach = next(g for g in bouw_rapport(scan).groepen if g.groep.sleutel == "coach")
    (stap,) = coach.volgende_stappen
    assert [s["sleutel"] for s in stap.suggesties] == [
        "coach.vaardigheden.06.suggestie.1",
        "coach.vaardigheden.suggestie.1",
        "coach.vaardigheden.suggestie.2",
    ]


def test_where_everything_is_recognised_only_the_general_steps_are_offered(
    npuls, gebruiker, client
):
    vanzelf = npuls.schaalopties.get(sleutel="vanzelf")
    scan = _scan_met(gebruiker, npuls, lambda j, opties: (vanzelf, False))
    rapport = bouw_rapport(scan)
    assert all(g.volgende_stappen == [] for g in rapport.groepen)
    client.force_login(gebruiker)
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert "Om mee te beginnen" in html and "En verder" not in html
    for g in rapport.groepen:
        for s in g.groep.suggesties:
            assert escape(s) in html
        for lijst in g.groep.categorie_suggesties.values():
            assert escape(lijst[0]["tekst"]) not in html


def test_statements_left_open_or_outside_the_role_ask_for_no_steps(npuls, gebruiker):
    nvt = npuls.schaalopties.get(sleutel="nvt")
    scan = _scan_met(gebruiker, npuls, lambda j, opties: (nvt if j % 2 else None, False))
    assert all(g.volgende_stappen == [] for g in bouw_rapport(scan).groepen)
