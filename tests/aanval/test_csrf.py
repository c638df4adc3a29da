"""No form of the project, the admin's included, accepts a POST without the CSRF token of
the visitor's own session: every URL answers such a POST with our Dutch 403 page and the
database stays exactly as it was. Even a POST that would otherwise delete the account.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from .urls_bouwen import alle_urls
from .wereld import EMAIL, WACHTWOORD, aanvalsdata, momentopname

VERLOPEN = "Je formulier is verlopen. Ga terug, ververs de pagina en probeer het opnieuw"

# Forms that really do something on POST; all of them must be among the attacked URLs.
FORMULIEREN = {
    "login",
    "logout",
    "registreren",
    "password_reset",
    "password_reset_confirm",
    "password_change",
    "account_verwijderen",
    "naam_wijzigen",
    "oidc_ontkoppelen",
    "set_language",
    "scans:nieuw",
    "scans:stap",
    "scans:verwijderen",
    "scans:rapport_pdf",
    "netwerk:nieuw",
    "netwerk:doe_mee",
    "netwerk:bijdrage",
    "netwerk:vernieuwen",
    "netwerk:verlaten",
    "netwerk:sluiten",
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "admin:auth_user_add",
    "admin:auth_user_change",
    "admin:auth_user_delete",
    "admin:auth_user_password_change",
    "admin:axes_accessattempt_delete",
}


def _alles_mag(wereld) -> dict:
    """A POST that every form would accept, were it not for the missing token."""
    nieuw = "Een-ander-lang-wachtwoord-77"
    return {
        **aanvalsdata(),
        "username": EMAIL,
        "password": WACHTWOORD,
        "email": EMAIL,
        "naam": "AANVALLER",
        "wachtwoord": WACHTWOORD,
        "old_password": WACHTWOORD,
        "new_password1": nieuw,
        "password1": nieuw,
        "password2": nieuw,
        "language": "en",
        "post": "yes",  # the admin's "yes, I'm sure" on a delete page
        "action": "delete_selected",
        "_selected_action": str(wereld.eigenaar.pk),
    }


def _zonder_token(client: Client, wereld, mailoutbox) -> int:
    voor = momentopname()
    data = _alles_mag(wereld)
    urls = alle_urls(wereld)
    assert FORMULIEREN <= {p.naam for p, _ in urls}
    for patroon, url in urls:
        response = client.post(url, data)
        waar = f"POST {url} ({patroon.naam})"
        assert response.status_code == 403, waar
        html = response.content.decode()
        assert VERLOPEN in html, waar
        assert "CSRF" not in html, waar
    assert momentopname() == voor
    assert mailoutbox == []
    return len(urls)


def test_an_anonymous_post_without_token_is_refused_everywhere(wereld, mailoutbox):
    assert _zonder_token(Client(enforce_csrf_checks=True), wereld, mailoutbox) > 100


def test_the_owners_own_post_without_token_is_refused_everywhere(wereld, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.eigenaar)
    client.get(reverse("scans:mijn_scans"))  # a CSRF cookie, as a real browser would have
    assert "csrftoken" in client.cookies
    assert _zonder_token(client, wereld, mailoutbox) > 100


def test_a_superusers_post_without_token_is_refused_everywhere(wereld, staf, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staf)
    client.get(reverse("admin:index"))
    assert _zonder_token(client, wereld, mailoutbox) > 100


def _token(client: Client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def test_with_its_own_token_the_same_post_does_get_through(wereld):
    # The control: the 403s above are the token's doing, not something else.
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.eigenaar)
    url = reverse("scans:verwijderen", kwargs={"scan_id": wereld.scans[1].pk})
    response = client.post(url, {"csrfmiddlewaretoken": _token(client, url)})
    assert response.status_code == 302
    assert not wereld.eigenaar.scans.filter(pk=wereld.scans[1].pk).exists()


def test_a_token_from_another_browser_is_refused(wereld):
    aanvaller = Client(enforce_csrf_checks=True)
    gestolen = _token(aanvaller, reverse("login"))
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.eigenaar)
    _token(client, reverse("scans:mijn_scans"))
    url = reverse("scans:verwijderen", kwargs={"scan_id": wereld.scans[1].pk})
    response = client.post(url, {"csrfmiddlewaretoken": gestolen})
    assert response.status_code == 403
    assert VERLOPEN in response.content.decode()
    assert wereld.eigenaar.scans.count() == 2


@pytest.mark.parametrize("origin", ["https://aanvaller.example", "null"])
def test_a_post_from_another_site_is_refused_even_with_a_token(wereld, origin):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.eigenaar)
    url = reverse("scans:verwijderen", kwargs={"scan_id": wereld.scans[1].pk})
    token = _token(client, url)
    response = client.post(url, {"csrfmiddlewaretoken": token}, headers={"origin": origin})
    assert response.status_code == 403
    assert wereld.eigenaar.scans.count() == 2
