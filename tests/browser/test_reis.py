"""Whole journeys through the scan in headless Chromium: with JavaScript, without it, and on
a 360-pixel-wide phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from competentieprofiel.models import Groep, Item
from scans import services
from scans.models import Antwoord, Leerdoel, Notitie, Scan, ScanGroep
from scans.stappen import ITEMS, stappenplan

from .conftest import WACHTWOORD

pytestmark = pytest.mark.browser

# A note with what people really type: diacritics, curly quotes, an ampersand, and
# something that looks like markup but must stay text.
NOTITIE = "Met collega’s van Zorg & Welzijn deelde ik ideeën over ‘leren’; <b>niet vet</b>."
GESPREKSPUNTEN = "Tijd om mee te kijken bij een behoefteanalyse.\nWie in het team doet dit al?"
LEERDOEL = {
    "Wat wil je leren of ontwikkelen?": "Een behoefteanalyse opzetten met een opleidingsteam.",
    "Waarom is dat belangrijk voor je?": "Dan sluit mijn advies beter aan bij docenten.",
    "Wat is een eerste, kleine stap?": "Meekijken bij de analyse van een collega.",
    "Wie of wat kan je daarbij helpen?": "Mijn collega-adviseur.",
    "Wanneer zou je ermee aan de slag willen?": "Na de zomer",
}

HERKEN = "Dit herken ik in mijn werk"
BEZIG = "Hier ben ik mee bezig"
VANZELF = "Dit is een vanzelfsprekend deel van mijn werk"
NVT = "Niet van toepassing in mijn rol"
ONTWIKKELEN = "Hier wil ik me verder in ontwikkelen"

SCAN_URL = re.compile(r"/scans/(?P<id>[0-9a-f-]{36})/stap/(?P<stap>[^/]+)/$")


def item_teksten(versie, groep: str, categorie: str) -> list[str]:
    return list(
        Item.objects.filter(
            groep__versie=versie, groep__sleutel=groep, categorie__sleutel=categorie
        )
        .order_by("volgorde")
        .values_list("tekst", flat=True)
    )


def titel(versie, groep: str) -> str:
    return Groep.objects.get(versie=versie, sleutel=groep).titel


def stapnaam(versie, groep: str) -> str:
    """How a step heading names a group: by its role name ("Coach: kennis"), else its title."""
    g = Groep.objects.get(versie=versie, sleutel=groep)
    return g.rolnaam[:1].upper() + g.rolnaam[1:] if g.rolnaam else g.titel


def item(pagina: Page, tekst: str):
    """The fieldset of one statement on a step page, found by its text."""
    return pagina.get_by_role("group", name=tekst, exact=True)


def verwacht_stap(pagina: Page, nummer: int, totaal: int, kop: str) -> None:
    expect(pagina.locator(".voortgang")).to_have_text(f"Stap {nummer} van {totaal}")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(kop)


def bewaar(pagina: Page, knop: str) -> None:
    pagina.get_by_role("button", name=knop, exact=True).click()


def registreer(pagina: Page, url, email: str, naam: str = "") -> None:
    pagina.goto(url("/"))
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Account maken"
    ).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Account maken")
    pagina.get_by_label("E-mailadres").fill(email)
    pagina.get_by_role("textbox", name="Wachtwoord", exact=True).fill(WACHTWOORD)
    pagina.get_by_role("button", name="Account maken").click()
    pagina.wait_for_url(url("/scans/nieuw/"))
    expect(pagina.get_by_text("Welkom! Je account is klaar.")).to_be_visible()
    if naam:  # not asked at registration: whoever wants it on the report sets it here
        pagina.get_by_role("link", name="Mijn gegevens").click()
        pagina.get_by_label("Naam (mag je leeg laten)").fill(naam)
        pagina.get_by_role("button", name="Naam bewaren").click()
        expect(pagina.get_by_text("Je naam is aangepast.")).to_be_visible()
        pagina.goto(url("/scans/nieuw/"))


def scan_id(pagina: Page) -> str:
    gevonden = SCAN_URL.search(pagina.url)
    assert gevonden, pagina.url
    return gevonden["id"]


def test_de_hele_reis_van_account_tot_verwijderde_scan(pagina: Page, url, inloggen, profiel):
    brug, coach = titel(profiel, "bruggenbouwer"), titel(profiel, "coach")
    basis = titel(profiel, "basis")
    kennis = item_teksten(profiel, "basis", "kennis")
    vaardigheden = item_teksten(profiel, "basis", "vaardigheden")
    brug_kennis = item_teksten(profiel, "bruggenbouwer", "kennis")
    brug_kop, coach_kop = stapnaam(profiel, "bruggenbouwer"), stapnaam(profiel, "coach")
    stappen = [
        f"{basis}: kennis",
        f"{basis}: vaardigheden",
        f"{basis}: attitude",
        f"{brug_kop}: kennis",
        f"{brug_kop}: vaardigheden",
        f"{brug_kop}: attitude",
        f"{brug_kop}: jouw label",
        f"{coach_kop}: kennis",
        f"{coach_kop}: vaardigheden",
        f"{coach_kop}: attitude",
        f"{coach_kop}: jouw label",
        "Leerdoelen en gesprekspunten",
    ]
    totaal = len(stappen)

    # An account, then the start page: two gebieden and the optional labels.
    registreer(pagina, url, "sanne@example.nl", naam="Sanne Ëlzinga")
    pagina.get_by_label(brug).check()
    pagina.get_by_label(coach).check()
    pagina.get_by_label("Ja, ik wil per gebied zelf een reflectielabel kiezen").check()
    pagina.get_by_role("button", name="Begin met de scan").click()

    # Step 1: a few answers, one development wish, a note in the person's own words.
    verwacht_stap(pagina, 1, totaal, stappen[0])
    id_ = scan_id(pagina)
    item(pagina, kennis[0]).get_by_label(HERKEN).check()
    item(pagina, kennis[1]).get_by_label(BEZIG).check()
    item(pagina, kennis[1]).get_by_label(ONTWIKKELEN).check()
    item(pagina, kennis[2]).get_by_label(NVT).check()
    pagina.get_by_label("Jouw voorbeeld of gedachte").fill(NOTITIE)
    bewaar(pagina, "Bewaren en verder")

    # Step 2: one answer, then stop for now.
    verwacht_stap(pagina, 2, totaal, stappen[1])
    item(pagina, vaardigheden[0]).get_by_label(VANZELF).check()
    bewaar(pagina, "Bewaren, later verder")
    pagina.wait_for_url(url("/scans/"))
    expect(pagina.get_by_text("Je antwoorden zijn bewaard.")).to_be_visible()
    scan = Scan.objects.get(pk=id_)
    assert scan.huidige_stap == "basis.vaardigheden"
    assert (
        Notitie.objects.get(scan=scan, groep__sleutel="basis", categorie__sleutel="kennis").tekst
        == NOTITIE
    )

    # Leave, come back, and go on exactly where we were.
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.wait_for_url(url("/"))
    menu = pagina.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Inloggen")).to_be_visible()
    inloggen(pagina, "sanne@example.nl")
    pagina.get_by_role("link", name="Verder waar je was").click()
    verwacht_stap(pagina, 2, totaal, stappen[1])
    expect(item(pagina, vaardigheden[0]).get_by_label(VANZELF)).to_be_checked()

    # Nothing on step 1 was lost.
    bewaar(pagina, "Bewaren en terug")
    verwacht_stap(pagina, 1, totaal, stappen[0])
    expect(item(pagina, kennis[0]).get_by_label(HERKEN)).to_be_checked()
    expect(item(pagina, kennis[0]).get_by_label(ONTWIKKELEN)).not_to_be_checked()
    expect(item(pagina, kennis[1]).get_by_label(BEZIG)).to_be_checked()
    expect(item(pagina, kennis[1]).get_by_label(ONTWIKKELEN)).to_be_checked()
    expect(item(pagina, kennis[2]).get_by_label(NVT)).to_be_checked()
    for tekst in kennis[3:]:
        expect(item(pagina, tekst).locator("input[type=radio]:checked")).to_have_count(0)
    expect(pagina.get_by_label("Jouw voorbeeld of gedachte")).to_have_value(NOTITIE)

    # On through every step; the progress line follows the list of steps.
    bewaar(pagina, "Bewaren en verder")
    for nummer in range(2, totaal):
        verwacht_stap(pagina, nummer, totaal, stappen[nummer - 1])
        if stappen[nummer - 1] == f"{brug_kop}: kennis":
            item(pagina, brug_kennis[0]).get_by_label(HERKEN).check()
        if stappen[nummer - 1] == f"{brug_kop}: jouw label":
            expect(pagina.get_by_text("wij berekenen niets uit je antwoorden")).to_be_visible()
            pagina.get_by_label("Gevorderd").check()
        bewaar(pagina, "Bewaren en verder")

    # The leerdoelen step looks back first: the label and the development wish, which one
    # click turns into leerdoel 1, its words still the person's to change.
    verwacht_stap(pagina, totaal, totaal, "Leerdoelen en gesprekspunten")
    terugblik_brug = pagina.get_by_role("region", name=brug)
    expect(terugblik_brug).to_contain_text("Je koos voor jezelf het label Gevorderd.")
    wensen = pagina.locator(".wensen li")
    expect(wensen).to_have_count(1)
    expect(wensen.locator("span")).to_have_text(kennis[1])
    pagina.get_by_label("Wat wil je bespreken in je loopbaangesprek?").fill(GESPREKSPUNTEN)
    wensen.get_by_role("button", name="Maak er een leerdoel van").click()
    pagina.wait_for_url(url(f"/scans/{id_}/stap/leerdoelen/#leerdoel-1"))
    eerste = pagina.get_by_role("group", name="Leerdoel 1", exact=True)
    expect(eerste.get_by_label("Wat wil je leren of ontwikkelen?")).to_have_value(kennis[1])
    expect(pagina.get_by_label("Wat wil je bespreken in je loopbaangesprek?")).to_have_value(
        GESPREKSPUNTEN
    )
    expect(wensen).to_contain_text("staat bij leerdoel 1")
    eerste.get_by_text("Meer: waarom, wie of wat helpt, wanneer").click()
    for vraag, antwoord in LEERDOEL.items():
        eerste.get_by_label(vraag).fill(antwoord)
    pagina.get_by_label("Wat wil je bespreken in je loopbaangesprek?").fill(GESPREKSPUNTEN)
    bewaar(pagina, "Bewaren en rapport bekijken")

    pagina.wait_for_url(url(f"/scans/{id_}/rapport/"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Ontwikkelrapport")
    expect(pagina.locator(".tussenstand")).to_have_count(0)
    kop = pagina.locator(".kopgegevens")
    expect(kop).to_contain_text("Sanne Ëlzinga")

    # The gesprekskaart comes first: the leerdoel in full, the wish, the gesprekspunten.
    kaart = pagina.locator("section.gesprekskaart")
    leerdoel = kaart.locator(".kaart-leerdoelen li")
    expect(leerdoel).to_have_count(1)
    for antwoord in LEERDOEL.values():
        expect(leerdoel).to_contain_text(antwoord)
    # The wish became the leerdoel: it is not listed a second time.
    expect(kaart.locator(".kaart-wensen li")).to_have_count(0)
    expect(kaart.locator(".kaart-wensen")).to_contain_text("als je leerdoelen")

    # The note is shown as the person typed it: the <b> is text, not markup.
    eigen_woorden = pagina.locator("#rapport-basis .eigen-woorden blockquote")
    expect(eigen_woorden).to_have_text(NOTITIE)
    expect(pagina.locator("#rapport-basis .eigen-woorden b")).to_have_count(0)

    # The labels as chosen: one per gebied, or none.
    expect(pagina.locator("#rapport-bruggenbouwer .eigen-label")).to_contain_text(
        "Jouw eigen label: Gevorderd"
    )
    expect(pagina.locator("#rapport-coach .eigen-label")).to_have_text("Je koos hier geen label.")

    # Answers grouped by what the person chose, most familiar first, open ones last.
    blokken = pagina.locator("#rapport-basis .antwoordblok")
    expect(blokken.locator("h3")).to_have_text([VANZELF, HERKEN, BEZIG, NVT, "Nog open"])
    expect(blokken.filter(has_text=VANZELF).locator("li")).to_have_text([vaardigheden[0]])
    expect(blokken.filter(has_text=HERKEN).locator("li")).to_have_text([kennis[0]])
    expect(blokken.filter(has_text=BEZIG).locator("li")).to_have_text(
        [f"{kennis[1]} wil ik ontwikkelen"]
    )
    expect(blokken.filter(has_text=NVT).locator("li")).to_have_text([kennis[2]])
    expect(
        pagina.locator("#rapport-bruggenbouwer .antwoordblok").filter(has_text=HERKEN).locator("li")
    ).to_have_text([brug_kennis[0]])
    # Gesprekspunten keep their line break.
    gesprek = kaart.locator(".kaart-gesprekspunten blockquote")
    expect(gesprek).to_have_text(GESPREKSPUNTEN, use_inner_text=True)

    # Delete it: asked once, then gone, from the screen and from the database.
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn scans"
    ).click()
    pagina.wait_for_url(url("/scans/"))
    expect(pagina.locator(".scankaart")).to_have_count(1)
    pagina.get_by_role("link", name="Verwijderen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Deze scan verwijderen?")
    pagina.get_by_role("button", name="Ja, verwijder deze scan").click()
    pagina.wait_for_url(url("/scans/"))
    expect(pagina.get_by_text("Je scan is verwijderd, met alles wat erin stond.")).to_be_visible()
    expect(pagina.locator(".scankaart")).to_have_count(0)
    assert not Scan.objects.filter(pk=id_).exists()
    for model in (Antwoord, Notitie, Leerdoel, ScanGroep):
        assert not model.objects.filter(scan_id=id_).exists(), model.__name__


def test_de_scan_werkt_zonder_javascript(nieuwe_pagina, url, profiel):
    pagina = nieuwe_pagina(java_script_enabled=False)
    gebied = titel(profiel, "didacticus")
    basis = titel(profiel, "basis")
    kennis = item_teksten(profiel, "basis", "kennis")

    registreer(pagina, url, "joost@example.nl")
    pagina.get_by_label(gebied).check()
    pagina.get_by_role("button", name="Begin met de scan").click()
    # Basis and one gebied in kennis, vaardigheden and attitude; leerdoelen.
    totaal = 7
    verwacht_stap(pagina, 1, totaal, f"{basis}: kennis")
    item(pagina, kennis[0]).get_by_label(BEZIG).check()
    item(pagina, kennis[0]).get_by_label(ONTWIKKELEN).check()
    pagina.get_by_label("Jouw voorbeeld of gedachte").fill(NOTITIE)
    bewaar(pagina, "Bewaren en verder")

    verwacht_stap(pagina, 2, totaal, f"{basis}: vaardigheden")
    bewaar(pagina, "Bewaren en terug")
    verwacht_stap(pagina, 1, totaal, f"{basis}: kennis")
    expect(item(pagina, kennis[0]).get_by_label(BEZIG)).to_be_checked()
    expect(item(pagina, kennis[0]).get_by_label(ONTWIKKELEN)).to_be_checked()
    expect(pagina.get_by_label("Jouw voorbeeld of gedachte")).to_have_value(NOTITIE)

    for nummer in range(1, totaal):
        expect(pagina.locator(".voortgang")).to_have_text(f"Stap {nummer} van {totaal}")
        bewaar(pagina, "Bewaren en verder")
    verwacht_stap(pagina, totaal, totaal, "Leerdoelen en gesprekspunten")
    # Without JavaScript too, a wish becomes a leerdoel with one button, and what was
    # typed before stays.
    eerste = pagina.get_by_role("group", name="Leerdoel 1", exact=True)
    eerste.get_by_label("Wat wil je leren of ontwikkelen?").fill(
        "Vaker samen met docenten een les ontwerpen."
    )
    pagina.locator(".wensen li").filter(has_text=kennis[0]).get_by_role("button").click()
    expect(eerste.get_by_label("Wat wil je leren of ontwikkelen?")).to_have_value(
        "Vaker samen met docenten een les ontwerpen."
    )
    tweede = pagina.get_by_role("group", name=re.compile("^Leerdoel 2"))
    expect(tweede.get_by_label("Wat wil je leren of ontwikkelen?")).to_have_value(kennis[0])
    tweede.get_by_label("Wat is een eerste, kleine stap?").fill("Een collega vragen.")
    bewaar(pagina, "Bewaren en rapport bekijken")

    expect(pagina.get_by_role("heading", level=1)).to_have_text("Ontwikkelrapport")
    expect(pagina.locator(".gesprekskaart .kaart-leerdoelen")).to_contain_text(
        "Vaker samen met docenten een les ontwerpen."
    )
    expect(pagina.locator("#rapport-basis .eigen-woorden blockquote")).to_have_text(NOTITIE)
    expect(
        pagina.locator("#rapport-basis .antwoordblok").filter(has_text=BEZIG).locator("li")
    ).to_have_text([f"{kennis[0]} wil ik ontwikkelen"])
    assert Scan.objects.get(eigenaar__email="joost@example.nl").is_afgerond


@pytest.fixture
def scan_met_antwoorden(profiel, gebruiker):
    """A scan on basis and one gebied with labels, a few answers and a long note."""
    scan = services.start_scan(
        eigenaar=gebruiker,
        versie=profiel,
        gebieden=[Groep.objects.get(versie=profiel, sleutel="adviseur")],
        labels_aan=True,
    )
    opties = list(profiel.schaalopties.all())
    for stap in stappenplan(scan):
        if stap.soort != ITEMS:
            continue
        services.bewaar_itemstap(
            scan=scan,
            stap=stap,
            keuzes=[
                services.ItemKeuze(
                    item_id=i, optie_id=opties[n % len(opties)].pk, ontwikkelen=n == 0
                )
                for n, i in enumerate(stap.item_ids)
            ],
            # One long unbreakable word, as when someone pastes a link.
            notitie="Zie https://example.nl/" + "heel-lang-pad-zonder-spaties-" * 6,
            volgende=stap.sleutel,
        )
    return scan


def geen_horizontaal_scrollen(pagina: Page, breedte: int) -> None:
    # The stylesheet is there (otherwise there is nothing to measure).
    assert pagina.evaluate("document.styleSheets[0].cssRules.length") > 0
    scrollbreedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert scrollbreedte <= breedte, f"{pagina.url} is {scrollbreedte}px breed"


def alle_keuzes_bereikbaar(pagina: Page, breedte: int) -> int:
    """Every radio button and checkbox can be seen, lies within the screen, and takes a tap."""
    keuzes = pagina.locator("main input[type=radio], main input[type=checkbox]")
    aantal = keuzes.count()
    assert aantal > 0
    for keuze in keuzes.all():
        keuze.scroll_into_view_if_needed()
        vak = keuze.bounding_box()
        assert vak and vak["x"] >= 0 and vak["x"] + vak["width"] <= breedte, vak
        keuze.check()
        expect(keuze).to_be_checked()
    return aantal


def test_op_een_smal_scherm_past_alles_en_is_elke_keuze_bereikbaar(
    nieuwe_pagina, url, inloggen, gebruiker, scan_met_antwoorden
):
    breedte = 360
    pagina = nieuwe_pagina(viewport={"width": breedte, "height": 740})
    inloggen(pagina, gebruiker.email)
    id_ = scan_met_antwoorden.pk

    for stap in ("basis.kennis", "label.adviseur", "leerdoelen"):
        pagina.goto(url(f"/scans/{id_}/stap/{stap}/"))
        expect(pagina.locator(".voortgang")).to_be_visible()
        geen_horizontaal_scrollen(pagina, breedte)
        if stap != "leerdoelen":
            alle_keuzes_bereikbaar(pagina, breedte)
            geen_horizontaal_scrollen(pagina, breedte)

    pagina.goto(url(f"/scans/{id_}/rapport/"))
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Ontwikkelrapport")
    expect(pagina.locator("#rapport-basis .eigen-woorden blockquote").first).to_contain_text(
        "heel-lang-pad"
    )
    geen_horizontaal_scrollen(pagina, breedte)
