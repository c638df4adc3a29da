"""Per statement the member chooses: with their name, or only counted anonymously. "Zet in"
starts named, "wil groeien" anonymous, "benader me" is always named."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netwerk import services
from netwerk.models import Bijdrage
from netwerk.selectors import bouw_kaart

from .conftest import deel, gebied, nieuw_lid


def _url(netwerk) -> str:
    return reverse("netwerk:bijdrage", kwargs={"netwerk_id": netwerk.pk})


def _gebied(kaart, sleutel):
    return next(g for g in kaart.gebieden if g.groep.sleutel == sleutel)


def test_the_form_starts_with_zet_in_named_and_groeien_anonymous(ingelogd, netwerk):
    coach = gebied(netwerk, "coach")
    html = ingelogd.get(_url(netwerk)).content.decode()
    assert f'name="zet_in_zichtbaar_{coach.pk}" value="naam" ' in html
    zet_in = html.split(f'name="zet_in_zichtbaar_{coach.pk}"')
    groeien = html.split(f'name="groeien_zichtbaar_{coach.pk}"')
    assert 'value="naam"' in zet_in[1][:40] and "checked" in zet_in[1][:60]
    assert 'value="anoniem"' in groeien[2][:40] and "checked" in groeien[2][:60]
    assert "Altijd met je naam" in html


def test_posting_the_defaults_shows_zet_in_by_name_and_counts_groeien_only(
    ingelogd, netwerk, gebruiker
):
    coach = gebied(netwerk, "coach")
    response = ingelogd.post(
        _url(netwerk),
        {
            "naam": "Anna",
            "functie": "i-coach",
            f"zet_in_{coach.pk}": "on",
            f"zet_in_zichtbaar_{coach.pk}": "naam",
            f"groeien_{coach.pk}": "on",
            f"groeien_zichtbaar_{coach.pk}": "anoniem",
        },
    )
    assert response.status_code == 302
    b = Bijdrage.objects.get(lidmaatschap__lid=gebruiker, groep=coach)
    assert (b.zet_in, b.zet_in_met_naam, b.groeien, b.groeien_met_naam, b.benader) == (
        True,
        True,
        True,
        False,
        False,
    )
    kaart = _gebied(bouw_kaart(netwerk), "coach")
    assert [(p.naam, p.functie) for p in kaart.zet_in] == [("Anna", "i-coach")]
    assert kaart.groeien == []


def test_a_member_may_put_zet_in_anonymous_and_groeien_named(netwerk):
    bram = nieuw_lid(netwerk, "Bram")
    deel(
        bram,
        ("adviseur", {"zet_in": True, "zet_in_met_naam": False}),
        ("innovator", {"groeien": True, "groeien_met_naam": True}),
    )
    kaart = bouw_kaart(netwerk)
    assert _gebied(kaart, "adviseur").zet_in == []
    assert [p.naam for p in _gebied(kaart, "innovator").groeien] == ["Bram"]


def test_benader_me_always_shows_the_name(netwerk):
    bram = nieuw_lid(netwerk, "Bram")
    deel(bram, ("didacticus", {"benader": True}), functie="learning designer")
    didacticus = _gebied(bouw_kaart(netwerk), "didacticus")
    assert [(p.naam, p.functie) for p in didacticus.benader] == [("Bram", "learning designer")]
    assert didacticus.zet_in == []


def test_sharing_with_a_name_needs_a_name(ingelogd, netwerk, gebruiker):
    coach = gebied(netwerk, "coach")
    response = ingelogd.post(_url(netwerk), {"naam": "", f"benader_{coach.pk}": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is iets dat je nog even moet bekijken" in html
    assert "vul de naam in waarmee je in dit netwerk zichtbaar wilt zijn" in html
    assert not Bijdrage.objects.filter(lidmaatschap__lid=gebruiker).exists()


def test_sharing_only_anonymously_needs_no_name(ingelogd, netwerk, gebruiker):
    coach = gebied(netwerk, "coach")
    response = ingelogd.post(
        _url(netwerk),
        {
            "naam": "",
            f"groeien_{coach.pk}": "on",
            f"groeien_zichtbaar_{coach.pk}": "anoniem",
            f"zet_in_zichtbaar_{coach.pk}": "naam",  # not ticked, so no name needed
        },
    )
    assert response.status_code == 302
    assert Bijdrage.objects.get(lidmaatschap__lid=gebruiker).groeien is True


def test_unticking_everything_in_a_gebied_removes_its_row(ingelogd, netwerk, gebruiker):
    coach = gebied(netwerk, "coach")
    ingelogd.post(_url(netwerk), {"naam": "Anna", f"zet_in_{coach.pk}": "on"})
    assert Bijdrage.objects.filter(lidmaatschap__lid=gebruiker).count() == 1
    ingelogd.post(_url(netwerk), {"naam": "Anna"})
    assert not Bijdrage.objects.filter(lidmaatschap__lid=gebruiker).exists()
    assert bouw_kaart(netwerk).gebieden[0].zet_in == []


def test_the_form_shows_what_was_shared_before(ingelogd, netwerk, gebruiker):
    coach = gebied(netwerk, "coach")
    ingelogd.post(
        _url(netwerk),
        {
            "naam": "Anna",
            f"groeien_{coach.pk}": "on",
            f"groeien_zichtbaar_{coach.pk}": "naam",
        },
    )
    html = ingelogd.get(_url(netwerk)).content.decode()
    assert f'name="groeien_{coach.pk}" id="id_groeien_{coach.pk}" checked' in html
    na = html.split(f'name="groeien_zichtbaar_{coach.pk}"')
    assert 'value="naam"' in na[1][:40] and "checked" in na[1][:60]


@pytest.mark.parametrize("waarde", ["allebei", "<script>", ""])
def test_an_unknown_visibility_is_refused_or_falls_back_to_the_default(
    ingelogd, netwerk, gebruiker, waarde
):
    coach = gebied(netwerk, "coach")
    response = ingelogd.post(
        _url(netwerk),
        {"naam": "Anna", f"groeien_{coach.pk}": "on", f"groeien_zichtbaar_{coach.pk}": waarde},
    )
    if waarde:
        assert response.status_code == 200
        assert "Kies: met je naam, of alleen anoniem." in response.content.decode()
        assert not Bijdrage.objects.filter(lidmaatschap__lid=gebruiker).exists()
    else:
        assert response.status_code == 302
        assert Bijdrage.objects.get(lidmaatschap__lid=gebruiker).groeien_met_naam is False


def test_the_service_refuses_a_gebied_of_another_profile_or_the_basis(netwerk, gebruiker):
    lid = gebruiker.lidmaatschappen.get()
    basis = netwerk.versie.groepen.get(sleutel="basis")
    with pytest.raises(services.NetwerkFout):
        services.bewaar_bijdrage(
            lidmaatschap=lid,
            naam="Anna",
            functie="",
            uitspraken=[services.Uitspraak(groep_id=basis.pk, zet_in=True)],
        )
    assert not Bijdrage.objects.exists()
