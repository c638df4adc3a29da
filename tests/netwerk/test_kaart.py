"""The map: for every gebied (not the basis) who puts it into practice and may be
approached, how many want to grow in it, and the gaps as a question for the network with
the profile's suggestions and links. Everyone in the netwerk sees exactly the same map."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import ProfielVersie
from netwerk import services
from netwerk.selectors import bouw_kaart

from ..conftest import ROOT
from .conftest import deel, een_dag_later, nieuw_lid

VERBINDER = ROOT / "profiel_data" / "voorbeelden" / "verbinder.yaml"
NAMEN = ["Bram", "Carla", "Daan", "Eva"]


def _kaart_url(netwerk) -> str:
    return reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})


def _kaart_deel(html: str) -> str:
    """The map itself: the gebieden and how the counts stand, without the buttons around."""
    begin = html.index('<section class="zo-lees-je"')
    return html[begin : html.index('<section class="gesprek"')]


def _gebied(kaart, sleutel):
    return next(g for g in kaart.gebieden if g.groep.sleutel == sleutel)


def test_every_gebied_is_on_the_map_and_the_basis_is_not(ingelogd, netwerk):
    html = ingelogd.get(_kaart_url(netwerk)).content.decode()
    for gebied in netwerk.versie.groepen.all():
        assert (f'id="gebied-{gebied.sleutel}"' in html) is (not gebied.is_basis), gebied.sleutel
    assert "Basiscompetenties</h2>" not in html


def test_names_and_functions_show_under_what_each_person_said(ingelogd, netwerk, gebruiker):
    deel(
        gebruiker.lidmaatschappen.get(),
        ("coach", {"zet_in": True, "benader": True}),
        functie="i-coach",
    )
    deel(nieuw_lid(netwerk, "Bram"), ("coach", {"groeien": True, "groeien_met_naam": True}))
    html = ingelogd.get(_kaart_url(netwerk)).content.decode()
    coach = html[html.index('id="gebied-coach"') :]
    coach = coach[: coach.index("</section>")]
    assert re.search(r"Zetten dit in hun werk in</dt><dd>.*Anna.*\(i-coach\)", coach, re.S)
    assert re.search(r"Mag je hierover benaderen</dt><dd>.*Anna", coach, re.S)
    assert re.search(r"Willen hierin groeien</dt><dd>.*Bram", coach, re.S)


def test_everyone_in_the_netwerk_sees_exactly_the_same_map(client, netwerk, gebruiker):
    leden = [nieuw_lid(netwerk, naam) for naam in NAMEN]
    for i, lid in enumerate(leden):
        deel(lid, ("coach", {"zet_in": True, "zet_in_met_naam": i % 2 == 0}))
    deel(gebruiker.lidmaatschappen.get(), ("innovator", {"groeien": True}))
    bouw_kaart(netwerk)
    een_dag_later(netwerk)
    kaarten = []
    for persoon in [gebruiker] + [lid.lid for lid in leden]:
        client.force_login(persoon)
        kaarten.append(_kaart_deel(client.get(_kaart_url(netwerk)).content.decode()))
    assert "5 mensen iets gedeeld" in kaarten[0]
    assert all(k == kaarten[0] for k in kaarten)


def test_the_maker_sees_no_more_than_a_member(client, netwerk, gebruiker):
    bram = nieuw_lid(netwerk, "Bram")
    deel(bram, ("coach", {"zet_in": True, "zet_in_met_naam": False}))
    client.force_login(gebruiker)
    maker = client.get(_kaart_url(netwerk)).content.decode()
    client.force_login(bram.lid)
    lid = client.get(_kaart_url(netwerk)).content.decode()
    assert _kaart_deel(maker) == _kaart_deel(lid)
    assert "Bram" not in maker


def test_a_gap_is_a_question_for_the_network_with_the_profiles_suggestions(ingelogd, netwerk):
    html = ingelogd.get(_kaart_url(netwerk)).content.decode()
    innovator = netwerk.versie.groepen.get(sleutel="innovator")
    assert (
        "Nog niemand zegt met naam dit gebied in te zetten: wie weet waar we dat kunnen vinden?"
        in html
    )
    assert innovator.suggesties[0] in html


def test_once_counts_show_a_gap_means_nobody_at_all(ingelogd, netwerk):
    for naam in [*NAMEN, "Fatma"]:
        deel(nieuw_lid(netwerk, naam), ("coach", {"zet_in": True, "zet_in_met_naam": False}))
    bouw_kaart(netwerk)
    een_dag_later(netwerk)
    kaart = bouw_kaart(netwerk)
    assert not _gebied(kaart, "coach").open_vraag  # counted, though nobody is named
    assert _gebied(kaart, "innovator").open_vraag
    html = ingelogd.get(_kaart_url(netwerk)).content.decode()
    assert (
        "In dit netwerk zet nog niemand dit gebied in: wie weet waar we dat kunnen vinden?" in html
    )
    assert html.count("wie weet waar we dat kunnen vinden?") == 4


def test_below_the_minimum_an_anonymous_statement_does_not_close_a_gap(netwerk):
    """Otherwise the gap vanishing would tell who, in a small group, put it in."""
    deel(nieuw_lid(netwerk, "Bram"), ("coach", {"zet_in": True, "zet_in_met_naam": False}))
    bouw_kaart(netwerk)
    een_dag_later(netwerk)
    assert _gebied(bouw_kaart(netwerk), "coach").open_vraag


def test_a_gap_lists_the_institutions_own_links(client, andere_gebruiker):
    resultaat = schrijf_profiel(lees_profielbestand(VERBINDER), bronbestand=str(VERBINDER))
    versie = ProfielVersie.objects.get(profiel__sleutel=resultaat.profiel)
    netwerk = services.maak_netwerk(
        maker=andere_gebruiker, naam="Voorbeeld", beschrijving="", versie=versie
    )
    client.force_login(andere_gebruiker)
    html = client.get(_kaart_url(netwerk)).content.decode()
    coach = versie.groepen.get(sleutel="coach")
    [link] = coach.verder_met
    assert f'<a href="{link["url"]}">{link["titel"]}</a>' in html
    deel(andere_gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True}), naam="Bram")
    html = client.get(_kaart_url(netwerk)).content.decode()
    assert link["url"] not in html  # no gap, no hint


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_map_speaks_the_chosen_language(client, netwerk, gebruiker, taal):
    client.force_login(gebruiker)
    client.post(reverse("set_language"), {"language": taal})
    html = client.get(_kaart_url(netwerk)).content.decode()
    assert f'<html lang="{taal}">' in html
    vraag = {"nl": "wie weet waar we dat kunnen vinden?", "en": "who knows where we could find it?"}
    assert vraag[taal] in html
    # The profile's own words too, where the profile has them in this language.
    titel = {
        "nl": "Begeleiden professionele ontwikkeling",
        "en": "Supporting professional development",
    }
    assert f'id="gebied-coach">{titel[taal]}' in html
