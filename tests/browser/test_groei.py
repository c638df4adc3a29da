"""Growth over time in the browser: finish a scan, start a new one from it, reflect on an
earlier leerdoel, and find "Sinds je vorige scan" in the report."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scans import services
from scans.models import Scan
from scans.stappen import ITEMS, stappenplan

pytestmark = pytest.mark.browser

LEERDOEL = "Vaker een behoefteanalyse doen met een team."


def _afgeronde_scan(profiel, gebruiker) -> Scan:
    scan = services.start_scan(
        eigenaar=gebruiker,
        versie=profiel,
        gebieden=[profiel.groepen.get(sleutel="coach")],
        functie="i-coach",
        sector="mbo",
    )
    bezig = profiel.schaalopties.get(sleutel="bezig")
    for stap in stappenplan(scan):
        if stap.soort == ITEMS:
            services.bewaar_itemstap(
                scan=scan,
                stap=stap,
                keuzes=[services.ItemKeuze(i, bezig.pk, False) for i in stap.item_ids],
                notitie=None,
                volgende=stap.sleutel,
            )
    services.bewaar_leerdoelen(
        scan=scan, leerdoelen=[{"wat": LEERDOEL}], gesprekspunten="", volgende="leerdoelen"
    )
    services.rond_af(scan=scan)
    return scan


def test_a_new_scan_from_an_earlier_one_reflects_on_its_leerdoel_and_compares(
    pagina, url, profiel, gebruiker, inloggen
):
    vorige = _afgeronde_scan(profiel, gebruiker)
    inloggen(pagina, gebruiker.email)

    pagina.get_by_role("link", name="Nieuwe scan vanaf deze").click()
    expect(
        pagina.get_by_role("heading", name="Verder vanaf je scan van", exact=False)
    ).to_be_visible()
    expect(pagina.get_by_text(LEERDOEL)).to_be_visible()
    expect(
        pagina.get_by_role("checkbox", name="Begeleiden professionele ontwikkeling", exact=False)
    ).to_be_checked()
    expect(pagina.get_by_label("Je functie (mag je leeg laten)")).to_have_value("i-coach")
    pagina.get_by_role("button", name="Begin met de scan").click()

    # First step: what became of the earlier leerdoel.
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Je vorige leerdoelen")
    leerdoel = pagina.get_by_role("group", name=LEERDOEL)
    leerdoel.get_by_role("radio", name="Mee bezig").check()
    leerdoel.get_by_label("Wil je er iets over kwijt? (mag je leeg laten)").fill(
        "Twee keer gedaan, met het team Zorg & Welzijn."
    )
    pagina.get_by_role("button", name="Bewaren en verder").click()

    # A fresh look: the answers of the earlier scan are not filled in.
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Basiscompetenties: kennis")
    expect(pagina.get_by_role("radio", name="Hier ben ik mee bezig").first).not_to_be_checked()
    eerste = pagina.get_by_role("group").first
    eerste.get_by_role("radio", name="Dit herken ik in mijn werk").check()
    eerste.get_by_role("checkbox", name="Hier wil ik me verder in ontwikkelen").check()
    pagina.get_by_role("button", name="Bewaren, later verder").click()

    nieuw = Scan.objects.exclude(pk=vorige.pk).get()
    pagina.goto(url(f"/scans/{nieuw.pk}/rapport/"))
    sectie = pagina.locator("section.sinds-vorige")
    expect(sectie.get_by_role("heading", name="Sinds je vorige scan")).to_be_visible()
    expect(sectie.get_by_text("Twee keer gedaan, met het team Zorg & Welzijn.")).to_be_visible()
    expect(sectie.locator("ul.opvolgingen li")).to_contain_text(f"{LEERDOEL} · mee bezig")
    expect(
        sectie.get_by_text("eerst: Hier ben ik mee bezig; nu: Dit herken ik in mijn werk")
    ).to_be_visible()
    expect(sectie.get_by_text("Meer vanzelfsprekend geworden")).to_be_visible()
    expect(sectie.get_by_text("Nieuw als ontwikkelwens")).to_be_visible()
