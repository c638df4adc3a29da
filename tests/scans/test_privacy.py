"""Privacy by design: export everything, delete everything, load nothing from elsewhere."""

import json
from html.parser import HTMLParser

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from scans.demo import maak_demo
from scans.stappen import stappenplan


def _aantallen() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_the_export_holds_the_account_and_every_scan_with_answers_in_words(client, npuls):
    gebruiker, scan, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    response = client.get(reverse("gegevens_downloaden"))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="mijn-zelfscan-gegevens-'
    )
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == "demo@zelfscan.local"
    assert data["account"]["naam"] == "Noor de Vries"
    [export] = data["scans"]
    assert export["id"] == str(scan.pk)
    assert export["profiel"] == {
        "sleutel": npuls.profiel.sleutel,
        "titel": npuls.titel,
        "versie": 1,
    }
    assert len(export["antwoorden"]) == scan.antwoorden.count() > 0
    eerste = export["antwoorden"][0]
    assert set(eerste) == {
        "item",
        "tekst",
        "groep",
        "categorie",
        "antwoord",
        "antwoord_tekst",
        "wil_ontwikkelen",
    }
    assert eerste["item"] == "basis.kennis.01"
    assert any(n["tekst"] for n in export["notities"])
    assert [d["wat"] for d in export["leerdoelen"]] == [d.wat for d in scan.leerdoelen.all()]
    assert sum(1 for g in export["groepen"] if g["label"]) == 5
    assert export["gesprekspunten"] == scan.gesprekspunten
    assert export["vorige_scan"] is None and export["vorige_leerdoelen"] == []
    assert export["pdf_onderdelen"]["notities"] is True


def test_the_export_holds_the_follow_up_of_earlier_leerdoelen(client, npuls):
    from scans import services

    gebruiker, vorige, _ = maak_demo(npuls)
    nu = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[], vorige=vorige)
    services.bewaar_opvolging(
        scan=nu,
        opvolgingen=[services.Opvolging(1, "bereikt", "Gelukt & meer")],
        volgende="basis.kennis",
    )
    client.force_login(gebruiker)
    data = json.loads(client.get(reverse("gegevens_downloaden")).content)
    export = next(s for s in data["scans"] if s["id"] == str(nu.pk))
    assert export["vorige_scan"] == str(vorige.pk)
    assert export["vorige_leerdoelen"][0] == {
        "leerdoel": vorige.leerdoelen.get(volgorde=1).wat,
        "status": "bereikt",
        "notitie": "Gelukt & meer",
    }


def test_the_export_holds_nothing_of_anyone_else(client, npuls, andere_gebruiker):
    maak_demo(npuls)
    client.force_login(andere_gebruiker)
    data = json.loads(client.get(reverse("gegevens_downloaden")).content)
    assert data["scans"] == []
    assert "demo@zelfscan.local" not in json.dumps(data)


def test_deleting_a_scan_leaves_no_row_of_it(client, npuls, gebruiker):
    voor = _aantallen()
    _, scan, _ = maak_demo(npuls)
    client.force_login(scan.eigenaar)
    client.post(reverse("scans:verwijderen", kwargs={"scan_id": scan.pk}))
    na = _aantallen()
    for tabel in (
        "scans.Scan",
        "scans.ScanGroep",
        "scans.Antwoord",
        "scans.Notitie",
        "scans.Leerdoel",
    ):
        assert na[tabel] == voor[tabel] == 0, tabel


def test_deleting_the_account_leaves_nothing_of_it_in_any_table(client, npuls):
    voor = _aantallen()
    # failed logins and a second session of the same person, then the account goes
    client.post(reverse("login"), {"username": "demo@zelfscan.local", "password": "fout"})
    gebruiker, scan, _ = maak_demo(npuls)
    client.post(reverse("login"), {"username": "demo@zelfscan.local", "password": "nog fout"})
    from django.test import Client

    tweede = Client()
    tweede.force_login(gebruiker)
    client.force_login(gebruiker)
    assert _aantallen() != voor

    response = client.post(
        reverse("account_verwijderen"), {"wachtwoord": "demo-zelfscan-2026", "zeker": "on"}
    )
    assert response["Location"] == reverse("home")
    assert _aantallen() == {**voor, "sessions.Session": _aantallen()["sessions.Session"]}
    # the only session left is the anonymous one carrying the goodbye message
    from django.contrib.sessions.models import Session

    for sessie in Session.objects.all():
        assert "_auth_user_id" not in sessie.get_decoded()
    assert not get_user_model().objects.exists()


def test_deleting_the_account_needs_the_password_and_a_clear_yes(client, gebruiker):
    client.force_login(gebruiker)
    response = client.post(reverse("account_verwijderen"), {"wachtwoord": "fout", "zeker": "on"})
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    response = client.post(reverse("account_verwijderen"), {"wachtwoord": "Een-lang-wachtwoord-42"})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=gebruiker.pk).exists()


class _Bronnen(HTMLParser):
    """Collects every URL a page would load by itself (not links a person clicks)."""

    LADEN = {
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "audio": "src",
        "video": "src",
        "embed": "src",
        "object": "data",
        "input": "src",
        "track": "src",
    }

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag in self.LADEN and attrs.get(self.LADEN[tag]):
            self.urls.append(attrs[self.LADEN[tag]])
        if tag == "form" and attrs.get("action"):
            self.urls.append(attrs["action"])
        if "style" in attrs and "url(" in (attrs["style"] or ""):
            self.urls.append(attrs["style"])


def _pagina_urls(scan):
    urls = [
        reverse(n)
        for n in (
            "home",
            "profiel",
            "privacy",
            "scans:mijn_scans",
            "scans:nieuw",
            "mijn_gegevens",
            "account_verwijderen",
            "password_change",
        )
    ]
    urls += [
        reverse(n, kwargs={"scan_id": scan.pk}) for n in ("scans:rapport", "scans:verwijderen")
    ]
    urls += [
        reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": s.sleutel})
        for s in stappenplan(scan)
    ]
    return urls


def test_no_page_loads_anything_from_another_host(client, npuls):
    gebruiker, scan, _ = maak_demo(npuls)
    anoniem = [
        reverse(n) for n in ("home", "profiel", "privacy", "login", "registreren", "password_reset")
    ]
    gezien = 0
    for url in anoniem:
        gezien += _controleer(client, url)
    client.force_login(gebruiker)
    for url in _pagina_urls(scan):
        gezien += _controleer(client, url)
    assert gezien > 40


def _controleer(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _Bronnen()
    parser.feed(response.content.decode())
    for bron in parser.urls:
        assert bron.startswith("/") and not bron.startswith("//"), (url, bron)
    return len(parser.urls)
