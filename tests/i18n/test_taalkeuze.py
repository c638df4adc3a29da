"""Dutch and English: the switcher, the remembered choice, <html lang>, translated Python
strings, plurals and dates in the reader's language."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from accounts.forms import RegistratieForm
from scans import services
from scans.forms import StapForm
from scans.stappen import stappenplan

from .catalogus import zorg_voor_mo


@pytest.fixture(autouse=True)
def _vertalingen_gecompileerd():
    zorg_voor_mo()


def html_lang(response) -> str:
    gevonden = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert gevonden, "geen <html lang>"
    return gevonden[1]


def test_pages_are_dutch_until_you_choose_english(client, npuls):
    antwoord = client.get("/")
    assert html_lang(antwoord) == "nl"
    assert "Een spiegel voor je werk als docentondersteuner" in antwoord.content.decode()

    gekozen = client.post(reverse("set_language"), {"language": "en", "next": "/privacy/"})
    assert gekozen.status_code == 302
    assert gekozen["Location"] == "/privacy/"
    koekje = gekozen.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert koekje.value == "en"
    assert int(koekje["max-age"]) == 365 * 24 * 60 * 60
    assert koekje["httponly"] and koekje["samesite"] == "Lax"

    privacy = client.get("/privacy/")
    assert html_lang(privacy) == "en"
    assert "Privacy: only you see your answers" in privacy.content.decode()
    # The choice is remembered on the next page too.
    assert html_lang(client.get("/")) == "en"

    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert html_lang(client.get("/")) == "nl"


def test_the_switcher_is_a_labelled_form_that_works_without_javascript(client, npuls):
    inhoud = client.get("/profiel/").content.decode()
    formulier = re.search(r'<form class="taalkeuze"[^>]*>(.*?)</form>', inhoud, re.S)
    assert formulier, "geen taalkeuze in de kop"
    kop = formulier[0]
    assert f'action="{reverse("set_language")}"' in kop and 'method="post"' in kop
    assert 'aria-label="Taal"' in kop
    assert 'name="next" value="/profiel/"' in kop
    assert "csrfmiddlewaretoken" in kop
    assert re.search(r'value="nl" lang="nl"[^>]*aria-current="true">Nederlands<', kop)
    assert re.search(r'value="en" lang="en" class="link">English<', kop)
    assert "<script" not in kop and "onclick" not in kop


def test_the_footer_and_menu_speak_english(client, npuls):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    inhoud = client.get("/").content.decode()
    for tekst in ("Main menu", "The profile", "Log in", "Create an account", "Accessibility"):
        assert tekst in inhoud
    assert 'aria-label="Language"' in inhoud


def test_python_strings_follow_the_language():
    with translation.override("en"):
        form = RegistratieForm({"email": "niet-een-adres", "wachtwoord": "12345678"})
        assert form.fields["email"].label == "Email address"
        assert not form.is_valid()
        assert (
            "This password has only digits; add letters or symbols too."
            in (form.errors["wachtwoord"])
        )
        stap = StapForm({"notitie": "x" * 5001}, items=[], opties=[])
        assert not stap.is_valid()
        assert stap.errors["notitie"] == ["This is a bit long: 5000 characters at most (now 5001)."]
    with translation.override("nl"):
        stap = StapForm({"notitie": "x" * 5001}, items=[], opties=[])
        stap.is_valid()
        assert stap.errors["notitie"] == ["Dit is wat lang: maximaal 5000 tekens (nu 5001)."]


def test_step_titles_follow_the_language(scan):
    with translation.override("en"):
        titels = [s.titel for s in stappenplan(scan)]
    assert titels[-2].endswith(": your label")
    assert titels[-1] == "Learning goals and conversation points"
    # The profile's own words in English too, where the profile has them translated.
    assert titels[0].startswith(scan.versie.groepen.get(sleutel="basis").in_taal("titel", "en"))
    assert titels[0].endswith(
        ": " + scan.versie.categorieen.get(sleutel="kennis").in_taal("titel", "en").lower()
    )


@pytest.mark.parametrize(
    ("minuten", "verwacht"),
    [(1, "Then try again in 1 minute."), (15, "Then try again in 15 minutes.")],
)
def test_english_plurals(minuten, verwacht, db):
    with translation.override("en"):
        inhoud = render_to_string("te_vaak.html", {"minuten": minuten})
    assert verwacht in inhoud


def test_dates_are_written_in_the_readers_language(client, scan):
    services.rond_af(scan=scan)
    client.force_login(scan.eigenaar, backend="django.contrib.auth.backends.ModelBackend")
    moment = timezone.localtime(scan.afgerond_op)
    for taal in ("nl", "en"):
        with translation.override(taal):
            datum = dateformat.format(moment, "j F Y")
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = taal
        assert datum in client.get("/scans/").content.decode()
        assert datum in client.get(f"/scans/{scan.pk}/rapport/").content.decode()
    with translation.override("en"):
        engels = dateformat.format(moment, "F")
    with translation.override("nl"):
        nederlands = dateformat.format(moment, "F")
    assert engels != nederlands
