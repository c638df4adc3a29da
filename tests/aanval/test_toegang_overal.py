"""Every URL of the whole project, the admin's included, walked as an anonymous visitor,
as another person, as a superuser and as a member of the owner's netwerk: none of them
ever sees a word of the owner's reflection, none but the member sees anything of the
netwerk, and none of them can change what the owner has.

The URLs come from Django's own resolver (urls_bouwen.py), so a URL added tomorrow is
attacked tomorrow; one the suite cannot build makes it fail.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, path, reverse

from accounts.services import registreer
from netwerk import services as netwerk_services
from netwerk.models import Lidmaatschap
from scans.models import Antwoord, Leerdoel, LeerdoelOpvolging, Notitie, Scan, ScanGroep

from . import urls_bouwen
from .urls_bouwen import BEHEER_SCANS, Onbouwbaar, alle_patronen, alle_urls, urls_voor
from .wereld import (
    ACCOUNT,
    ALLE_MERKEN,
    EMAIL,
    NETWERK,
    NOOIT,
    REFLECTIE,
    WACHTWOORD,
    aanvalsdata,
    gegevens_van_eigenaar,
)

# The one place where account data (not reflections) of the owner may appear: the
# admin's account management, which a superuser needs to help someone who is locked out
# or to remove an account. These pages show the e-mail address and name, never a scan.
ACCOUNTBEHEER = {
    "admin:auth_user_changelist": "the list of accounts",
    "admin:auth_user_change": "one account",
    "admin:auth_user_delete": "confirming an account's removal",
    "admin:auth_user_history": "an account's change history (title names the account)",
    "admin:auth_user_password_change": "setting a new password for an account",
    "beheer/auth/user/<path:object_id>/": "redirects to the account page",
    "admin:axes_accessattempt_changelist": "failed logins (django-axes) name the account",
    "admin:axes_accessattempt_change": "one failed-login record",
    "admin:axes_accessattempt_delete": "removing a lockout",
    "admin:axes_accessattempt_history": "a failed-login record's history",
}

# The admin pages anyone may open: its login form and its logout.
BEHEER_OPEN = {"admin:login", "admin:logout"}

# What only the member who manages a netwerk (here: the owner, who made it) may do.
NETWERK_BEHEER = {"netwerk:vernieuwen", "netwerk:sluiten"}


def _lekken(response, merken) -> list[str]:
    inhoud = response.content.decode("utf-8", "replace")
    inhoud += "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    return [m for m in merken if m in inhoud]


def _aanval(client: Client, wereld, *, inloggen=None, staf: bool = False, lid=None) -> int:
    """GET and POST every URL of the project; returns the number of requests made.

    `lid`: the visitor is a member of the owner's netwerk (not its manager); `inloggen`
    then also brings them back into the netwerk after they left it through one of the URLs.
    """
    voor = gegevens_van_eigenaar(wereld)
    data = aanvalsdata()
    aantal = 0
    netwerk_id = str(wereld.netwerk.pk)
    for patroon, url in alle_urls(wereld):
        met_scan = any(scan_id in url for scan_id in wereld.scan_ids)
        met_netwerk = netwerk_id in url or patroon.naam == "netwerk:doe_mee"
        for methode in ("get", "post"):
            if inloggen is not None:
                # Logging out is one of the URLs; come back in for the next one.
                inloggen()
            if methode == "get":
                response = client.get(url)
            else:
                response = client.post(url, {} if patroon.in_beheer else data)
            aantal += 1
            waar = f"{methode.upper()} {url} ({patroon.naam})"
            assert response.status_code < 500, waar
            if lid is not None:
                merken = REFLECTIE + ACCOUNT
            elif staf and patroon.naam in ACCOUNTBEHEER:
                merken = REFLECTIE + NETWERK
            else:
                merken = ALLE_MERKEN
            merken = merken + NOOIT
            assert not _lekken(response, merken), f"{waar} shows {_lekken(response, merken)}"
            if (met_scan or met_netwerk) and not patroon.in_beheer:
                if inloggen is None:
                    assert response.status_code == 302, waar
                    assert response["Location"].startswith(reverse("login")), waar
                elif lid is None or met_scan or patroon.naam == "netwerk:doe_mee":
                    # (Only refused invitation links are walked: the old one and a made-up one.)
                    assert response.status_code == 404, waar
                elif patroon.naam in NETWERK_BEHEER:
                    assert response.status_code == 404, waar
                else:
                    assert response.status_code in (200, 302), waar
            if patroon.in_beheer and not staf and patroon.naam not in BEHEER_OPEN:
                assert response.status_code in (302, 404), waar
                if response.status_code == 302:
                    assert response["Location"].startswith(reverse("admin:login")), waar
    assert gegevens_van_eigenaar(wereld) == voor, "an attacker changed the owner's data"
    return aantal


@pytest.fixture
def met_mislukte_inlog(wereld):
    # A failed login of the owner: django-axes keeps it, with the e-mail address.
    response = Client().post(reverse("login"), {"username": EMAIL, "password": "fout"})
    assert response.status_code == 200
    return wereld


def test_an_anonymous_visitor_sees_nothing_of_the_owner_on_any_url(met_mislukte_inlog):
    assert _aanval(Client(), met_mislukte_inlog) > 250


def test_another_person_sees_nothing_of_the_owner_on_any_url(met_mislukte_inlog, andere_gebruiker):
    client = Client()

    def inloggen():
        if "_auth_user_id" not in client.session:
            client.force_login(andere_gebruiker)

    assert _aanval(client, met_mislukte_inlog, inloggen=inloggen) > 250


def test_a_superuser_sees_no_reflection_of_the_owner_on_any_url(met_mislukte_inlog, staf):
    client = Client()

    def inloggen():
        if "_auth_user_id" not in client.session:
            client.force_login(staf)

    assert _aanval(client, met_mislukte_inlog, inloggen=inloggen, staf=True) > 250


def test_a_member_of_the_owners_netwerk_sees_no_reflection_and_cannot_manage_it(
    met_mislukte_inlog,
):
    wereld = met_mislukte_inlog
    lid = registreer(email="lid@example.nl", wachtwoord="Een-lang-wachtwoord-42", naam="Lid")
    netwerk_services.doe_mee(netwerk=wereld.netwerk, gebruiker=lid)
    client = Client()

    def inloggen():
        if "_auth_user_id" not in client.session:
            client.force_login(lid)
        if not Lidmaatschap.objects.filter(netwerk=wereld.netwerk, lid=lid).exists():
            netwerk_services.doe_mee(netwerk=wereld.netwerk, gebruiker=lid)

    assert _aanval(client, wereld, inloggen=inloggen, lid=lid) > 250


def test_the_markers_are_really_there_for_the_owner(client, wereld):
    """Without this, 'no marker anywhere' could pass because the markers never render."""
    client.force_login(wereld.eigenaar)
    eerste, vervolg = wereld.scans
    gezien = ""
    for url in (
        reverse("scans:rapport", kwargs={"scan_id": eerste.pk}),
        reverse("scans:rapport", kwargs={"scan_id": vervolg.pk}),
        reverse("scans:stap", kwargs={"scan_id": vervolg.pk, "stap": "opvolging"}),
        reverse("gegevens_downloaden"),
        reverse("mijn_gegevens"),
        reverse("netwerk:kaart", kwargs={"netwerk_id": wereld.netwerk.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        gezien += response.content.decode()
    # The owner's link with the institution shows (its issuer), its pseudonym never does.
    assert "https://connect.instelling.example" in gezien
    assert "Ontkoppel van je instelling" in gezien
    for merk in ALLE_MERKEN:
        assert merk in gezien, merk
    assert WACHTWOORD not in gezien
    for merk in NOOIT:
        assert merk not in gezien, merk


def test_the_superuser_sees_the_account_only_on_the_listed_account_pages(met_mislukte_inlog, staf):
    """Keep ACCOUNTBEHEER honest: each listed page exists, and the e-mail is only there."""
    client = Client()
    client.force_login(staf)
    namen = {p.naam for p in alle_patronen()}
    assert set(ACCOUNTBEHEER) <= namen
    response = client.get(reverse("admin:auth_user_changelist"))
    assert EMAIL in response.content.decode()
    for url in (reverse("admin:index"), reverse("home"), reverse("scans:mijn_scans")):
        assert not _lekken(client.get(url), ACCOUNT), url


def test_the_admin_shows_no_scan_answer_note_or_leerdoel(client, wereld, staf):
    for model in (Scan, Antwoord, Notitie, Leerdoel, LeerdoelOpvolging, ScanGroep):
        assert not admin.site.is_registered(model), model
    client.force_login(staf)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    html = index.content.decode()
    assert "/beheer/competentieprofiel/" in html  # the admin works and lists what it has
    assert "/beheer/scans/" not in html
    for model in (Scan, Antwoord, Notitie, Leerdoel, LeerdoelOpvolging, ScanGroep):
        assert f"/{model._meta.model_name}/" not in html
    for deel in [*BEHEER_SCANS, f"scans/scan/{wereld.scan_ids[0]}/change/"]:
        assert client.get(f"/beheer/{deel}").status_code == 404, deel
    # The admin's autocomplete cannot be pointed at scans either; from a scan's owner
    # field it finds accounts, as the account list does, and nothing of a reflection.
    for model_name, field_name in (("antwoord", "scan"), ("scan", "vorige_scan")):
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": "scans", "model_name": model_name, "field_name": field_name},
        )
        assert response.status_code == 403, (model_name, field_name)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "scans", "model_name": "scan", "field_name": "eigenaar", "term": "MERK"},
    )
    assert not _lekken(response, REFLECTIE)


def test_every_pattern_of_the_project_is_attacked(wereld):
    patronen = alle_patronen()
    assert {p.naam for p in patronen} >= {
        "scans:stap",
        "scans:rapport_pdf",
        "gegevens_downloaden",
        "account_verwijderen",
        "password_reset_confirm",
        "admin:index",
        "admin:auth_user_change",
        "admin:view_on_site",
        "oidc_inloggen",
        "oidc_callback",
        "oidc_koppelen",
        "oidc_ontkoppelen",
        "uitgelogd",
        "netwerk:kaart",
        "netwerk:praatplaat",
        "netwerk:doe_mee",
        "netwerk:sluiten",
    }
    for patroon in patronen:
        assert urls_voor(patroon, wereld), patroon.naam
    stappen = [url for p, url in alle_urls(wereld) if p.naam == "scans:stap"]
    assert len(stappen) == sum(len(list(urls_bouwen.stappenplan(s))) for s in wereld.scans)


def _onbekend(request, geheim):  # pragma: no cover - never called
    raise AssertionError


urlpatterns = [path("nieuw/<int:geheim>/", _onbekend, name="nieuw")]


@pytest.mark.urls(__name__)
def test_a_pattern_the_suite_cannot_build_fails_loudly(wereld):
    [patroon] = alle_patronen()
    assert isinstance(patroon.patroon, URLPattern)
    with pytest.raises(Onbouwbaar, match="does not know how to fill in <geheim>"):
        urls_voor(patroon, wereld)
