"""For everyone: WCAG 2.1 AA, keyboard and screen-reader use, in Dutch and in English.

- axe-core (shipped by the axe-playwright-python package, injected from disk, never from a
  CDN) audits every page in both languages against the wcag2a/wcag2aa/wcag21a/wcag21aa rules,
  forms with errors included; the same pass checks one h1 and no skipped heading levels, no
  positive tabindex, error fields linked to their messages, and reflow at 320 and 640 px.
- A keyboard-only journey completes a whole scan with Tab, Shift+Tab, Space, Enter and the
  arrow keys, checking a visible focus on every stop, the skip link, the tab order and that
  focus never gets trapped.
- The contrast of the text colours in static/css/zelfscan.css is computed from the CSS.

Zoom: Chromium's 200% page zoom on a 1280-px window lays the page out in a 640-CSS-px
viewport (media queries and rem sizes see 640), which is exactly a 640-px viewport; Playwright's
device_scale_factor only sharpens pixels and CSS `zoom` does not trigger media queries, so we
test 640 and 320 (WCAG 1.4.10's reflow width, i.e. 1280 at 400%) directly.
"""

from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

from scans import services
from scans.stappen import ITEMS, LABEL, LEERDOELEN, OPVOLGING, stappenplan
from tests.i18n.catalogus import zorg_voor_mo

ROOT = Path(__file__).resolve().parents[2]
CSS = ROOT / "static" / "css" / "zelfscan.css"
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SMAL = (320, 640)
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture(autouse=True)
def _vertalingen_gecompileerd():
    zorg_voor_mo()


# ---------------------------------------------------------------------------------------
# Contrast, computed from the stylesheet (no browser needed)
# ---------------------------------------------------------------------------------------


def css_variabelen(css: str) -> dict[str, str]:
    root = re.search(r":root\s*{([^}]*)}", css)
    assert root, "geen :root-blok in zelfscan.css"
    return {
        naam: waarde.strip() for naam, waarde in re.findall(r"--([\w-]+)\s*:\s*([^;]+);", root[1])
    }


def kleur(waarde: str, variabelen: dict[str, str]) -> tuple[float, float, float]:
    waarde = waarde.strip()
    verwijzing = re.fullmatch(r"var\(--([\w-]+)\)", waarde)
    if verwijzing:
        waarde = variabelen[verwijzing[1]]
    if waarde in ("#fff", "white"):
        waarde = "#ffffff"
    gevonden = re.fullmatch(r"#([0-9a-fA-F]{6})", waarde)
    assert gevonden, f"geen kleur: {waarde}"
    return tuple(int(gevonden[1][i : i + 2], 16) / 255 for i in (0, 2, 4))


