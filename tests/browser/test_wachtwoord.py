"""One password field with a show/hide button (issue 11, "acht minuten"): the registration
asks it once, and the button lets a person check what they typed. It works as the GOV.UK
Design System's password input: the field stays type=password until asked, the button's
name says what it will do, a polite live region says what happened, and without JavaScript
there is no button and nothing is missing."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from .conftest import WACHTWOORD

pytestmark = pytest.mark.browser


def _veld(pagina: Page):
    return pagina.get_by_role("textbox", name="Wachtwoord", exact=True)


def test_registering_with_one_password_that_one_can_show_and_hide(nieuwe_pagina, url):
    pagina: Page = nieuwe_pagina()
    pagina.goto(url("/accounts/registreren/"))
    pagina.get_by_label("E-mailadres").fill("noor@example.nl")
    veld = pagina.locator("#id_wachtwoord")
    veld.fill(WACHTWOORD)
    expect(veld).to_have_attribute("type", "password")
    expect(veld).to_have_attribute("autocomplete", "new-password")

    knop = pagina.get_by_role("button", name="Toon wachtwoord", exact=True)
    expect(knop).to_be_visible()
    expect(knop).to_have_text("Toon")
    expect(knop).to_have_attribute("aria-controls", "id_wachtwoord")
    status = pagina.locator("[data-wachtwoordstatus]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")

    knop.click()
    expect(veld).to_have_attribute("type", "text")
    expect(veld).to_have_value(WACHTWOORD)
    knop = pagina.get_by_role("button", name="Verberg wachtwoord", exact=True)
    expect(knop).to_have_text("Verberg")
    expect(status).to_have_text("Je wachtwoord is zichtbaar.")

    knop.click()
    expect(veld).to_have_attribute("type", "password")
    expect(pagina.get_by_role("button", name="Toon wachtwoord", exact=True)).to_have_text("Toon")
    expect(status).to_have_text("Je wachtwoord is verborgen.")

    # The one password makes the account, also when it was shown while sending.
    pagina.get_by_role("button", name="Toon wachtwoord").click()
    pagina.get_by_role("button", name="Account maken").click()
    pagina.wait_for_url(url("/scans/nieuw/"))
    gebruiker = get_user_model().objects.get()
    assert gebruiker.email == "noor@example.nl" and gebruiker.check_password(WACHTWOORD)
    assert gebruiker.first_name == ""


def test_the_field_is_a_password_again_before_the_form_is_sent(nieuwe_pagina, url):
    pagina: Page = nieuwe_pagina()
    pagina.goto(url("/accounts/registreren/"))
    veld = pagina.locator("#id_wachtwoord")
    veld.fill("kort")
    pagina.get_by_role("button", name="Toon wachtwoord").click()
    expect(veld).to_have_attribute("type", "text")
    # Listen after the page's own handler, and stop the real submit, to see what it sends.
    typen = pagina.evaluate(
        """() => new Promise(klaar => {
            const form = document.getElementById('id_wachtwoord').form;
            form.addEventListener('submit', e => {
                e.preventDefault(); klaar(document.getElementById('id_wachtwoord').type);
            });
            form.requestSubmit();
        })"""
    )
    assert typen == "password"


def test_the_show_button_works_with_the_keyboard_and_shows_its_focus(nieuwe_pagina, url):
    pagina: Page = nieuwe_pagina()
    pagina.goto(url("/accounts/registreren/"))
    veld = pagina.locator("#id_wachtwoord")
    veld.focus()
    pagina.keyboard.type(WACHTWOORD)
    pagina.keyboard.press("Tab")
    knop = pagina.locator(".wachtwoordknop")
    expect(knop).to_be_focused()
    assert knop.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    pagina.keyboard.press("Enter")
    expect(veld).to_have_attribute("type", "text")
    expect(knop).to_be_focused()
    pagina.keyboard.press("Space")
    expect(veld).to_have_attribute("type", "password")
    # Then on to the submit button; Enter there makes the account.
    pagina.keyboard.press("Tab")
    expect(pagina.get_by_role("button", name="Account maken")).to_be_focused()


def test_on_a_phone_the_button_sits_beside_the_field_and_is_big_enough_to_tap(nieuwe_pagina, url):
    for pad in ("/accounts/registreren/", "/accounts/login/"):
        pagina: Page = nieuwe_pagina(viewport={"width": 360, "height": 800})
        pagina.goto(url(pad))
        assert pagina.evaluate("document.documentElement.scrollWidth") <= 360
        veld = _veld(pagina).bounding_box()
        knop = pagina.locator(".wachtwoordknop").bounding_box()
        assert knop["height"] >= 44 and knop["width"] >= 44, (pad, knop)
        assert abs(knop["y"] - veld["y"]) < 2, (pad, veld, knop)  # one row
        assert veld["width"] >= 180, (pad, veld)


def test_login_has_the_same_button_for_the_current_password(nieuwe_pagina, url, gebruiker):
    pagina: Page = nieuwe_pagina()
    pagina.goto(url("/accounts/login/"))
    veld = _veld(pagina)
    expect(veld).to_have_attribute("autocomplete", "current-password")
    veld.fill(WACHTWOORD)
    pagina.get_by_role("button", name="Toon wachtwoord").click()
    expect(veld).to_have_attribute("type", "text")
    pagina.get_by_label("E-mailadres").fill(gebruiker.email)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(url("/scans/"))


def test_in_english_the_button_says_show_and_hide(nieuwe_pagina, url):
    pagina: Page = nieuwe_pagina()
    pagina.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": url("/")}]
    )
    pagina.goto(url("/accounts/registreren/"))
    knop = pagina.get_by_role("button", name="Show password", exact=True)
    expect(knop).to_have_text("Show")
    knop.click()
    expect(pagina.get_by_role("button", name="Hide password", exact=True)).to_have_text("Hide")
    expect(pagina.locator("[data-wachtwoordstatus]")).to_have_text("Your password is visible.")


def test_without_javascript_there_is_no_button_and_registering_works(nieuwe_pagina, url):
    pagina: Page = nieuwe_pagina(java_script_enabled=False)
    pagina.goto(url("/accounts/registreren/"))
    knop = pagina.locator(".wachtwoordknop")
    expect(knop).to_have_count(1)
    expect(knop).to_be_hidden()
    expect(pagina.get_by_role("button", name="Toon wachtwoord")).to_have_count(0)
    pagina.get_by_label("E-mailadres").fill("sem@example.nl")
    _veld(pagina).fill(WACHTWOORD)
    pagina.get_by_role("button", name="Account maken").click()
    pagina.wait_for_url(url("/scans/nieuw/"))
    assert get_user_model().objects.get().check_password(WACHTWOORD)
