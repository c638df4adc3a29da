"""Privacy by design: export everything, delete everything, load nothing from elsewhere."""

from html.parser import HTMLParser

from django.apps import apps
from django.urls import reverse

from scans.demo import maak_demo
from scans.stappen import stappenplan


def _aantallen() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


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
