"""Every netwerk page through axe-core (WCAG 2.1 AA), our own heading and error checks and
reflow at 320 and 640 px, in both languages; the same audit as the scan's pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import Page

from accounts import services as accounts_services
from netwerk.demo import maak_demo_netwerk
from netwerk.models import Netwerk

from .test_toegankelijkheid import Keuring, sessiekoekje

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_netwerk(profiel):
    """The demo netwerk (six people, counts visible) and a netwerk the demo person is not in."""
    from scans.demo import maak_demo

    gebruiker, _, _ = maak_demo(profiel)
    netwerk, _ = maak_demo_netwerk(profiel)
    ander = accounts_services.registreer(
        email="ander@example.nl", wachtwoord="Een-lang-wachtwoord-42"
    )
    from netwerk import services as netwerk_services

    uitnodiging = netwerk_services.maak_netwerk(
        maker=ander, naam="Learning designers", beschrijving="Elke maand samen.", versie=profiel
    ).uitnodiging
    return gebruiker, netwerk, uitnodiging


def keur_netwerk(pagina: Page, basis: str, taal: str, gebruiker, netwerk: Netwerk, uitnodiging):
    k = Keuring(pagina, basis, taal)
    pagina.context.add_cookies(
        [
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": taal, "url": basis},
            sessiekoekje(gebruiker, basis),
        ]
    )
    n = f"/netwerken/{netwerk.pk}/"
    for naam, pad in [
        ("netwerken", "/netwerken/"),
        ("nieuw netwerk", "/netwerken/nieuw/"),
        ("meedoen", f"/netwerken/doe-mee/{uitnodiging}/"),
        ("kaart", n),
        ("mijn bijdrage", f"{n}mijn-bijdrage/"),
        ("mijn bijdrage, uit de scan", f"{n}mijn-bijdrage/?uit_scan=1"),
        ("uitnodigen", f"{n}uitnodigen/"),
        ("verlaten", f"{n}verlaten/"),
        ("sluiten", f"{n}sluiten/"),
    ]:
        k.open_en_keur(naam, pad)
    k.open_en_keur("oude uitnodiging", "/netwerken/doe-mee/bestaat-niet/", status=404)

    # Forms with errors: the page comes back with a summary; nothing is saved.
    k.open("/netwerken/nieuw/")
    pagina.locator("#id_naam").fill("x" * 121)
    pagina.locator("main form button[type=submit]").click()
    k.keur("nieuw netwerk, met fout")
    k.open(f"{n}mijn-bijdrage/")
    pagina.locator("#id_naam").fill("")
    pagina.locator("input[name^=benader_]").first.check()
    pagina.locator("main form[method=post] button[type=submit]").click()
    k.keur("mijn bijdrage, met fout")
    return k


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_every_netwerk_page_passes_axe_and_reflows_in_both_languages(
    taal, nieuwe_pagina, url, demo_netwerk
):
    gebruiker, netwerk, uitnodiging = demo_netwerk
    pagina = nieuwe_pagina(bypass_csp=True)
    keuring = keur_netwerk(pagina, url("").rstrip("/"), taal, gebruiker, netwerk, uitnodiging)
    assert len(keuring.gekeurd) == 12
    assert not keuring.problemen, "\n".join(keuring.problemen)
