"""Two browser windows on one step: saving the older one loses nothing saved in the other,
and a note written in both keeps both texts."""

from playwright.sync_api import Page

from competentieprofiel.models import Groep
from scans import services
from scans.models import Antwoord, Notitie


def test_twee_vensters_op_een_stap_verliezen_niets(
    nieuwe_pagina, url, inloggen, gebruiker, profiel
):
    scan = services.start_scan(
        eigenaar=gebruiker,
        versie=profiel,
        gebieden=[profiel.groepen.get(soort=Groep.Soort.GEBIED, sleutel="coach")],
    )
    stap_url = url(f"/scans/{scan.pk}/stap/basis.kennis/")
    a: Page = nieuwe_pagina()
    b: Page = nieuwe_pagina()
    for venster in (a, b):
        inloggen(venster, gebruiker.email)
        venster.goto(stap_url)

    uitspraken = a.locator("fieldset.item")
    aantal = uitspraken.count()
    assert aantal >= 3
    for i in range(aantal):
        uitspraken.nth(i).get_by_label("Dit herken ik in mijn werk", exact=True).check()
    uitspraken.nth(0).get_by_label("Hier wil ik me verder in ontwikkelen").check()
    a.locator("textarea[name=notitie]").fill("Voorbeeld uit venster A")
    a.get_by_role("button", name="Bewaren en verder").click()
    a.wait_for_load_state()

    # Window B still shows the empty page: one statement and its own note.
    b.locator("fieldset.item").nth(1).get_by_label("Hier ben ik mee bezig", exact=True).check()
    b.locator("textarea[name=notitie]").fill("Gedachte uit venster B")
    b.get_by_role("button", name="Bewaren en verder").click()
    b.wait_for_load_state()

    assert b.get_by_text("beide teksten staan er nu").is_visible()
    notitie = b.locator("textarea[name=notitie]").input_value()
    assert notitie.index("Gedachte uit venster B") < notitie.index("Voorbeeld uit venster A")

    antwoorden = sorted(
        Antwoord.objects.filter(scan=scan).select_related("optie"), key=lambda x: x.item_id
    )
    assert [x.optie.sleutel for x in antwoorden] == ["herken", "bezig"] + ["herken"] * (aantal - 2)
    assert antwoorden[0].ontwikkelen
    tekst = Notitie.objects.get(scan=scan, groep__sleutel="basis").tekst
    assert "Voorbeeld uit venster A" in tekst and "Gedachte uit venster B" in tekst
