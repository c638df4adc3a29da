"""Everything else keeps working for an account that logs in through the institution: the
export (which names the institution, not the pseudonym), deleting the account without a
password, and a logout that is honest about the institution's own session."""

from __future__ import annotations

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import InstellingsIdentiteit

from .conftest import log_in
from .persoon import query


def test_the_export_names_the_institution_and_never_the_sub(rp, persoon, oidc_aan):
    log_in(rp, persoon("anna"))
    sub = InstellingsIdentiteit.objects.get().sub
    response = rp.get(reverse("gegevens_downloaden"))
    data = json.loads(response.content)
    assert data["formaat"] == 3
    assert data["account"]["email"] == "anna@instelling.example"
    [instelling] = data["account"]["inloggen_met_instelling"]
    assert instelling["instelling"] == oidc_aan.issuer
    assert instelling["gekoppeld_op"]
    assert sub not in response.content.decode()


def test_an_account_without_a_password_is_deleted_by_typing_the_word(rp, persoon):
    voor = {m._meta.label: m.objects.count() for m in apps.get_models()}
    log_in(rp, persoon("anna"))
    pagina = rp.get(reverse("account_verwijderen")).content.decode()
    assert "Typ ter bevestiging het woord: verwijderen" in pagina
    assert 'type="password"' not in pagina
    fout = rp.post(reverse("account_verwijderen"), {"bevestiging": "weg", "zeker": "on"})
    assert "Typ precies het woord verwijderen." in fout.content.decode()
    assert get_user_model().objects.exists()
    response = rp.post(
        reverse("account_verwijderen"), {"bevestiging": " Verwijderen ", "zeker": "on"}
    )
    assert response["Location"] == reverse("home")
    na = {m._meta.label: m.objects.count() for m in apps.get_models()}
    assert {**na, "sessions.Session": 0} == {**voor, "sessions.Session": 0}


def test_logging_out_says_the_institution_may_still_know_you(rp, persoon):
    log_in(rp, persoon("anna"))
    response = rp.post(reverse("logout"))
    assert response["Location"] == reverse("uitgelogd")
    html = rp.get(response["Location"]).content.decode()
    assert "Je bent uitgelogd bij de zelfscan" in html
    assert "Daar ben je waarschijnlijk nog ingelogd" in html
    assert "Sluit dan alle vensters van je browser" in html  # no end_session_endpoint here
    assert "Ook uitloggen bij je instelling" not in html
    assert "_auth_user_id" not in rp.session
    # Once said; opened again later it is a plain page.
    assert "Daar ben je waarschijnlijk" not in rp.get(reverse("uitgelogd")).content.decode()


def test_the_institutions_logout_is_offered_when_it_has_one(
    rp, persoon, settings, aanbieder_met_uitloggen, rp_basis
):
    settings.ZELFSCAN_OIDC = aanbieder_met_uitloggen.instelling()
    log_in(rp, persoon("anna"))
    html = rp.get(rp.post(reverse("logout"))["Location"]).content.decode()
    begin = html.index('href="', html.index("Log daarom ook uit bij je instelling")) + 6
    url = html[begin : html.index('"', begin)].replace("&amp;", "&")
    assert url.startswith(aanbieder_met_uitloggen.ontdekking()["end_session_endpoint"] + "?")
    assert query(url) == {"client_id": "zelfscan", "post_logout_redirect_uri": rp_basis + "/"}


def test_a_password_logout_is_as_before(ingelogd, oidc_aan):
    response = ingelogd.post(reverse("logout"))
    assert response["Location"] == reverse("home")


def test_mijn_gegevens_of_an_institution_account(rp, persoon):
    log_in(rp, persoon("anna"))
    html = rp.get(reverse("mijn_gegevens")).content.decode()
    assert "anna@instelling.example" in html
    assert "via je instelling" in html
    assert reverse("password_change") not in html
