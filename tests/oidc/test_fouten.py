"""Every way the institution's login can go wrong ends on a calm Dutch page that says what
happened and how to try again: never a 500, never an account made half-way. Against the
real provider; the state, nonce or verifier is changed in the session to play the attack
the check is there for."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import InstellingsIdentiteit

from .aanbieder import start_aanbieder
from .conftest import log_in, start
from .persoon import pad, query

ONBEREIKBAAR = "De inlogdienst van je instelling is nu niet bereikbaar"
SESSIE = "Dit inlogverzoek kennen we niet (meer)"
CODE = "Je instelling heeft het inloggen niet bevestigd"
TOKEN = "We konden niet nagaan wie je bent"
AFGEBROKEN = "Je hebt het inloggen afgebroken"
FOUTMELDING = "De inlogdienst van je instelling gaf een foutmelding"


def _niets_gemaakt():
    assert not get_user_model().objects.exists()
    assert not InstellingsIdentiteit.objects.exists()


def _pagina(response, kop: str, status: int = 400) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{kop}</h1>" in html
    assert '<html lang="nl">' in html
    assert "_auth_user_id" not in response.wsgi_request.session
    return html


def _wijzig_sessie(client, state: str, **waarden) -> None:
    sessie = client.session
    sessie["oidc_states"][state].update(waarden)
    sessie.save()


def test_cancelling_at_the_provider_says_so_calmly(rp, persoon):
    terug = persoon().breek_af(start(rp))
    assert query(terug)["error"] == "access_denied"
    html = _pagina(rp.get(pad(terug)), AFGEBROKEN, status=200)
    assert "Opnieuw inloggen met je instelling" in html
    _niets_gemaakt()


def test_a_tampered_state_is_refused(rp, persoon):
    terug = persoon().log_in(start(rp))
    params = query(terug)
    vervalst = {**params, "state": params["state"][:-4] + "AAAA"}
    _pagina(rp.get(reverse("oidc_callback") + "?" + urlencode(vervalst)), SESSIE)
    _niets_gemaakt()


def test_a_replayed_callback_is_refused_and_changes_nothing(rp, persoon):
    terug = persoon().log_in(start(rp))
    assert rp.get(pad(terug)).status_code == 302
    rp.post(reverse("logout"))
    _pagina(rp.get(pad(terug)), SESSIE)
    assert get_user_model().objects.count() == 1


def test_a_callback_in_another_browser_is_refused(rp, persoon, rp_basis):
    from urllib.parse import urlsplit

    from django.test import Client

    terug = persoon().log_in(start(rp))
    ander = Client(HTTP_HOST=urlsplit(rp_basis).netloc)  # a session without this state
    _pagina(ander.get(pad(terug)), SESSIE)
    _niets_gemaakt()


def test_a_code_used_before_is_refused_by_the_provider(rp, persoon):
    anna = persoon()
    eerste = anna.log_in(start(rp))
    rp.get(pad(eerste))
    rp.post(reverse("logout"))
    InstellingsIdentiteit.objects.all().delete()
    get_user_model().objects.all().delete()
    # A new login, but the old code comes back with the new state.
    nieuw = query(start(rp))["state"]
    oud = {**query(eerste), "state": nieuw}
    _pagina(rp.get(reverse("oidc_callback") + "?" + urlencode(oud)), CODE)
    _niets_gemaakt()


def test_a_wrong_pkce_verifier_is_refused_by_the_provider(rp, persoon):
    url = start(rp)
    terug = persoon().log_in(url)
    _wijzig_sessie(rp, query(url)["state"], code_verifier="x" * 64)
    _pagina(rp.get(pad(terug)), CODE)
    _niets_gemaakt()


def test_an_id_token_with_another_nonce_is_refused(rp, persoon, caplog):
    url = start(rp)
    terug = persoon().log_in(url)
    _wijzig_sessie(rp, query(url)["state"], nonce="een-andere-nonce-dan-in-het-token")
    _pagina(rp.get(pad(terug)), TOKEN)
    _niets_gemaakt()
    assert "JWT Nonce verification failed" in caplog.text


def test_an_error_response_of_the_provider_is_shown_with_its_code(rp, persoon):
    # prompt=none for someone not logged in at the provider: a real error response.
    url = start(rp) + "&prompt=none"
    soort, terug = persoon()._volg(url)
    assert soort == "terug" and query(terug)["error"] == "login_required"
    html = _pagina(rp.get(pad(terug)), FOUTMELDING)
    assert "<code>login_required</code>" in html
    _niets_gemaakt()


def test_another_issuer_in_the_response_is_refused(rp, persoon):
    # RFC 9207: the provider names itself in the response; a mix-up names another.
    terug = persoon().log_in(start(rp))
    params = {**query(terug), "iss": "https://aanvaller.example"}
    _pagina(rp.get(reverse("oidc_callback") + "?" + urlencode(params)), TOKEN)
    _niets_gemaakt()


@pytest.mark.parametrize(
    ("kid", "reden"),
    [("zelfde", "Signature verification failed"), ("", "Could not find a valid JWKS")],
    ids=["same-kid-other-key", "unknown-kid"],
)
def test_an_id_token_not_signed_by_the_providers_key_is_refused(
    rp, persoon, settings, rp_basis, kid, reden, caplog
):
    """Our client checks the signature against the JWKS it is given: point it at another
    provider's keys (with the same key id, or another) and the real token fails."""
    ander = start_aanbieder(rp_basis, kid="zelfde")
    eigen = None
    try:
        eigen = start_aanbieder(rp_basis, kid=kid)
        settings.ZELFSCAN_OIDC = {
            **eigen.instelling(),
            "authorization_endpoint": f"{eigen.issuer}/auth",
            "token_endpoint": f"{eigen.issuer}/token",
            "userinfo_endpoint": f"{eigen.issuer}/me",
            "jwks_uri": f"{ander.issuer}/jwks",
        }
        _pagina(log_in(rp, persoon()), TOKEN)
        _niets_gemaakt()
        assert reden in caplog.text
    finally:
        ander.stop()
        if eigen is not None:
            eigen.stop()


def test_the_provider_stopped_before_the_start(rp, settings, rp_basis):
    weg = start_aanbieder(rp_basis)
    settings.ZELFSCAN_OIDC = weg.instelling()
    weg.stop()
    html = _pagina(rp.get(reverse("oidc_inloggen")), ONBEREIKBAAR, status=503)
    assert "log dan in met je e-mailadres" in html
    _niets_gemaakt()


def test_the_provider_stopped_while_the_person_was_there(rp, persoon, settings, rp_basis):
    weg = start_aanbieder(rp_basis)
    settings.ZELFSCAN_OIDC = weg.instelling()
    terug = persoon().log_in(start(rp))
    weg.stop()
    _pagina(rp.get(pad(terug)), ONBEREIKBAAR, status=503)
    _niets_gemaakt()


def test_a_provider_that_names_another_issuer_is_not_used(rp, settings, oidc_aan):
    settings.ZELFSCAN_OIDC = {**oidc_aan.instelling(), "issuer": oidc_aan.issuer + "/"}
    _pagina(rp.get(reverse("oidc_inloggen")), ONBEREIKBAAR, status=503)


def test_a_callback_without_anything_is_refused(rp):
    _pagina(rp.get(reverse("oidc_callback")), SESSIE)
    _pagina(rp.get(reverse("oidc_callback"), {"state": "x", "code": "y"}), SESSIE)
    _niets_gemaakt()