def luminantie(rgb) -> float:
    def kanaal(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    licht, donker = sorted((luminantie(a), luminantie(b)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def regels(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) for every plain rule, media blocks flattened."""
    uit = []
    for selector, blok in re.findall(
        r"([^{}@/]+?)\s*{([^{}]*)}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    ):
        declaraties = dict(
            (naam.strip(), waarde.strip())
            for naam, waarde in re.findall(r"([\w-]+)\s*:\s*([^;]+)", blok)
        )
        uit.append((" ".join(selector.split()), declaraties))
    return uit


# Text colour on the backgrounds it is actually drawn on, by where it appears.
TEKST_OP_ACHTERGROND = [
    # body text and muted text on the page, on cards/inputs, on sand and light-teal blocks
    *[
        (voor, achter)
        for voor in ("tekst", "tekst-zacht", "accent", "accent-donker", "fout")
        for achter in ("achtergrond", "vlak", "zand", "accent-licht")
    ],
    ("tekst", "#fbeeee"),  # .melding--error
    ("#fff", "accent-donker"),  # header, nav, language switcher
    ("#fff", "accent"),  # buttons
    ("#fff", "fout"),  # .knop--gevaar
    ("#fff", "#7a2020"),  # .knop--gevaar:hover
    ("#ffd7a8", "accent-donker"),  # focus ring in the header (non-text, 3:1 is enough)
    ("focus", "achtergrond"),  # focus ring (non-text)
    ("focus", "vlak"),
]


def test_text_colours_in_the_stylesheet_have_at_least_4_5_to_1_contrast():
    css = CSS.read_text(encoding="utf-8")
    variabelen = css_variabelen(css)
    te_laag = []
    for voor, achter in TEKST_OP_ACHTERGROND:
        a = kleur(voor if voor.startswith("#") else f"var(--{voor})", variabelen)
        b = kleur(achter if achter.startswith("#") else f"var(--{achter})", variabelen)
        if contrast(a, b) < 4.5:
            te_laag.append(f"{voor} op {achter}: {contrast(a, b):.2f}:1")
    # Every rule that sets both a text colour and a background is checked as a pair too.
    for selector, d in regels(css):
        achter = d.get("background-color") or d.get("background")
        if "color" in d and achter and not achter.startswith("none") and d["color"] != "inherit":
            try:
                a, b = kleur(d["color"], variabelen), kleur(achter.split()[0], variabelen)
            except AssertionError:
                continue
            if contrast(a, b) < 4.5:
                te_laag.append(f"{selector}: {contrast(a, b):.2f}:1")
    assert not te_laag, te_laag


def test_every_colour_in_the_root_block_is_used_in_a_checked_pair():
    """A new text colour in :root must be added to TEKST_OP_ACHTERGROND (or be a line)."""
    gecontroleerd = {naam for paar in TEKST_OP_ACHTERGROND for naam in paar}
    variabelen = css_variabelen(CSS.read_text(encoding="utf-8"))
    kleuren = {n for n, w in variabelen.items() if w.startswith("#")}
    assert kleuren - gecontroleerd <= {"lijn"}, kleuren - gecontroleerd


def test_the_stylesheet_respects_reduced_motion():
    css = CSS.read_text(encoding="utf-8")
    blok = re.search(r"@media\s*\(prefers-reduced-motion:\s*reduce\)\s*{(.*?)}\s*}", css, re.S)
    assert blok, "geen prefers-reduced-motion-blok"
    for eigenschap in ("animation: none", "transition: none", "scroll-behavior: auto"):
        assert eigenschap in blok[1]


# ---------------------------------------------------------------------------------------
# The accessibility statement (Django test client)
# ---------------------------------------------------------------------------------------


def test_the_statement_is_linked_next_to_privacy_in_the_footer(client, npuls):
    inhoud = client.get("/").content.decode()
    voet = inhoud[inhoud.index('<footer class="site-footer">') :]
    assert re.search(r'href="/privacy/">Privacy</a></li>\s*<li><a href="/toegankelijkheid/">', voet)


def test_the_statement_describes_the_state_and_points_to_the_institution(client, settings, npuls):
    settings.ZELFSCAN_CONTACT_EMAIL = ""
    inhoud = client.get("/toegankelijkheid/").content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in inhoud
    assert "WCAG" in inhoud and "2.1" in inhoud and "PDF/UA" in inhoud
    assert "mailto:" not in inhoud
    assert "Neem contact op met de instelling" in inhoud


def test_the_statement_shows_the_contact_address_when_configured(client, settings, npuls):
    settings.ZELFSCAN_CONTACT_EMAIL = "toegankelijkheid@instelling.example"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    inhoud = client.get("/toegankelijkheid/").content.decode()
    assert "<h1>Accessibility statement</h1>" in inhoud
    assert (
        'Email <a href="mailto:toegankelijkheid@instelling.example">'
        "toegankelijkheid@instelling.example</a>." in inhoud
    )


# ---------------------------------------------------------------------------------------
# Every page through axe-core, in both languages
# ---------------------------------------------------------------------------------------

CONTROLES_JS = """
() => {
  const problemen = [];
  const koppen = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => !h.closest('[hidden]')).map(h => Number(h.tagName[1]));
  if (koppen.filter(n => n === 1).length !== 1) problemen.push(`${koppen.filter(n => n === 1).length} h1's`);
  if (koppen[0] !== 1) problemen.push('de eerste kop is geen h1');
  koppen.forEach((n, i) => { if (i && n > koppen[i - 1] + 1) problemen.push(`kop h${koppen[i - 1]} -> h${n}`); });
  document.querySelectorAll('[tabindex]').forEach(e => {
    if (Number(e.getAttribute('tabindex')) > 0) problemen.push(`positieve tabindex op ${e.outerHTML.slice(0, 60)}`);
  });
  document.querySelectorAll('[aria-invalid="true"]').forEach(veld => {
    const ids = (veld.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const fout = ids.map(id => document.getElementById(id)).find(e => e && e.classList.contains('invalid-feedback'));
    if (!fout || !fout.textContent.trim()) problemen.push(`foutmelding niet gekoppeld aan #${veld.id}`);
  });
  const overzicht = document.getElementById('foutoverzicht');
  if (document.querySelector('.is-invalid') && !overzicht) problemen.push('fouten zonder foutoverzicht');
  if (overzicht) {
    if (overzicht.getAttribute('role') !== 'alert') problemen.push('foutoverzicht zonder role=alert');
    overzicht.querySelectorAll('a[href^="#"]').forEach(a => {
      if (!document.getElementById(a.getAttribute('href').slice(1))) problemen.push(`foutlink naar niets: ${a.href}`);
    });
  }
  document.querySelectorAll('main svg').forEach(svg => {
    const naam = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector('title');
    if (svg.getAttribute('aria-hidden') !== 'true' && !(svg.getAttribute('role') === 'img' && naam))
      problemen.push('svg zonder tekstalternatief');
  });
  const taal = document.documentElement.lang;
  return {problemen, taal};
}
"""


@pytest.fixture
def reflecties(profiel):
    """The demo person: a finished scan over everything, and a follow-up scan (coach, with
    labels) that has every kind of step: opvolging, items, label, leerdoelen."""
    from scans.demo import maak_demo

    gebruiker, eerste, _ = maak_demo(profiel)
    tweede = services.start_scan(
        eigenaar=gebruiker,
        versie=profiel,
        gebieden=[profiel.groepen.get(sleutel="coach")],
        labels_aan=True,
        vorige=eerste,
    )
    return gebruiker, eerste, tweede


def sessiekoekje(gebruiker, basis: str) -> dict:
    client = Client()
    client.force_login(gebruiker, backend=MODEL_BACKEND)
    naam = settings.SESSION_COOKIE_NAME
    return {"name": naam, "value": client.cookies[naam].value, "url": basis}


class Keuring:
    """Audits pages in one browser context and collects every problem with its page."""

    def __init__(self, pagina: Page, basis: str, taal: str):
        self.pagina, self.basis, self.taal = pagina, basis, taal
        self.problemen: list[str] = []
        self.gekeurd: list[str] = []

    def open(self, pad: str, status: int = 200) -> None:
        antwoord = self.pagina.goto(self.basis + pad)
        if antwoord is None or antwoord.status != status:
            self.problemen.append(f"{pad}: HTTP {antwoord.status if antwoord else '?'}")

    def keur(self, naam: str) -> None:
        pagina, waar = self.pagina, f"[{self.taal}] {naam}"
        self.gekeurd.append(naam)
        pagina.add_script_tag(path=str(AXE_JS))
        resultaat = pagina.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        for v in resultaat["violations"]:
            doelen = [n["target"] for n in v["nodes"]][:3]
            self.problemen.append(f"{waar}: axe {v['id']} ({v['impact']}) {doelen}")
        controle = pagina.evaluate(CONTROLES_JS)
        self.problemen += [f"{waar}: {p}" for p in controle["problemen"]]
        if controle["taal"] != self.taal:
            self.problemen.append(f"{waar}: <html lang={controle['taal']!r}>")
        grootte = pagina.viewport_size
        for breedte in SMAL:
            pagina.set_viewport_size({"width": breedte, "height": 800})
            breed = pagina.evaluate("document.documentElement.scrollWidth")
            if breed > breedte:
                self.problemen.append(f"{waar}: {breed}px breed op een {breedte}px-scherm")
        pagina.set_viewport_size(grootte)

    def open_en_keur(self, naam: str, pad: str, status: int = 200) -> None:
        self.open(pad, status)
        self.keur(naam)


def keur_alles(pagina: Page, basis: str, taal: str, gebruiker, eerste, tweede) -> Keuring:
    k = Keuring(pagina, basis, taal)
    pagina.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": taal, "url": basis}]
    )

    # Not logged in.
    for naam, pad in [
        ("home", "/"),
        ("profiel", "/profiel/"),
        ("inloggen", "/accounts/login/"),
        ("wachtwoord vergeten", "/accounts/password_reset/"),
        ("wachtwoordmail verstuurd", "/accounts/password_reset/done/"),
        ("herstellink verlopen", "/accounts/reset/MQ/verlopen-token/"),
        ("nieuw wachtwoord opgeslagen", "/accounts/reset/done/"),
        ("privacy", "/privacy/"),
        ("toegankelijkheid", "/toegankelijkheid/"),
    ]:
        k.open_en_keur(naam, pad)
    k.open_en_keur("404", "/bestaat-niet/", status=404)
    k.open("/accounts/registreren/")
    k.keur("account maken")
    pagina.locator("#id_email").fill("geen-adres")
    pagina.locator("#id_wachtwoord").fill("kort")
    pagina.locator(".wachtwoordknop").click()
    k.keur("account maken, wachtwoord zichtbaar")
    pagina.locator("main form button[type=submit]").click()
    k.keur("account maken, met fouten")
    k.open("/accounts/login/")
    pagina.locator("#id_username").fill(gebruiker.email)
    pagina.locator("#id_password").fill("niet-het-wachtwoord")
    pagina.locator("main form button[type=submit]").click()
    k.keur("inloggen, mislukt")

    # Logged in as the demo person.
    pagina.context.add_cookies([sessiekoekje(gebruiker, basis)])
    plan = stappenplan(tweede)
    eerste_van = {}
    for stap in plan:
        eerste_van.setdefault(stap.soort, stap.sleutel)
    scan, vorige = f"/scans/{tweede.pk}/", f"/scans/{eerste.pk}/"
    for naam, pad in [
        ("mijn scans", "/scans/"),
        ("nieuwe scan", "/scans/nieuw/"),
        ("nieuwe scan vanaf een vorige", f"/scans/nieuw/?vanaf={eerste.pk}"),
        *[
            (f"stap: {soort}", f"{scan}stap/{eerste_van[soort]}/")
            for soort in (OPVOLGING, ITEMS, LABEL, LEERDOELEN)
        ],
        ("rapport", f"{vorige}rapport/"),
        ("rapport, tussenstand met vergelijking", f"{scan}rapport/"),
        ("vergelijken", f"{scan}vergelijk/{eerste.pk}/"),
        ("scan verwijderen", f"{vorige}verwijderen/"),
        ("mijn gegevens", "/accounts/mijn-gegevens/"),
        ("account verwijderen", "/accounts/verwijderen/"),
        ("wachtwoord wijzigen", "/accounts/password_change/"),
        ("wachtwoord gewijzigd", "/accounts/password_change/done/"),
    ]:
        k.open_en_keur(naam, pad)

    # Forms with errors: nothing is saved, the page comes back with a summary and messages.
    k.open(f"{scan}stap/{eerste_van[ITEMS]}/")
    pagina.locator("#id_notitie").fill("x" * 5001)
    pagina.locator("button[value=later]").click()
    k.keur("stap: items, met fout")
    k.open(f"{scan}stap/{OPVOLGING}/")
    pagina.locator("textarea").first.fill("x" * 5001)
    pagina.locator("button[value=later]").click()
    k.keur("stap: opvolging, met fout")
    k.open(f"{scan}stap/{LEERDOELEN}/")
    pagina.locator("#leerdoel-1 details.meer > summary").click()
    pagina.locator("#id_leerdoel-0-waarom").fill("Omdat het ertoe doet.")
    pagina.locator("button[value=later]").click()
    k.keur("stap: leerdoelen, met fout")
    k.open("/accounts/verwijderen/")
    pagina.locator("main form button[type=submit]").click()
    k.keur("account verwijderen, met fouten")
    return k


@pytest.mark.browser
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_every_page_passes_axe_and_reflows_in_both_languages(taal, nieuwe_pagina, url, reflecties):
    gebruiker, eerste, tweede = reflecties
    # bypass_csp: axe is injected as an inline script, which our Content-Security-Policy
    # (rightly) refuses for anything else.
    pagina = nieuwe_pagina(bypass_csp=True)
    keuring = keur_alles(pagina, url("").rstrip("/"), taal, gebruiker, eerste, tweede)
    assert len(keuring.gekeurd) >= 30
    assert not keuring.problemen, "\n".join(keuring.problemen)


@pytest.mark.browser
def test_a_step_is_told_as_text_and_each_statement_is_a_named_group(nieuwe_pagina, url, reflecties):
    from competentieprofiel.models import Item

    gebruiker, _eerste, tweede = reflecties
    pagina = nieuwe_pagina()
    basis = url("").rstrip("/")
    pagina.context.add_cookies([sessiekoekje(gebruiker, basis)])
    plan = stappenplan(tweede)
    stap = next(s for s in plan if s.soort == ITEMS)
    pagina.goto(f"{basis}/scans/{tweede.pk}/stap/{stap.sleutel}/")
    assert pagina.locator(".voortgang").inner_text() == f"Stap {stap.nummer} van {len(plan)}"
    teksten = list(
        Item.objects.filter(pk__in=stap.item_ids)
        .order_by("volgorde")
        .values_list("tekst", flat=True)
    )
    for tekst in teksten:
        groep = pagina.get_by_role("group", name=tekst, exact=True)
        assert groep.evaluate("e => e.tagName") == "FIELDSET"
        assert groep.locator("legend").inner_text() == tekst
        assert groep.get_by_role("radio").count() >= 3


@pytest.mark.browser
def test_reduced_motion_leaves_nothing_moving(nieuwe_pagina, url):
    pagina = nieuwe_pagina(reduced_motion="reduce")
    pagina.goto(url("/"))
    stijl = pagina.locator(".knop").first.evaluate(
        "e => { const s = getComputedStyle(e); return [s.transitionDuration, s.animationName]; }"
    )
    assert stijl == ["0s", "none"]


@pytest.mark.browser
def test_the_language_switcher_works_without_javascript(nieuwe_pagina, url):
    pagina = nieuwe_pagina(java_script_enabled=False)
    pagina.goto(url("/privacy/"))
    assert pagina.locator("html").get_attribute("lang") == "nl"
    pagina.get_by_role("form", name="Taal").get_by_role("button", name="English").click()
    pagina.wait_for_url(url("/privacy/"))
    assert pagina.locator("html").get_attribute("lang") == "en"
    assert (
        pagina.get_by_role("heading", level=1).inner_text() == "Privacy: only you see your answers"
    )
    pagina.goto(url("/"))
    assert pagina.locator("html").get_attribute("lang") == "en"
    taal = pagina.get_by_role("form", name="Language")
    assert taal.get_by_role("button", name="English").get_attribute("aria-current") == "true"
    taal.get_by_role("button", name="Nederlands").click()
    pagina.wait_for_url(url("/"))
    assert pagina.locator("html").get_attribute("lang") == "nl"


# ---------------------------------------------------------------------------------------
# A whole scan with the keyboard only
# ---------------------------------------------------------------------------------------

FOCUS_JS = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: 'BODY'};
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const label = e.labels && e.labels[0] ? e.labels[0].textContent.trim() : '';
  return {
    tag: e.tagName, id: e.id, type: e.type || '', name: e.name || '', value: e.value || '',
    tekst: (e.textContent || '').trim().slice(0, 80), label,
    sleutel: e.id || `${e.tagName}:${e.getAttribute('href') || e.name || ''}:${(e.textContent || '').trim().slice(0, 40)}`,
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none'),
    zichtbaar: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    checked: !!e.checked,
  };
}
"""

# Tabbable elements in DOM order, one stop per radio group (its checked radio, else its first).
TABVOLGORDE_JS = """
() => {
  const kandidaten = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => !e.disabled && e.type !== 'hidden' && e.getAttribute('tabindex') !== '-1' && e.getClientRects().length);
  const gezien = new Set();
  const uit = [];
  for (const e of kandidaten) {
    if (e.type === 'radio' && e.name) {
      if (gezien.has(e.name)) continue;
      gezien.add(e.name);
      const groep = [...document.querySelectorAll(`input[type=radio][name="${e.name}"]`)];
      const stop = groep.find(r => r.checked) || groep[0];
      uit.push(stop.id);
      continue;
    }
    uit.push(e.id || `${e.tagName}:${e.getAttribute('href') || e.name || ''}:${(e.textContent || '').trim().slice(0, 40)}`);
  }
  return uit;
}
"""


class Toetsenbord:
    """Drives a page with keys only, checking every focus stop on the way."""

    def __init__(self, pagina: Page):
        self.pagina = pagina
        self.stops = 0
        self.skiplinks = 0
        self.problemen: list[str] = []

    def focus(self) -> dict:
        return self.pagina.evaluate(FOCUS_JS)

    def druk(self, toets: str) -> dict:
        self.pagina.keyboard.press(toets)
        gefocust = self.focus()
        if gefocust["tag"] != "BODY":
            self.stops += 1
            if not gefocust["ring"]:
                self.problemen.append(
                    f"{self.pagina.url}: geen zichtbare focus op {gefocust['sleutel']}"
                )
            if not gefocust["zichtbaar"]:
                self.problemen.append(
                    f"{self.pagina.url}: focus buiten beeld op {gefocust['sleutel']}"
                )
        return gefocust

    def tab_tot(self, past, maximaal: int = 400, terug: bool = False) -> dict:
        for _ in range(maximaal):
            gefocust = self.druk("Shift+Tab" if terug else "Tab")
            if past(gefocust):
                return gefocust
        raise AssertionError(f"{self.pagina.url}: na {maximaal}× Tab niet gevonden")

    def naar_inhoud(self) -> None:
        """The first Tab on a fresh page reaches the skip link; Enter moves focus into main.

        After a form was sent from a page reached by the skip link, the browser carries
        #inhoud over the redirect, so the next page already starts in main: nothing to do.
        """
        if self.pagina.url.endswith("#inhoud"):
            return
        self.skiplinks += 1
        gefocust = self.druk("Tab")
        assert "skiplink" in self.pagina.evaluate("document.activeElement.className"), gefocust
        top = self.pagina.evaluate("document.activeElement.getBoundingClientRect().top")
        assert top >= 0, "de skiplink blijft buiten beeld als hij focus heeft"
        self.pagina.keyboard.press("Enter")
        assert self.pagina.evaluate("document.activeElement.id") == "inhoud"

    def typ(self, tekst: str) -> None:
        self.pagina.keyboard.type(tekst)

    def verstuur(self, past) -> None:
        """Tab to the button that matches and press Enter; wait for the next page."""
        self.tab_tot(past)
        with self.pagina.expect_navigation():
            self.pagina.keyboard.press("Enter")


def is_knop(waarde: str):
    return lambda f: f["tag"] == "BUTTON" and f["value"] == waarde


def controleer_tabvolgorde(tb: Toetsenbord) -> None:
    """On a step page: Tab visits every control in DOM order and comes round again (no
    trap); Shift+Tab visits them in exactly the reverse order."""
    pagina = tb.pagina
    verwacht = pagina.evaluate(TABVOLGORDE_JS)
    pagina.locator("body").evaluate("b => b.focus()")
    vooruit = []
    for _ in range(len(verwacht) + 5):
        gefocust = tb.druk("Tab")
        if vooruit and gefocust.get("sleutel") == vooruit[0]:
            break
        if gefocust["tag"] != "BODY":
            vooruit.append(gefocust["sleutel"])
    # Without a fragment the first Tab is the skip link; with #inhoud it starts in main.
    assert vooruit[0] in verwacht, vooruit[0]
    begin = verwacht.index(vooruit[0])
    verwacht = verwacht[begin:] + verwacht[:begin]
    assert vooruit == verwacht, "Tab volgt de volgorde van de pagina niet"
    pagina.locator("body").evaluate("b => b.focus()")
    achteruit = []
    for _ in range(len(verwacht) + 5):
        gefocust = tb.druk("Shift+Tab")
        if achteruit and gefocust.get("sleutel") == achteruit[0]:
            break
        if gefocust["tag"] != "BODY":
            achteruit.append(gefocust["sleutel"])
    assert achteruit[0] in verwacht, achteruit[0]
    eind = verwacht.index(achteruit[0])
    terug = list(reversed(verwacht[: eind + 1])) + list(reversed(verwacht[eind + 1 :]))
    assert achteruit == terug, "Shift+Tab is niet de omgekeerde volgorde"


def beantwoord_stap(tb: Toetsenbord, nummer: int) -> dict:
    """Answer every statement on an items step with arrow keys and Space; returns what was
    chosen per radio name, and whether the development wish was ticked."""
    gekozen: dict = {}
    teller = 0
    while True:
        gefocust = tb.druk("Tab")
        if gefocust["type"] == "radio":
            teller += 1
            # Focus lands on the checked option ("nog geen keuze", the last); Down wraps to
            # the first, and each further Down moves one on. Leave every fifth one open.
            if teller % 5 != 0:
                for _ in range(1 + teller % 3):
                    gefocust = tb.druk("ArrowDown")
                gekozen[gefocust["name"]] = gefocust["value"]
        elif gefocust["type"] == "checkbox" and teller % 3 == 1:
            tb.druk("Space")
            gekozen[gefocust["name"]] = True
        elif gefocust["tag"] == "TEXTAREA" and nummer == 1:
            tb.typ("Met collega’s van Zorg & Welzijn deelde ik ideeën.")
        elif gefocust["tag"] == "BUTTON" and gefocust["value"] == "volgende":
            with tb.pagina.expect_navigation():
                tb.pagina.keyboard.press("Enter")
            return gekozen


@pytest.mark.browser
def test_a_whole_scan_with_the_keyboard_only(nieuwe_pagina, url, profiel, gebruiker):
    from scans.models import Antwoord, Leerdoel, Notitie, Scan

    from .conftest import WACHTWOORD

    pagina = nieuwe_pagina()
    basis = url("").rstrip("/")
    pagina.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": basis}]
    )
    tb = Toetsenbord(pagina)

    # Log in: skip link, then the two fields, the show button and the submit button, all
    # by keyboard.
    pagina.goto(url("/accounts/login/"))
    tb.naar_inhoud()
    assert tb.druk("Tab")["id"] == "id_username"
    tb.typ(gebruiker.email)
    assert tb.druk("Tab")["id"] == "id_password"
    tb.typ(WACHTWOORD)
    gefocust = tb.druk("Tab")
    assert (gefocust["tag"], gefocust["tekst"]) == ("BUTTON", "Show"), gefocust
    tb.druk("Space")
    assert pagina.locator("#id_password").get_attribute("type") == "text"
    gefocust = tb.druk("Tab")
    assert (gefocust["tag"], gefocust["type"]) == ("BUTTON", "submit"), gefocust
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.url.split("#")[0] == url("/scans/")

    # My scans -> a new scan, by link and Enter.
    tb.naar_inhoud()
    tb.verstuur(lambda f: f["tag"] == "A" and f["tekst"] == "New scan")
    assert pagina.url.split("#")[0] == url("/scans/nieuw/")

    # Choose the coach area and the labels with Space, start with Enter.
    coach = profiel.groepen.get(sleutel="coach")
    tb.naar_inhoud()
    tb.tab_tot(lambda f: f["type"] == "checkbox" and f["value"] == str(coach.pk))
    tb.druk("Space")
    tb.tab_tot(lambda f: f["id"] == "id_labels_aan")
    tb.druk("Space")
    tb.verstuur(lambda f: f["tag"] == "BUTTON" and f["tekst"] == "Start the scan")
    scan = Scan.objects.get(eigenaar=gebruiker)
    plan = stappenplan(scan)
    assert [s.soort for s in plan][-2:] == [LABEL, LEERDOELEN]

    gekozen_per_stap = {}
    for stap in plan:
        assert f"/stap/{stap.sleutel}/" in pagina.url, (pagina.url, stap.sleutel)
        assert pagina.locator(".voortgang").inner_text() == f"Step {stap.nummer} of {len(plan)}"
        if stap.nummer == 1:
            controleer_tabvolgorde(tb)
        tb.naar_inhoud()
        if stap.soort == ITEMS:
            gekozen_per_stap[stap.sleutel] = beantwoord_stap(tb, stap.nummer)
        elif stap.soort == LABEL:
            tb.tab_tot(lambda f: f["type"] == "radio")
            tb.druk("ArrowDown")
            tb.verstuur(is_knop("volgende"))
        elif stap.soort == LEERDOELEN:
            tb.tab_tot(lambda f: f["id"] == "id_leerdoel-0-wat")
            tb.typ("Een behoefteanalyse opzetten met een opleidingsteam.")
            tb.tab_tot(lambda f: f["id"] == "id_leerdoel-0-eerste_stap")
            tb.typ("Meekijken bij een collega.")
            # Shift+Tab goes back to the field before it.
            assert tb.druk("Shift+Tab")["id"] == "id_leerdoel-0-wat"
            tb.verstuur(is_knop("volgende"))

    # The report, reached by keyboard alone, with everything that was chosen.
    assert pagina.url.split("#")[0] == url(f"/scans/{scan.pk}/rapport/")
    scan.refresh_from_db()
    assert scan.is_afgerond
    assert scan.scangroepen.get(groep=coach).niveau is not None
    ontwikkelen = {a.item_id for a in Antwoord.objects.filter(scan=scan, ontwikkelen=True)}
    beantwoord = {a.item_id for a in Antwoord.objects.filter(scan=scan, optie__isnull=False)}
    for gekozen in gekozen_per_stap.values():
        for naam, waarde in gekozen.items():
            item_id = int(naam.split("_")[1])
            if naam.startswith("ontwikkelen_"):
                assert item_id in ontwikkelen
            else:
                assert item_id in beantwoord, (naam, waarde)
    assert len(beantwoord) >= 10
    assert Notitie.objects.filter(scan=scan, tekst__startswith="Met collega’s").exists()
    assert Leerdoel.objects.get(scan=scan).eerste_stap == "Meekijken bij een collega."
    assert tb.stops > 100
    assert tb.skiplinks >= 1
    assert not tb.problemen, "\n".join(tb.problemen)
