"""A person's netwerken in "Download al mijn gegevens", and nothing of anyone else's;
deleting the account leaves every netwerk as leaving by hand would."""

from __future__ import annotations

import json

from django.apps import apps
from django.urls import reverse

from netwerk.export import netwerken_van
from netwerk.models import Bijdrage, Dagstand, Lidmaatschap, Netwerk
from netwerk.selectors import bouw_kaart, is_beheerder

from .conftest import WACHTWOORD, deel, nieuw_lid


def test_the_export_holds_every_membership_with_what_was_shared(netwerk, gebruiker):
    deel(
        gebruiker.lidmaatschappen.get(),
        ("coach", {"zet_in": True, "benader": True}),
        ("innovator", {"groeien": True, "groeien_met_naam": False}),
        functie="i-coach",
    )
    [export] = netwerken_van(gebruiker)
    assert export["netwerk"]["naam"] == "i-coaches Zorg & Welzijn"
    assert export["netwerk"]["beschrijving"] == "Samen sterker"
    assert export["netwerk"]["profiel"]["sleutel"] == netwerk.versie.profiel.sleutel
    assert export["beheer"] is True
    assert (export["naam"], export["functie"]) == ("Anna", "i-coach")
    assert [
        (
            b["gebied"],
            b["zet_in"],
            b["zet_in_met_naam"],
            b["groeien"],
            b["groeien_met_naam"],
            b["benader"],
        )
        for b in export["bijdragen"]
    ] == [
        ("coach", True, True, False, False, True),
        ("innovator", False, False, True, False, False),
    ]
    assert export["lid_sinds"] and export["bijdragen"][0]["bijgewerkt_op"]
    assert netwerk.uitnodiging not in json.dumps(export)  # the netwerk's key stays out


def test_the_export_holds_nothing_of_other_members(netwerk, gebruiker):
    bram = nieuw_lid(netwerk, "Bram")
    deel(bram, ("adviseur", {"zet_in": True}), functie="BRAMS FUNCTIE")
    [anna] = netwerken_van(gebruiker)
    assert anna["bijdragen"] == []
    assert "Bram" not in json.dumps(anna)
    [van_bram] = netwerken_van(bram.lid)
    assert van_bram["beheer"] is False
    assert van_bram["functie"] == "BRAMS FUNCTIE"


def test_someone_in_no_netwerk_exports_an_empty_list(andere_gebruiker, netwerk):
    assert netwerken_van(andere_gebruiker) == []


def test_the_download_holds_the_netwerken(client, netwerk, gebruiker):
    deel(gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True}))
    client.force_login(gebruiker)
    data = json.loads(client.get(reverse("gegevens_downloaden")).content)
    assert data["formaat"] == 3
    [export] = data["netwerken"]
    assert export["netwerk"]["id"] == str(netwerk.pk)
    assert export["bijdragen"][0]["gebied"] == "coach"


def _verwijder_account(client, gebruiker):
    client.force_login(gebruiker)
    response = client.post(
        reverse("account_verwijderen"), {"wachtwoord": WACHTWOORD, "zeker": "on"}
    )
    assert response.status_code == 302


def test_deleting_the_account_leaves_every_netwerk(client, netwerk, gebruiker):
    bram = nieuw_lid(netwerk, "Bram")
    deel(gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True, "benader": True}))
    deel(bram, ("adviseur", {"zet_in": True}))
    bouw_kaart(netwerk)
    _verwijder_account(client, gebruiker)
    assert not Lidmaatschap.objects.filter(lid_id=gebruiker.pk).exists()
    assert not Bijdrage.objects.filter(lidmaatschap__lid_id=gebruiker.pk).exists()
    assert is_beheerder(Lidmaatschap.objects.get(pk=bram.pk))  # Bram manages it now
    kaart = bouw_kaart(netwerk)
    assert all("Anna" not in [p.naam for p in g.zet_in + g.benader] for g in kaart.gebieden)


def test_the_last_member_deleting_the_account_takes_the_netwerk_along(client, netwerk, gebruiker):
    voor = {m._meta.label: m.objects.count() for m in (Netwerk, Lidmaatschap, Bijdrage, Dagstand)}
    assert voor["netwerk.Netwerk"] == 1
    deel(gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True}))
    bouw_kaart(netwerk)
    _verwijder_account(client, gebruiker)
    for model in apps.get_app_config("netwerk").get_models():
        assert not model.objects.exists(), model
