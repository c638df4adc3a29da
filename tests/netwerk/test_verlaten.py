"""Leaving deletes one's statements at once; the next member manages the netwerk; the last
one out takes the netwerk with them; closing deletes everything."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netwerk import services
from netwerk.models import Bijdrage, Dagstand, Lidmaatschap, Netwerk
from netwerk.selectors import bouw_kaart, is_beheerder

from .conftest import deel, nieuw_lid


def test_leaving_deletes_the_membership_and_every_statement_at_once(client, netwerk):
    bram = nieuw_lid(netwerk, "Bram")
    deel(bram, ("coach", {"zet_in": True, "benader": True}), ("adviseur", {"groeien": True}))
    [coach] = [g for g in bouw_kaart(netwerk).gebieden if g.groep.sleutel == "coach"]
    assert [p.naam for p in coach.zet_in] == ["Bram"]
    client.force_login(bram.lid)
    url = reverse("netwerk:verlaten", kwargs={"netwerk_id": netwerk.pk})
    assert "wordt meteen verwijderd" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == reverse("netwerk:mijn_netwerken")
    assert not Lidmaatschap.objects.filter(pk=bram.pk).exists()
    assert not Bijdrage.objects.filter(lidmaatschap_id=bram.pk).exists()
    kaart = bouw_kaart(netwerk)
    assert all(not g.zet_in and not g.benader and not g.groeien for g in kaart.gebieden)
    assert (
        client.get(reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})).status_code == 404
    )


def test_when_the_maker_leaves_the_next_member_manages_the_netwerk(netwerk, gebruiker):
    bram = nieuw_lid(netwerk, "Bram")
    carla = nieuw_lid(netwerk, "Carla")
    assert is_beheerder(gebruiker.lidmaatschappen.get())
    assert not is_beheerder(bram)
    services.verlaat(lidmaatschap=gebruiker.lidmaatschappen.get())
    assert is_beheerder(bram)
    assert not is_beheerder(carla)
    services.vernieuw_uitnodiging(lidmaatschap=bram)  # may now renew the link


def test_the_last_one_to_leave_takes_the_netwerk_with_them(netwerk, gebruiker):
    deel(gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True}))
    bouw_kaart(netwerk)
    services.verlaat(lidmaatschap=gebruiker.lidmaatschappen.get())
    assert not Netwerk.objects.filter(pk=netwerk.pk).exists()
    assert not Dagstand.objects.exists()


def test_closing_deletes_the_netwerk_with_everything_in_it(client, netwerk, gebruiker):
    bram = nieuw_lid(netwerk, "Bram")
    deel(bram, ("coach", {"zet_in": True}))
    bouw_kaart(netwerk)
    client.force_login(gebruiker)
    response = client.post(reverse("netwerk:sluiten", kwargs={"netwerk_id": netwerk.pk}))
    assert response["Location"] == reverse("netwerk:mijn_netwerken")
    for model in (Netwerk, Lidmaatschap, Bijdrage, Dagstand):
        assert not model.objects.exists(), model
    # The members keep their accounts (and their scans); only the netwerk is gone.
    assert bram.lid.__class__.objects.filter(pk=bram.lid_id).exists()


def test_a_member_cannot_close_the_netwerk(netwerk):
    bram = nieuw_lid(netwerk, "Bram")
    with pytest.raises(services.NetwerkFout, match="Alleen wie dit netwerk beheert"):
        services.sluit(lidmaatschap=bram)
    assert Netwerk.objects.filter(pk=netwerk.pk).exists()


def test_a_save_from_an_old_tab_after_leaving_stores_nothing(client, netwerk):
    bram = nieuw_lid(netwerk, "Bram")
    services.verlaat(lidmaatschap=bram)
    with pytest.raises(services.NetwerkFout, match="Je bent geen lid meer van dit netwerk"):
        deel(bram, ("coach", {"zet_in": True}))
    assert not Bijdrage.objects.exists()
    client.force_login(bram.lid)
    response = client.post(
        reverse("netwerk:bijdrage", kwargs={"netwerk_id": netwerk.pk}), {"naam": "Bram"}
    )
    assert response.status_code == 404
