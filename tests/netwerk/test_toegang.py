"""Every netwerk URL is for its members only: a 404 for anyone else, staff included, and
nothing of a netwerk in the admin. The creator sees nothing more than any member."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from netwerk.models import Bijdrage, Dagstand, Lidmaatschap, Netwerk

from .conftest import deel, nieuw_lid

MET_NETWERK = [
    "netwerk:kaart",
    "netwerk:praatplaat",
    "netwerk:bijdrage",
    "netwerk:uitnodigen",
    "netwerk:vernieuwen",
    "netwerk:verlaten",
    "netwerk:sluiten",
]
ALLEEN_BEHEER = {"netwerk:vernieuwen", "netwerk:sluiten"}


@pytest.fixture
def gedeeld(netwerk, gebruiker):
    deel(gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True, "benader": True}))
    return netwerk


def _urls(netwerk):
    return [(naam, reverse(naam, kwargs={"netwerk_id": netwerk.pk})) for naam in MET_NETWERK]


def test_an_anonymous_visitor_is_sent_to_log_in(client, gedeeld):
    for naam, url in _urls(gedeeld):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, naam
            assert response["Location"].startswith(reverse("login")), naam


@pytest.mark.parametrize("wie", ["andere_gebruiker", "staf"])
def test_anyone_who_is_not_a_member_gets_a_404_staff_included(client, gedeeld, request, wie):
    client.force_login(request.getfixturevalue(wie))
    for naam, url in _urls(gedeeld):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 404, naam
            assert "i-coaches" not in response.content.decode(), naam
    assert Netwerk.objects.filter(pk=gedeeld.pk).exists()
    assert Lidmaatschap.objects.filter(netwerk=gedeeld).count() == 1


def test_a_member_sees_every_page_but_not_what_only_the_manager_does(client, gedeeld):
    bram = nieuw_lid(gedeeld, "Bram")
    client.force_login(bram.lid)
    for naam, url in _urls(gedeeld):
        if naam == "netwerk:vernieuwen":
            continue  # a POST-only action
        response = client.get(url)
        assert response.status_code == (404 if naam in ALLEEN_BEHEER else 200), naam
    assert (
        client.post(reverse("netwerk:sluiten", kwargs={"netwerk_id": gedeeld.pk})).status_code
        == 404
    )
    assert Netwerk.objects.filter(pk=gedeeld.pk).exists()


def test_the_manager_may_renew_and_close(client, gedeeld, gebruiker):
    client.force_login(gebruiker)
    url = reverse("netwerk:vernieuwen", kwargs={"netwerk_id": gedeeld.pk})
    assert client.get(url).status_code == 405
    assert (
        client.get(reverse("netwerk:sluiten", kwargs={"netwerk_id": gedeeld.pk})).status_code == 200
    )


def test_the_list_of_netwerken_shows_only_ones_own(client, gedeeld, andere_gebruiker):
    client.force_login(andere_gebruiker)
    html = client.get(reverse("netwerk:mijn_netwerken")).content.decode()
    assert "i-coaches" not in html
    assert "Je zit nog in geen enkel netwerk" in html


def test_no_netwerk_model_is_in_the_admin(client, gedeeld, staf):
    for model in (Netwerk, Lidmaatschap, Bijdrage, Dagstand):
        assert not admin.site.is_registered(model), model
    client.force_login(staf)
    html = client.get(reverse("admin:index")).content.decode()
    assert "/beheer/netwerk/" not in html
    for pad in ("netwerk/", "netwerk/netwerk/", f"netwerk/netwerk/{gedeeld.pk}/change/"):
        assert client.get(f"/beheer/{pad}").status_code == 404, pad


def test_the_admins_account_deletion_page_names_no_netwerk_or_statement(
    client, gedeeld, gebruiker, staf
):
    """The admin lists what deleting an account removes by each row's __str__."""
    client.force_login(staf)
    response = client.get(reverse("admin:auth_user_delete", args=[gebruiker.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "lidmaatschap" in html.lower()  # the rows are there, as plain words
    for geheim in ("i-coaches", "Samen sterker", gedeeld.uitnodiging):
        assert geheim not in html
