"""A step page as a person sees it: nothing pre-selected, "niet van toepassing" last and
quieter, a statement with its options and the wish in one compact row at desktop width and
a list on a phone, and each thing to read said once (issue 11, "acht minuten")."""

import pytest
from playwright.sync_api import Page, expect

from competentieprofiel.models import Groep
from scans import services

# A statement on one line with its options and the wish, at 1280 px (the issue asks about 120).
HOOGSTENS_EEN_REGEL = 125


@pytest.fixture
def scan(gebruiker, profiel):
    return services.start_scan(
        eigenaar=gebruiker,
        versie=profiel,
        gebieden=[profiel.groepen.get(soort=Groep.Soort.GEBIED, sleutel="coach")],
    )


def _stap(nieuwe_pagina, url, inloggen, gebruiker, scan, stap: str, breedte: int) -> Page:
    pagina: Page = nieuwe_pagina(viewport={"width": breedte, "height": 900})
    inloggen(pagina, gebruiker.email)
    pagina.goto(url(f"/scans/{scan.pk}/stap/{stap}/"))
    return pagina


def _maten(pagina: Page) -> list[dict]:
    """Per statement: its height, its legend's height and the legend's line height."""
    return pagina.locator("fieldset.item").evaluate_all(
        """els => els.map(f => {
            const legend = f.querySelector('legend');
            return {
                hoogte: f.getBoundingClientRect().height,
                legend: legend.getBoundingClientRect().height,
                regel: parseFloat(getComputedStyle(legend).lineHeight),
            };
        })"""
    )


@pytest.mark.parametrize("stap", ["basis.vaardigheden", "coach.kennis"])
def test_a_statement_with_its_options_is_compact_at_desktop_width(
    nieuwe_pagina, url, inloggen, gebruiker, scan, stap
):
    pagina = _stap(nieuwe_pagina, url, inloggen, gebruiker, scan, stap, 1280)
    assert pagina.locator("input[type=radio]:checked").count() == 0
    eerste = pagina.locator("fieldset.item").first
    labels = eerste.locator(".schaal-optie")
    assert labels.last.inner_text() == "Niet van toepassing in mijn rol"
    assert "schaal-optie--rustig" in labels.last.get_attribute("class")

    # The options and the wish share one row: every option and the wish start at the
    # same height, the wish to the right of the quieter option.
    opties = [labels.nth(i).bounding_box() for i in range(labels.count())]
    wens = eerste.locator(".ontwikkelen").bounding_box()
    assert all(abs(o["y"] - wens["y"]) <= 1 for o in opties), (opties, wens)
    assert wens["x"] >= opties[-1]["x"] + opties[-1]["width"]

    maten = _maten(pagina)
    een_regel = [m["hoogte"] for m in maten if m["legend"] < 1.5 * m["regel"]]
    assert een_regel, "geen uitspraak op één regel"
    assert max(een_regel) <= HOOGSTENS_EEN_REGEL, een_regel
    # A longer statement wraps, fully visible, and costs just its extra line.
    for m in maten:
        regels = round(m["legend"] / m["regel"])
        assert m["hoogte"] <= HOOGSTENS_EEN_REGEL + (regels - 1) * m["regel"] + 1, maten


def test_on_a_phone_the_options_are_a_list_with_the_wish_below(
    nieuwe_pagina, url, inloggen, gebruiker, scan
):
    pagina = _stap(nieuwe_pagina, url, inloggen, gebruiker, scan, "basis.vaardigheden", 360)
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360
    eerste = pagina.locator("fieldset.item").first
    opties = [
        eerste.locator(".schaal-optie").nth(i).bounding_box()
        for i in range(eerste.locator(".schaal-optie").count())
    ]
    assert len({round(o["x"]) for o in opties}) == 1  # one under the other
    assert all(o["height"] >= 36 for o in opties)  # still easy to tap
    wens = eerste.locator(".ontwikkelen").bounding_box()
    assert wens["y"] >= opties[-1]["y"] + opties[-1]["height"]
    # The statement itself is never cut off.
    legend = eerste.locator("legend")
    assert legend.evaluate("l => l.scrollHeight <= l.clientHeight + 1")


