"""A person's netwerken in "Download al mijn gegevens", and nothing of anyone else's."""

from __future__ import annotations

import json

from netwerk.export import netwerken_van

from .conftest import deel, nieuw_lid


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


def test_deleting_the_account_removes_memberships_and_statements(netwerk, gebruiker):
    from netwerk.models import Bijdrage, Lidmaatschap

    bram = nieuw_lid(netwerk, "Bram")
    deel(bram, ("adviseur", {"zet_in": True}))
    bram.lid.delete()
    assert not Lidmaatschap.objects.filter(pk=bram.pk).exists()
    assert not Bijdrage.objects.filter(lidmaatschap_id=bram.pk).exists()
    assert Lidmaatschap.objects.filter(netwerk=netwerk, lid=gebruiker).exists()
