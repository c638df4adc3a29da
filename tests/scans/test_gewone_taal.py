"""Plain Dutch everywhere: the password pages speak "je" (Django's own "u" is overridden in
our catalogue), an empty form says what is missing, a required checkbox says what it is
for, and no page shows a command or a word from the code."""

import re

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.http import urlsafe_base64_encode

from tests.i18n.catalogus import lees_po, po_pad

FORMEEL = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
JARGON = ("manage.py", "laad_profiel", "vaste sleutel", "gebruikersnaam", "yaml", "wachtwoordveld")


def _tekst(response) -> str:
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def _zegt_je(response) -> str:
    tekst = _tekst(response)
    assert response.status_code == 200
    assert not FORMEEL.search(tekst), FORMEEL.search(tekst)
    for woord in JARGON:
        assert woord not in tekst.lower(), woord
    return tekst


def test_changing_the_password_speaks_je_also_in_its_errors(ingelogd):
    url = reverse("password_change")
    tekst = _zegt_je(ingelogd.get(url))
    assert "Je huidige wachtwoord" in tekst
    assert "Minstens 8 tekens" in tekst
    tekst = _zegt_je(ingelogd.post(url, {"old_password": "fout", "new_password1": "1"}))
    assert "Dit is niet je huidige wachtwoord." in tekst
    assert "Dit wachtwoord is te kort" in tekst
    assert "behalve je wachtwoord" in tekst
    tekst = _zegt_je(ingelogd.post(url, {"old_password": "", "new_password1": ""}))
    for melding in ("Vul je huidige wachtwoord in.", "Kies een nieuw wachtwoord."):
        assert melding in tekst


def test_a_password_like_the_address_names_the_address(ingelogd, gebruiker):
    tekst = _zegt_je(
        ingelogd.post(
            reverse("password_change"),
            {
                "old_password": "Een-lang-wachtwoord-42",
                "new_password1": gebruiker.email,
            },
        )
    )
    assert "Je wachtwoord lijkt te veel op je e-mailadres." in tekst


def test_resetting_the_password_speaks_je_from_request_to_new_password(client, gebruiker):
    tekst = _zegt_je(client.post(reverse("password_reset"), {"email": ""}))
    assert "Vul het e-mailadres van je account in." in tekst
    uid = urlsafe_base64_encode(str(gebruiker.pk).encode())
    token = default_token_generator.make_token(gebruiker)
    formulier = client.get(f"/accounts/reset/{uid}/{token}/", follow=True)
    tekst = _zegt_je(formulier)
    assert "Nieuw wachtwoord" in tekst and "nog een keer" not in tekst
    tekst = _zegt_je(client.post(formulier.redirect_chain[-1][0], {"new_password1": "1234"}))
    assert "Dit wachtwoord is te kort: gebruik minstens 8 tekens." in tekst
    assert "Dit wachtwoord heeft alleen cijfers" in tekst


def test_an_empty_login_form_says_what_is_missing(client, gebruiker):
    tekst = _zegt_je(client.post(reverse("login"), {"username": "", "password": ""}))
    assert "Vul je e-mailadres in." in tekst
    assert "Vul je wachtwoord in." in tekst
    assert "horen niet bij elkaar" not in tekst
    html = client.post(reverse("login"), {"username": "anna@example.nl"}).content.decode()
    assert '<a href="#id_password">Vul je wachtwoord in.</a>' in html


def test_an_empty_registration_says_what_is_missing(client, db):
    tekst = _zegt_je(client.post(reverse("registreren"), {}))
    for melding in ("Vul je e-mailadres in.", "Kies een wachtwoord."):
        assert melding in tekst
    assert "Dit veld is verplicht" not in tekst


def test_the_required_checkbox_says_what_ticking_it_means(ingelogd):
    tekst = _zegt_je(
        ingelogd.post(reverse("account_verwijderen"), {"wachtwoord": "Een-lang-wachtwoord-42"})
    )
    assert "Vink dit aan als je zeker weet dat alles weg mag" in tekst
    assert "Dit veld is verplicht" not in tekst
    assert ingelogd.get(reverse("scans:mijn_scans")).status_code == 200  # nothing deleted


def test_without_a_profile_the_page_asks_for_the_administrator_not_a_command(ingelogd):
    response = ingelogd.get(reverse("scans:nieuw"))
    assert response.status_code == 503
    assert "manage.py" not in _tekst(response)
    assert "beheerder" in _tekst(response)


def test_no_interface_text_contains_a_command_or_code_word():
    for vermelding in lees_po(po_pad("nl")):
        if not vermelding.msgid[:1].isupper():
            continue  # field names for the admin, such as "sleutel"
        tekst = vermelding.msgid.lower() + " ".join(vermelding.msgstr.values()).lower()
        for woord in ("manage.py", "laad_profiel", "vaste sleutel", "gebruikersnaam", "yaml"):
            assert woord not in tekst, vermelding.msgid
