"""Logging in with one's institution, in headless Chromium against the real provider
(tests/oidc/aanbieder): its own login and consent pages, and every way back to this site."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from accounts.models import InstellingsIdentiteit
from scans.models import Scan
from tests.oidc.aanbieder import CALLBACK, start_aanbieder

pytestmark = pytest.mark.browser

KNOP = "Inloggen met je instelling"


@pytest.fixture
def instelling(oidc_aan, url):
    """The institution's login switched on for the live server."""
    return oidc_aan


def klik_inloggen(pagina: Page, url) -> None:
    pagina.goto(url("/accounts/login/"))
    pagina.get_by_role("link", name=KNOP).click()


def bij_de_aanbieder(pagina: Page, login: str) -> None:
    """The provider's own pages: log in (any password), then consent if it asks."""
    pagina.wait_for_selector("input[name=login]")
    pagina.fill("input[name=login]", login)
    pagina.fill("input[name=password]", "wat-dan-ook")
    pagina.get_by_role("button", name="Sign-in").click()
    pagina.wait_for_load_state()
    if pagina.get_by_role("button", name="Continue").count():
        pagina.get_by_role("button", name="Continue").click()


def bij_terugkeer(pagina: Page, aanbieder, wat) -> None:
    """Let `wat(location)` see, and change, the provider's redirect back to this site.

    Playwright does not route the requests of a redirect, so the consent form's POST (an
    ordinary request) is fetched without following redirects, the provider's next hop is
    fetched in the same browser context (same cookies), and its Location, the way back,
    goes through `wat` before the browser follows it.
    """

    def toestemming(route):
        if route.request.method != "POST" or "prompt=consent" not in (
            route.request.post_data or ""
        ):
            route.continue_()
            return
        eerst = route.fetch(max_redirects=0)
        verder = pagina.context.request.get(
            urljoin(route.request.url, eerst.headers["location"]), max_redirects=0
        )
        assert verder.status in (302, 303), verder.status
        location = wat(verder.headers["location"])
        route.fulfill(response=eerst, headers={**eerst.headers, "location": location})

    pagina.route(re.compile(re.escape(aanbieder.issuer) + "/interaction/"), toestemming)


def test_first_login_again_later_and_another_sub_with_the_same_email(
    instelling, pagina: Page, nieuwe_pagina, url, profiel
):
    # First time: the button, the provider's login and consent, back as a new account.
    klik_inloggen(pagina, url)
    bij_de_aanbieder(pagina, "anna")
    pagina.wait_for_url(url("/scans/"))
    expect(pagina.get_by_text("Welkom! Je account is klaar.")).to_be_visible()
    anna = get_user_model().objects.get()
    assert InstellingsIdentiteit.objects.get().gebruiker == anna

    # A scan, so there is something to find again.
    pagina.get_by_role("link", name="Nieuwe scan").first.click()
    pagina.get_by_role("button", name="Begin met de scan").click()
    pagina.wait_for_url(re.compile(r"/scans/[0-9a-f-]{36}/stap/"))
    scan = Scan.objects.get(eigenaar=anna)

    # Log out: honest about the institution's session, which SURFconext keeps.
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.wait_for_url(url("/accounts/uitgelogd/"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Je bent uitgelogd bij de zelfscan")
    expect(pagina.get_by_text("Daar ben je waarschijnlijk nog ingelogd")).to_be_visible()

    # In again: the provider still knows her, so no login page; the same account and scan.
    klik_inloggen(pagina, url)
    pagina.wait_for_url(url("/scans/"))
    expect(pagina.get_by_text("Welkom!")).to_have_count(0)
    expect(pagina.locator(".scankaart")).to_have_count(1)
    expect(pagina.get_by_role("link", name="Verder waar je was")).to_have_attribute(
        "href", f"/scans/{scan.pk}/"
    )
    assert get_user_model().objects.count() == 1

    # Someone else at the provider with the same e-mail address: another account.
    ander = nieuwe_pagina()
    klik_inloggen(ander, url)
    bij_de_aanbieder(ander, "anna-tweede")
    ander.wait_for_url(url("/scans/"))
    expect(ander.get_by_text("Welkom! Je account is klaar.")).to_be_visible()
    expect(ander.locator(".scankaart")).to_have_count(0)
    tweede = get_user_model().objects.exclude(pk=anna.pk).get()
    assert tweede.email == anna.email == "anna@instelling.example"


def test_cancelling_at_the_provider(instelling, pagina: Page, url):
    klik_inloggen(pagina, url)
    pagina.wait_for_selector("input[name=login]")
    pagina.get_by_role("link", name="[ Cancel ]").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Je hebt het inloggen afgebroken")
    expect(pagina.get_by_role("link", name="Opnieuw inloggen met je instelling")).to_be_visible()
    assert not get_user_model().objects.exists()


def test_a_tampered_state(instelling, pagina: Page, url):
    bij_terugkeer(pagina, instelling, lambda terug: re.sub(r"state=[^&]+", "state=vervalst", terug))
    klik_inloggen(pagina, url)
    bij_de_aanbieder(pagina, "anna")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Dit inlogverzoek kennen we niet (meer)"
    )
    expect(pagina.get_by_role("button", name="Uitloggen")).to_have_count(0)
    assert not get_user_model().objects.exists()


def test_the_provider_stopped(settings, pagina: Page, url, rp_basis):
    weg = start_aanbieder(rp_basis)
    settings.ZELFSCAN_OIDC = weg.instelling()
    try:
        _stop_onderweg(weg, pagina, url)
    finally:
        weg.stop()


def _stop_onderweg(weg, pagina: Page, url) -> None:
    # Stopped while the person is on their way back: the code cannot be traded any more.
    def stop_eerst(terug):
        assert CALLBACK in terug
        weg.stop()
        return terug

    bij_terugkeer(pagina, weg, stop_eerst)
    klik_inloggen(pagina, url)
    bij_de_aanbieder(pagina, "anna")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "De inlogdienst van je instelling is nu niet bereikbaar"
    )
    assert weg.gestopt

    # And still stopped at the next try, once its configuration is no longer cached.
    from django.core.cache import cache

    cache.clear()
    klik_inloggen(pagina, url)
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "De inlogdienst van je instelling is nu niet bereikbaar"
    )
    expect(pagina.get_by_role("link", name="Inloggen met je e-mailadres")).to_be_visible()
    assert not get_user_model().objects.exists()