def test_a_groups_description_is_open_on_its_first_page_and_folded_on_the_next(
    nieuwe_pagina, url, inloggen, gebruiker, scan, profiel
):
    basis = profiel.groepen.get(sleutel="basis").korte_beschrijving
    coach = profiel.groepen.get(sleutel="coach").korte_beschrijving
    pagina = _stap(nieuwe_pagina, url, inloggen, gebruiker, scan, "basis.kennis", 1280)
    expect(pagina.locator("main .groepsuitleg")).to_have_text(basis)
    assert pagina.locator("main details").count() == 0
    # The scale is explained here, once: the question, what to do when in doubt.
    uitleg = pagina.locator("main .uitleg")
    expect(uitleg).to_contain_text("Hoe herken je dit in je werk?")
    expect(uitleg).to_contain_text("geen goede of foute antwoorden")

    pagina.goto(url(f"/scans/{scan.pk}/stap/basis.vaardigheden/"))
    uitklap = pagina.locator("main details.groepsuitleg")
    expect(uitklap).to_have_count(1)
    assert uitklap.get_attribute("open") is None
    samenvatting = uitklap.locator("summary")
    expect(samenvatting).to_have_text("Waar gaat dit over?")
    expect(uitklap.get_by_text(basis)).to_be_hidden()
    assert pagina.locator("main .uitleg").count() == 0
    expect(pagina.locator("main")).not_to_contain_text("Hoe herken je dit in je werk?")
    # Opened with the keyboard, it shows the same text (no JavaScript involved).
    samenvatting.focus()
    pagina.keyboard.press("Enter")
    expect(uitklap.get_by_text(basis)).to_be_visible()

    pagina.goto(url(f"/scans/{scan.pk}/stap/coach.kennis/"))
    expect(pagina.locator("main .groepsuitleg")).to_have_text(coach)
    assert pagina.locator("main details").count() == 0
    pagina.goto(url(f"/scans/{scan.pk}/stap/coach.attitude/"))
    assert pagina.locator("main details.groepsuitleg").get_attribute("open") is None


def test_the_folded_description_opens_without_javascript(
    nieuwe_pagina, url, inloggen, gebruiker, scan, profiel
):
    pagina: Page = nieuwe_pagina(java_script_enabled=False)
    inloggen(pagina, gebruiker.email)
    pagina.goto(url(f"/scans/{scan.pk}/stap/basis.attitude/"))
    basis = profiel.groepen.get(sleutel="basis").korte_beschrijving
    uitklap = pagina.locator("main details.groepsuitleg")
    expect(uitklap.get_by_text(basis)).to_be_hidden()
    uitklap.locator("summary").click()
    expect(uitklap.get_by_text(basis)).to_be_visible()


@pytest.mark.parametrize("breedte", [1280, 1600])
def test_the_header_and_the_text_keep_their_place_between_step_and_other_pages(
    nieuwe_pagina, url, inloggen, gebruiker, scan, breedte
):
    # The item steps are wider than the other pages; the header and the left edge of the
    # text stay where they are when a person walks from one to the other.
    pagina = _stap(nieuwe_pagina, url, inloggen, gebruiker, scan, "basis.kennis", breedte)
    posities = []
    for pad in (
        f"/scans/{scan.pk}/stap/basis.kennis/",
        f"/scans/{scan.pk}/stap/leerdoelen/",
        "/scans/nieuw/",
    ):
        pagina.goto(url(pad))
        posities.append(
            pagina.evaluate(
                """() => [
                    document.querySelector('.site-naam').getBoundingClientRect().left,
                    document.querySelector('.site-header nav').getBoundingClientRect().right,
                    document.querySelector('main h1').getBoundingClientRect().left,
                ]"""
            )
        )
    assert posities[0] == posities[1] == posities[2], posities
    # The header's own text is at the left edge of the page's text.
    assert posities[0][0] == posities[0][2]
