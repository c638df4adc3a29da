"""Every URL of the scans app is reachable only by the scan's owner."""

import pytest
from django.urls import URLPattern, reverse

from scans import urls as scan_urls
from scans.stappen import stappenplan


def _argumenten(pattern: URLPattern, scan) -> dict:
    bekend = {"scan_id": scan.pk, "ander_id": scan.pk, "stap": stappenplan(scan).eerste.sleutel}
    namen = set(pattern.pattern.converters)
    onbekend = namen - set(bekend)
    assert not onbekend, f"{pattern.name}: the access test does not know {onbekend}"
    return {naam: bekend[naam] for naam in namen}


def _alle_urls(scan) -> list[tuple[str, str]]:
    return [
        (p.name, reverse(f"scans:{p.name}", kwargs=_argumenten(p, scan)))
        for p in scan_urls.urlpatterns
    ]


def _met_scan(scan) -> list[tuple[str, str]]:
    return [(naam, url) for naam, url in _alle_urls(scan) if str(scan.pk) in url]


def test_the_access_tests_cover_every_pattern_of_the_app(scan):
    namen = {naam for naam, _ in _alle_urls(scan)}
    assert namen == {p.name for p in scan_urls.urlpatterns}
    met_scan_id = {p.name for p in scan_urls.urlpatterns if "scan_id" in p.pattern.converters}
    assert {naam for naam, _ in _met_scan(scan)} == met_scan_id


def test_an_anonymous_visitor_is_sent_to_login_everywhere(client, scan):
    for naam, url in _alle_urls(scan):
        for methode in (client.get, client.post):
            response = methode(url)
            assert response.status_code == 302, (naam, methode)
            assert response["Location"].startswith(reverse("login")), naam


def test_another_user_gets_404_for_every_scan_url(client, scan, andere_gebruiker):
    client.force_login(andere_gebruiker)
    for naam, url in _met_scan(scan):
        assert client.get(url).status_code == 404, naam
        assert client.post(url, {"actie": "volgende"}).status_code == 404, naam
    for stap in stappenplan(scan):
        url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap.sleutel})
        assert client.get(url).status_code == 404, stap.sleutel
    assert scan.__class__.objects.filter(pk=scan.pk).exists()


def test_staff_cannot_see_someone_elses_scan_either(client, scan, staf):
    client.force_login(staf)
    for naam, url in _met_scan(scan):
        assert client.get(url).status_code == 404, naam


def test_the_owner_reaches_every_scan_url(ingelogd, scan):
    for naam, url in _met_scan(scan):
        assert ingelogd.get(url).status_code in (200, 302), naam


def test_a_scan_id_that_does_not_exist_is_a_404(ingelogd, scan):
    import uuid

    url = reverse("scans:rapport", kwargs={"scan_id": uuid.uuid4()})
    assert ingelogd.get(url).status_code == 404


@pytest.mark.parametrize("model", ["Scan", "Antwoord", "Notitie", "Leerdoel", "ScanGroep"])
def test_reflections_are_not_in_the_admin(model):
    from django.contrib import admin

    from scans import models

    assert not admin.site.is_registered(getattr(models, model))


def test_the_owners_scan_list_shows_only_their_own_scans(client, scan, andere_gebruiker):
    client.force_login(andere_gebruiker)
    response = client.get(reverse("scans:mijn_scans"))
    assert str(scan.pk) not in response.content.decode()
