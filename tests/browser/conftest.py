"""Shared fixtures for the browser tests: headless Debian Chromium through Playwright's sync
API, a fresh page per test, and the Npuls profile loaded in the live server's database.

Playwright never downloads a browser here; it drives /usr/bin/chromium.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from competentieprofiel.laden import schrijf_profiel
from tests.conftest import NPULS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 900}
WACHTWOORD = "rustig-nadenken-2026"

# Never wait half a minute for something that will not come.
WACHTTIJD_MS = 10_000


@pytest.fixture(scope="package")
def browser() -> Browser:
    """One headless Chromium for the whole browser suite.

    Playwright's sync API keeps an asyncio event loop running in the main thread for as
    long as it is started, and Django refuses database access from a thread with a running
    loop. So DJANGO_ALLOW_ASYNC_UNSAFE is set exactly while Playwright runs (the tests,
    their fixtures and the database flush after each test all touch the database), and the
    scope is this package: Playwright stops, and the variable is gone, before the rest of
    the suite runs.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as p:
            chromium = p.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()


@pytest.fixture
def nieuwe_pagina(browser: Browser):
    """Open fresh pages (each in its own context) with any options; all closed afterwards."""
    contexten = []

    def open_pagina(**opties) -> Page:
        opties.setdefault("viewport", VIEWPORT)
        opties.setdefault("locale", "nl-NL")
        context = browser.new_context(**opties)
        context.set_default_timeout(WACHTTIJD_MS)
        contexten.append(context)
        return context.new_page()

    yield open_pagina
    for context in contexten:
        context.close()


@pytest.fixture
def pagina(nieuwe_pagina) -> Page:
    """A fresh browser context and page, 1280x900."""
    return nieuwe_pagina()


@pytest.fixture
def profiel(transactional_db, npuls_data):
    """The Npuls profile, loaded in the database the live server reads (no test transaction
    wraps it, so the server thread sees it)."""
    from competentieprofiel.models import ProfielVersie

    resultaat = schrijf_profiel(npuls_data, bronbestand=str(NPULS))
    return ProfielVersie.objects.get(profiel__sleutel=resultaat.profiel, nummer=resultaat.versie)


@pytest.fixture
def url(live_server, profiel):
    """Absolute URL on the live server for a path, with the profile loaded."""

    def maak(pad: str = "/") -> str:
        return live_server.url + pad

    return maak


@pytest.fixture
def gebruiker(transactional_db):
    """An existing account, for tests that do not register through the browser."""
    from accounts import services as accounts_services

    return accounts_services.registreer(
        email="ineke@example.nl", wachtwoord=WACHTWOORD, naam="Ineke"
    )


@pytest.fixture
def inloggen(url):
    """Log in through the login form on a page; ends on Mijn scans."""

    def log_in(pagina: Page, email: str, wachtwoord: str = WACHTWOORD) -> None:
        pagina.goto(url("/accounts/login/"))
        pagina.get_by_label("E-mailadres").fill(email)
        pagina.get_by_role("textbox", name="Wachtwoord", exact=True).fill(wachtwoord)
        pagina.get_by_role("button", name="Inloggen").click()
        pagina.wait_for_url(url("/scans/"))

    return log_in
