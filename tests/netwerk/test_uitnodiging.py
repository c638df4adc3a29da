"""Joining a netwerk: only by its invitation link, only by an explicit click after reading
what is shared; a renewed link refuses the old token."""

from __future__ import annotations

from django.urls import reverse

from netwerk import services
from netwerk.models import Lidmaatschap

from .conftest import nieuw_lid


def _doe_mee(token: str) -> str:
    return reverse("netwerk:doe_mee", kwargs={"uitnodiging": token})


def test_the_token_is_long_random_and_different_per_netwerk(netwerk, npuls, andere_gebruiker):
    ander = services.maak_netwerk(
        maker=andere_gebruiker, naam="Ander", beschrijving="", versie=npuls
    )
    assert len(netwerk.uitnodiging) >= 43
    assert netwerk.uitnodiging != ander.uitnodiging


def test_opening_the_link_shows_what_is_shared_and_joins_nobody(client, netwerk, andere_gebruiker):
    client.force_login(andere_gebruiker)
    response = client.get(_doe_mee(netwerk.uitnodiging))
    assert response.status_code == 200
    html = response.content.decode()
    assert netwerk.naam.replace("&", "&amp;") in html
    assert "Samen sterker" in html
    assert "Wat je niet deelt" in html
    assert "Niets uit je scans" in html
    assert "Ik doe mee" in html
    assert not Lidmaatschap.objects.filter(netwerk=netwerk, lid=andere_gebruiker).exists()


def test_the_click_joins_and_leads_to_choosing_what_to_share(client, netwerk, andere_gebruiker):
    client.force_login(andere_gebruiker)
    response = client.post(_doe_mee(netwerk.uitnodiging))
    assert response.status_code == 302
    assert response["Location"] == reverse("netwerk:bijdrage", kwargs={"netwerk_id": netwerk.pk})
    lid = Lidmaatschap.objects.get(netwerk=netwerk, lid=andere_gebruiker)
    assert lid.bijdragen.count() == 0  # joining shares nothing yet
    assert (
        client.get(reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})).status_code == 200
    )


def test_joining_twice_changes_nothing_and_a_member_goes_to_the_map(client, netwerk, gebruiker):
    client.force_login(gebruiker)
    for methode in (client.get, client.post):
        response = methode(_doe_mee(netwerk.uitnodiging))
        assert response.status_code == 302
        assert response["Location"] == reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})
    assert Lidmaatschap.objects.filter(netwerk=netwerk).count() == 1


def test_an_anonymous_visitor_is_asked_to_log_in_first_and_comes_back(client, netwerk):
    url = _doe_mee(netwerk.uitnodiging)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_a_renewed_link_refuses_the_old_token(client, netwerk, gebruiker, andere_gebruiker):
    oud = netwerk.uitnodiging
    client.force_login(gebruiker)
    response = client.post(reverse("netwerk:vernieuwen", kwargs={"netwerk_id": netwerk.pk}))
    assert response.status_code == 302
    netwerk.refresh_from_db()
    assert netwerk.uitnodiging != oud

    client.force_login(andere_gebruiker)
    for methode in (client.get, client.post):
        response = methode(_doe_mee(oud))
        assert response.status_code == 404
        assert "Deze uitnodiging werkt niet (meer)" in response.content.decode()
    assert not Lidmaatschap.objects.filter(netwerk=netwerk, lid=andere_gebruiker).exists()
    assert client.post(_doe_mee(netwerk.uitnodiging)).status_code == 302
    assert Lidmaatschap.objects.filter(netwerk=netwerk, lid=andere_gebruiker).exists()


def test_a_made_up_token_is_a_404(client, andere_gebruiker, netwerk):
    client.force_login(andere_gebruiker)
    for token in ("x", netwerk.uitnodiging[:-1], "a" * 64, "a" * 500, "a\x00b", "é", "%00"):
        assert client.get(_doe_mee(token)).status_code == 404


def test_renewing_keeps_every_member(client, netwerk, gebruiker):
    bram = nieuw_lid(netwerk, "Bram")
    client.force_login(gebruiker)
    client.post(reverse("netwerk:vernieuwen", kwargs={"netwerk_id": netwerk.pk}))
    assert Lidmaatschap.objects.filter(pk=bram.pk).exists()


def test_only_the_managing_member_can_renew_the_link(client, netwerk):
    bram = nieuw_lid(netwerk, "Bram")
    oud = netwerk.uitnodiging
    client.force_login(bram.lid)
    pagina = client.get(reverse("netwerk:uitnodigen", kwargs={"netwerk_id": netwerk.pk}))
    assert oud in pagina.content.decode()  # every member may pass the link on
    assert "Nieuwe link maken" not in pagina.content.decode()
    response = client.post(reverse("netwerk:vernieuwen", kwargs={"netwerk_id": netwerk.pk}))
    assert response.status_code == 404
    netwerk.refresh_from_db()
    assert netwerk.uitnodiging == oud


def test_the_invitation_page_shows_the_full_link(client, netwerk, gebruiker):
    client.force_login(gebruiker)
    html = client.get(reverse("netwerk:uitnodigen", kwargs={"netwerk_id": netwerk.pk})).content
    assert f"http://testserver/netwerken/doe-mee/{netwerk.uitnodiging}/".encode() in html
    assert b"Nieuwe link maken" in html


def test_making_a_netwerk_makes_its_maker_the_first_member(client, npuls, andere_gebruiker):
    client.force_login(andere_gebruiker)
    pagina = client.get(reverse("netwerk:nieuw"))
    assert "Wat je niet deelt" in pagina.content.decode()
    response = client.post(
        reverse("netwerk:nieuw"),
        {"naam": "  Team onderwijsontwikkeling ", "beschrijving": "", "versie": npuls.pk},
    )
    [lid] = Lidmaatschap.objects.filter(lid=andere_gebruiker).select_related("netwerk")
    assert lid.netwerk.naam == "Team onderwijsontwikkeling"
    assert lid.netwerk.versie == npuls
    assert response["Location"] == reverse(
        "netwerk:uitnodigen", kwargs={"netwerk_id": lid.netwerk.pk}
    )


def test_a_netwerk_needs_a_name(client, npuls, andere_gebruiker):
    client.force_login(andere_gebruiker)
    response = client.post(reverse("netwerk:nieuw"), {"naam": "  ", "versie": npuls.pk})
    assert response.status_code == 200
    assert "Geef het netwerk een naam." in response.content.decode()
    assert not Lidmaatschap.objects.filter(lid=andere_gebruiker).exists()
