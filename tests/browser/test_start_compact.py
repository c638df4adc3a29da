"""The start page as a person sees it (issue 11, "acht minuten"): read in about a minute,
every gebied one big card to tap, at phone and desktop width, without JavaScript too."""

from playwright.sync_api import Page, expect

from competentieprofiel.models import Groep

# What the journey model reads (bench/reistijd.py): the visible lines of <main>, each once;
# closed <details> are not rendered, text for screen readers only is not seen.
REGELS_JS = """
() => {
  const main = document.querySelector('main');
  main.querySelectorAll('.visually-hidden').forEach(e => { e.style.display = 'none'; });
  return main.innerText.split('\\n').map(r => r.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}
"""
# 150 words are 39 s at 230 words a minute; the page used to hold 624 (about 167 s).
START_WOORDEN = 150


def _woorden(regels: list[str]) -> int:
    return sum(
        sum(1 for deel in regel.split() if any(c.isalnum() for c in deel))
        for regel in dict.fromkeys(regels)
    )


def test_de_startpagina_leest_in_een_minuut_en_elke_kaart_is_een_grote_knop(
    nieuwe_pagina, url, inloggen, gebruiker, profiel
):
    coach = profiel.groepen.get(soort=Groep.Soort.GEBIED, sleutel="coach")
    for breedte in (360, 1280):
        pagina: Page = nieuwe_pagina(viewport={"width": breedte, "height": 900})
        inloggen(pagina, gebruiker.email)
        pagina.goto(url("/scans/nieuw/"))
        assert _woorden(pagina.evaluate(REGELS_JS)) <= START_WOORDEN
        # Nothing runs off the side of a phone.
        assert pagina.evaluate("document.documentElement.scrollWidth") <= breedte

        vakje = pagina.get_by_role("checkbox", name=coach.titel)
        expect(vakje).not_to_be_checked()
        kaart = pagina.locator("label.keuzekaart--kies", has=vakje)
        assert kaart.bounding_box()["height"] >= 44
        # A tap anywhere on the card, here on its one line, ticks the box; again unticks.
        kaart.locator(".kaarttitel").click()
        expect(vakje).to_be_checked()
        kaart.locator(".kaarttijd").click()
        expect(vakje).not_to_be_checked()
        # With the keyboard: the card shows where the focus is, the space bar ticks.
        vakje.focus()
        assert kaart.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
        pagina.keyboard.press("Space")
        expect(vakje).to_be_checked()


def test_zonder_javascript_kies_je_een_kaart_en_begint_de_scan(
    nieuwe_pagina, url, inloggen, gebruiker, profiel
):
    from scans.models import Scan

    pagina: Page = nieuwe_pagina(java_script_enabled=False, viewport={"width": 360, "height": 800})
    inloggen(pagina, gebruiker.email)
    pagina.goto(url("/scans/nieuw/"))
    pagina.locator(
        "label.keuzekaart--kies", has_text="Begeleiden professionele ontwikkeling"
    ).click()
    pagina.get_by_role("button", name="Begin met de scan").click()
    pagina.wait_for_url("**/stap/**")
    scan = Scan.objects.get(eigenaar=gebruiker)
    assert [g.sleutel for g in scan.gekozen_gebieden] == ["coach"]


def test_vanaf_een_eerdere_scan_neem_je_je_antwoorden_mee_met_een_tik(
    nieuwe_pagina, url, inloggen, gebruiker, profiel
):
    from scans import services
    from scans.stappen import stappenplan

    eerder = services.start_scan(eigenaar=gebruiker, versie=profiel, gebieden=[])
    stap = stappenplan(eerder).zoek("basis.kennis")
    herken = profiel.schaalopties.get(sleutel="herken")
    services.bewaar_itemstap(
        scan=eerder,
        stap=stap,
        notitie=None,
        volgende=stap.sleutel,
        keuzes=[services.ItemKeuze(stap.item_ids[0], herken.pk, True)],
    )
    services.rond_af(scan=eerder)

    pagina: Page = nieuwe_pagina(viewport={"width": 360, "height": 800})
    inloggen(pagina, gebruiker.email)
    pagina.goto(url(f"/scans/nieuw/?vanaf={eerder.pk}"))
    meenemen = pagina.get_by_role("checkbox", name="Neem je vorige antwoorden mee", exact=False)
    expect(meenemen).not_to_be_checked()
    pagina.get_by_text("Liever een frisse blik?").click()  # the card is the label
    expect(meenemen).to_be_checked()
    pagina.get_by_role("button", name="Begin met de scan").click()
    pagina.wait_for_url("**/stap/basis.kennis/")
    eerste = pagina.locator("fieldset.item").first
    expect(eerste.locator("input[type=radio][value=herken]")).to_be_checked()
    expect(eerste.locator("input[type=checkbox]")).to_be_checked()
    expect(pagina.locator("input[type=radio]:checked")).to_have_count(1)
