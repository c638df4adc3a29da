"""Hostile input on the netwerk forms (a new netwerk, what I share, joining, leaving,
closing): never a 500, never someone else's data, a refusal explained in Dutch, nothing
with a NUL character stored, and what was typed comes back as text, never as markup."""

from __future__ import annotations

import re

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts import services as accounts_services
from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import ProfielVersie
from netwerk import services as netwerk_services
from netwerk.models import Bijdrage, Lidmaatschap, Netwerk
from tests.conftest import NPULS

from .test_vijandige_invoer import (
    FOUTOVERZICHT,
    INSTELLINGEN,
    MARKUP,
    inhoudssoort,
    invoer,
)
from .wereld import ALLE_MERKEN, WACHTWOORD, gegevens_van_eigenaar, maak_wereld

AANVALLER = "aanvaller@example.nl"


def _nul_opgeslagen() -> list[str]:
    gevonden = []
    for model, velden in ((Netwerk, ("naam", "beschrijving")), (Lidmaatschap, ("naam", "functie"))):
        for rij in model.objects.values_list(*velden):
            gevonden += [
                f"{model.__name__}.{v}" for v, w in zip(velden, rij, strict=True) if "\x00" in w
            ]
    return gevonden


class NetwerkInvoer(TestCase):
    @classmethod
    def setUpTestData(cls):
        resultaat = schrijf_profiel(lees_profielbestand(NPULS), bronbestand=str(NPULS))
        versie = ProfielVersie.objects.get(
            profiel__sleutel=resultaat.profiel, nummer=resultaat.versie
        )
        cls.versie = versie
        cls.slachtoffer = maak_wereld(versie)
        cls.aanvaller = accounts_services.registreer(
            email=AANVALLER, wachtwoord=WACHTWOORD, naam="Aan"
        )
        cls.eigen = netwerk_services.maak_netwerk(
            maker=cls.aanvaller, naam="Eigen", beschrijving="", versie=versie
        )
        cls.gebied_ids = list(versie.groepen.filter(soort="gebied").values_list("pk", flat=True))
        cls.basis_id = versie.groepen.get(soort="basis").pk

    def setUp(self):
        self.slachtoffer_voor = gegevens_van_eigenaar(self.slachtoffer)

    def _post(self, url, data, soort="multipart"):
        cache.clear()
        if "_auth_user_id" not in self.client.session:
            self.client.force_login(self.aanvaller)
        if soort == "urlencoded":
            from urllib.parse import urlencode

            return self.client.post(
                url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
            )
        if soort == "json":
            import json

            return self.client.post(url, json.dumps(data), content_type="application/json")
        return self.client.post(url, data)

    def _controleer(self, response):
        self.assertLess(response.status_code, 500)
        html = response.content.decode("utf-8", "replace")
        for merk in ALLE_MERKEN:
            self.assertNotIn(merk, html)
        if response.status_code == 200:
            self.assertIn('<html lang="nl">', html)
            self.assertIn(FOUTOVERZICHT, html)
        elif response.status_code != 302:
            self.assertIn(response.status_code, (400, 403, 404, 405))
        self.assertEqual(gegevens_van_eigenaar(self.slachtoffer), self.slachtoffer_voor)
        self.assertEqual(_nul_opgeslagen(), [])

    def _bijdrage_url(self, netwerk=None):
        return reverse("netwerk:bijdrage", kwargs={"netwerk_id": (netwerk or self.eigen).pk})

    @INSTELLINGEN
    @given(
        data=invoer(
            ["naam", "beschrijving", "versie"],
            {"naam": "Team", "beschrijving": "Samen", "versie": "VERSIE"},
        ),
        soort=inhoudssoort,
    )
    def test_a_new_netwerk(self, data, soort):
        if data.get("versie") == "VERSIE":
            data["versie"] = str(self.versie.pk)
        self._controleer(self._post(reverse("netwerk:nieuw"), data, soort))

    @INSTELLINGEN
    @given(data=st.data(), soort=inhoudssoort)
    def test_what_i_share(self, data, soort):
        g = self.gebied_ids[0]
        velden = ["naam", "functie"] + [
            f"{veld}_{i}"
            for i in [*self.gebied_ids[:2], self.basis_id, 999999]
            for veld in ("zet_in", "zet_in_zichtbaar", "groeien", "groeien_zichtbaar", "benader")
        ]
        geldig = {"naam": "Aan", f"zet_in_{g}": "on", f"zet_in_zichtbaar_{g}": "naam"}
        post = data.draw(invoer(velden, geldig))
        netwerk = data.draw(st.sampled_from([self.eigen, self.slachtoffer.netwerk]))
        self._controleer(self._post(self._bijdrage_url(netwerk), post, soort))
        # Only the attacker's own netwerk, only its own gebieden, never the basis.
        self.assertFalse(
            Bijdrage.objects.exclude(lidmaatschap__lid=self.slachtoffer.eigenaar)
            .exclude(lidmaatschap__netwerk=self.eigen)
            .exists()
        )
        self.assertFalse(Bijdrage.objects.filter(groep_id=self.basis_id).exists())

    @INSTELLINGEN
    @given(
        uitnodiging=st.one_of(
            st.text(max_size=80), st.sampled_from(["OUD", "../", "%00", "x" * 5000])
        ),
        data=invoer(["netwerk", "lid"], {}),
    )
    def test_joining_with_a_made_up_or_old_link(self, uitnodiging, data):
        if uitnodiging == "OUD":
            uitnodiging = self.slachtoffer.oude_uitnodiging
        url = "/netwerken/doe-mee/" + re.sub(r"[/?#]", "", uitnodiging or "x") + "/"
        self.client.force_login(self.aanvaller)
        for response in (self.client.get(url), self._post(url, data)):
            self.assertLess(response.status_code, 500)
            self._controleer(response)
        self.assertFalse(
            Lidmaatschap.objects.filter(
                lid=self.aanvaller, netwerk=self.slachtoffer.netwerk
            ).exists()
        )

    def test_a_nul_character_in_any_text_field_is_refused_in_dutch(self):
        g = self.gebied_ids[0]
        for url, data in (
            (
                reverse("netwerk:nieuw"),
                {"naam": "Team", "beschrijving": "x", "versie": self.versie.pk},
            ),
            (self._bijdrage_url(), {"naam": "Aan", "functie": "i-coach", f"benader_{g}": "on"}),
        ):
            for veld in ("naam", "beschrijving", "functie"):
                if veld not in data:
                    continue
                with self.subTest(url=url, veld=veld):
                    response = self._post(url, {**data, veld: data[veld] + "\x00"})
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    self.assertIn(FOUTOVERZICHT, html)
                    self.assertIn("Null-tekens zijn niet toegestaan.", html)
                    self.assertEqual(_nul_opgeslagen(), [])

    def test_too_long_texts_are_refused_in_dutch(self):
        response = self._post(
            reverse("netwerk:nieuw"), {"naam": "x" * 121, "versie": self.versie.pk}
        )
        self.assertIn("Dit is wat lang: maximaal 120 tekens (nu 121).", response.content.decode())
        response = self._post(self._bijdrage_url(), {"naam": "x" * 101})
        self.assertIn("Dit is wat lang: maximaal 100 tekens (nu 101).", response.content.decode())

    def test_what_was_typed_comes_back_as_text_on_the_map_and_the_join_page(self):
        g = self.gebied_ids[0]
        for tekst in MARKUP:
            with self.subTest(tekst=tekst):
                self._post(
                    self._bijdrage_url(),
                    {"naam": tekst[:100], "functie": tekst, f"benader_{g}": "on"},
                )
                Netwerk.objects.filter(pk=self.eigen.pk).update(
                    naam=tekst[:120], beschrijving=tekst
                )
                self.client.force_login(self.aanvaller)
                kaart = self.client.get(
                    reverse("netwerk:kaart", kwargs={"netwerk_id": self.eigen.pk})
                ).content.decode()
                self.assertIsNone(re.search(r"<script(?![^>]*\bsrc=)", kaart))
                self.assertIn(escape(tekst[:100].strip()), kaart)
                self.client.force_login(self.slachtoffer.eigenaar)
                self.eigen.refresh_from_db()
                doe_mee = self.client.get(
                    reverse("netwerk:doe_mee", kwargs={"uitnodiging": self.eigen.uitnodiging})
                ).content.decode()
                self.assertIsNone(re.search(r"<script(?![^>]*\bsrc=)", doe_mee))
                self.client.force_login(self.aanvaller)