def test_logging_out_at_the_institution_too_when_it_offers_that(
    settings, aanbieder_met_uitloggen, pagina: Page, url
):
    settings.ZELFSCAN_OIDC = aanbieder_met_uitloggen.instelling()
    klik_inloggen(pagina, url)
    bij_de_aanbieder(pagina, "anna")
    pagina.wait_for_url(url("/scans/"))
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.get_by_role("link", name="Ook uitloggen bij je instelling").click()
    pagina.get_by_role("button", name=re.compile("Yes, sign me out", re.I)).click()
    pagina.wait_for_url(url("/"))
    # Logged out there as well: the next login asks for a login again.
    klik_inloggen(pagina, url)
    expect(pagina.locator("input[name=login]")).to_be_visible()


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_institution_pages_pass_axe_in_both_languages(
    instelling, taal, nieuwe_pagina, url, gebruiker
):
    from django.conf import settings

    from .test_toegankelijkheid import Keuring, sessiekoekje

    basis = url("").rstrip("/")
    pagina = nieuwe_pagina(bypass_csp=True)  # axe is injected as an inline script
    pagina.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": taal, "url": basis}]
    )
    k = Keuring(pagina, basis, taal)
    k.open_en_keur("inloggen, met de knop van de instelling", "/accounts/login/")
    k.open_en_keur("inlogverzoek onbekend", "/accounts/instelling/callback/?state=x&code=y", 400)
    k.open("/accounts/instelling/inloggen/")
    pagina.get_by_role("link", name="[ Cancel ]").click()
    pagina.wait_for_url(re.compile(re.escape(CALLBACK)))
    k.keur("afgebroken bij de instelling")

    pagina.context.add_cookies([sessiekoekje(gebruiker, basis)])
    k.open_en_keur("mijn gegevens, met koppelen", "/accounts/mijn-gegevens/")
    pagina.context.clear_cookies()
    pagina.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": taal, "url": basis}]
    )

    k.open("/accounts/instelling/inloggen/")
    bij_de_aanbieder(pagina, f"axe-{taal}")
    pagina.wait_for_url(url("/scans/"))
    k.open_en_keur("mijn gegevens, via de instelling", "/accounts/mijn-gegevens/")
    k.open_en_keur("account verwijderen, met het woord", "/accounts/verwijderen/")
    pagina.locator("main form button[type=submit]").click()
    k.keur("account verwijderen, met het woord, met fouten")
    pagina.locator("header nav form button[type=submit]").click()
    pagina.wait_for_url(url("/accounts/uitgelogd/"))
    k.keur("uitgelogd na de instelling")
    assert len(k.gekeurd) == 8
    assert not k.problemen, "\n".join(k.problemen)
