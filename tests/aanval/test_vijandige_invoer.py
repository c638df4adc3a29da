"""Random and hostile input on every form: huge texts, control characters and NUL, HTML and
script, lists where one value belongs, unknown fields and options, someone else's scan,
absurd formset counts, other encodings. Whatever comes in, the answer is never a 500,
never someone else's data, and a refused form says in Dutch what to look at.

Each example runs in its own transaction (hypothesis.extra.django.TestCase), on a world
built once per class in setUpTestData.
"""

from __future__ import annotations

import json
import re
import uuid
from urllib.parse import quote, urlencode, urlsplit

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.cache import cache
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts import forms as account_forms
from accounts import services as accounts_services
from competentieprofiel.laden import schrijf_profiel
from competentieprofiel.models import Item, ProfielVersie
from scans import forms as scan_forms
from scans import services
from scans.models import Leerdoel, LeerdoelOpvolging, Notitie, Scan
from scans.stappen import ITEMS, stappenplan
from tests.conftest import NPULS

from .wereld import ALLE_MERKEN, WACHTWOORD, gegevens_van_eigenaar, maak_wereld, vul_scan

AANVALLER = "aanvaller@example.nl"
LEERDOELVELDEN = ("wat", "waarom", "eerste_stap", "hulp", "wanneer")
FOUTOVERZICHT = "Er is iets dat je nog even moet bekijken"
VELDFOUT = 'class="errorlist'  # Django's own error list, e.g. of a formset's hidden fields
INLOGFOUT = "Dat e-mailadres en wachtwoord horen niet bij elkaar"
# The login page names a wrong combination, or links to the field that is missing or wrong.
INLOG_GEWEIGERD = (INLOGFOUT, '<li><a href="#id_username">', '<li><a href="#id_password">')

HOSTIEL = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(document.cookie)</script>",
    "javascript:alert(1)",
    "{{ request.user.password }}{% debug %}",
    "' OR 1=1; DROP TABLE scans_scan; --",
    "\x00",
    "voor\x00na",
    "\r\n\t\x0b\x0c\x1b[31m\x7f",
    "\u202eomgekeerd\u200b\ufeff",
    "../../../etc/passwd",
    "%00%0d%0a",
    "😀" * 50,
    "x" * 200,
    "x" * 201,
    "x" * 5000,
    "x" * 5001,
    "x" * 20000,
]

MARKUP = [
    *HOSTIEL[:6],
    "<b>vet</b> & <i>schuin</i>",
    "<!-- commentaar -->",
    "&lt;al ontsnapt&gt; &amp;",
    "<svg onload=alert(1)>",
    "regel een\n<script>regel twee</script>\n\nregel drie",
]

# Text without lone surrogates (a browser cannot send those as UTF-8 either).
_tekens = st.characters(exclude_categories=("Cs",))
tekst = st.one_of(
    st.text(_tekens, max_size=40),
    st.sampled_from(HOSTIEL),
    # Long texts, up to 20,000 characters, built from a short random piece.
    st.builds(
        lambda stuk, n: (stuk * n)[:20000],
        st.text(_tekens, min_size=1, max_size=20),
        st.integers(1, 2000),
    ),
)
waarde = st.one_of(tekst, tekst, st.lists(tekst, max_size=3))
vreemde_sleutel = st.one_of(st.text(_tekens, min_size=1, max_size=30), st.sampled_from(HOSTIEL[:6]))
telling = st.sampled_from(["1000000", "99999999999999999999", "-1", "abc", "", "0", "1", "3", "4"])
inhoudssoort = st.sampled_from(["multipart", "urlencoded", "json"])


def invoer(velden: list[str], geldig: dict, *, extra: dict | None = None):
    """A post for one form: start empty or from a valid post, then overwrite any of its
    fields, and add unknown ones, with hostile values."""
    sleutels = st.one_of(st.sampled_from(velden), vreemde_sleutel) if velden else vreemde_sleutel
    return st.builds(
        lambda basis, vijandig, erbij: {**basis, **vijandig, **erbij},
        st.sampled_from([{}, geldig]),
        st.dictionaries(sleutels, waarde, max_size=len(velden) + 3),
        st.fixed_dictionaries({}, optional=extra or {}),
    )


INSTELLINGEN = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _nul_opgeslagen() -> list[str]:
    """Text columns of the accounts and scans tables that hold a NUL character."""
    from django.contrib.auth import get_user_model

    gevonden = []
    for model in (get_user_model(), Scan, Notitie, Leerdoel, LeerdoelOpvolging):
        velden = [
            f.name for f in model._meta.fields if isinstance(f, models.CharField | models.TextField)
        ]
        for rij in model.objects.values_list(*velden):
            gevonden += [
                f"{model.__name__}.{v}" for v, w in zip(velden, rij, strict=True) if "\x00" in w
            ]
    return gevonden


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class VijandigeInvoer(TestCase):
    @classmethod
    def setUpTestData(cls):
        from competentieprofiel.laden import lees_profielbestand

        resultaat = schrijf_profiel(lees_profielbestand(NPULS), bronbestand=str(NPULS))
        versie = ProfielVersie.objects.get(
            profiel__sleutel=resultaat.profiel, nummer=resultaat.versie
        )
        cls.slachtoffer = maak_wereld(versie)
        cls.aanvaller = accounts_services.registreer(email=AANVALLER, wachtwoord=WACHTWOORD)
        coach = versie.groepen.get(sleutel="coach")
        eerste = services.start_scan(
            eigenaar=cls.aanvaller, versie=versie, gebieden=[coach], labels_aan=True
        )
        vul_scan(eerste, notitie="eigen")
        services.bewaar_leerdoelen(
            scan=eerste,
            leerdoelen=[{"wat": "een"}, {"wat": "twee"}],
            gesprekspunten="",
            volgende="leerdoelen",
        )
        services.rond_af(scan=eerste)
        cls.scan = services.start_scan(
            eigenaar=cls.aanvaller, versie=versie, gebieden=[coach], labels_aan=True, vorige=eerste
        )
        cls.coach_id = coach.pk
        plan = stappenplan(cls.scan)
        cls.itemstap = next(s for s in plan if s.soort == ITEMS)
        cls.item_ids = list(cls.itemstap.item_ids)
        cls.alle_item_ids = list(Item.objects.values_list("pk", flat=True)[:5])
        cls.niveaus = list(versie.niveaus.values_list("sleutel", flat=True))
        cls.opties = list(versie.schaalopties.values_list("sleutel", flat=True))

    # -- helpers -----------------------------------------------------------------------

    def _inloggen(self):
        self.client.force_login(self.aanvaller)

    def _stap_url(self, stap: str, scan_id=None) -> str:
        return reverse("scans:stap", kwargs={"scan_id": scan_id or self.scan.pk, "stap": stap})

    def _post(self, url: str, data: dict, soort: str = "multipart"):
        cache.clear()  # the password reset rate limit is not what is tested here
        if soort == "urlencoded":
            return self.client.post(
                url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
            )
        if soort == "json":
            return self.client.post(url, json.dumps(data), content_type="application/json")
        return self.client.post(url, data)

    def _controleer(self, response, *, geweigerd=(FOUTOVERZICHT, VELDFOUT)):
        """Never a 500, never the other person's data, a refusal explained in Dutch."""
        self.assertLess(response.status_code, 500)
        html = response.content.decode("utf-8", "replace")
        for merk in ALLE_MERKEN:
            self.assertNotIn(merk, html)
        if response.status_code == 200:
            # A form that comes back was refused: it says why, in Dutch.
            self.assertIn('<html lang="nl">', html)
            self.assertTrue(any(t in html for t in geweigerd), html[:3000])
        elif response.status_code == 302:
            # Never off to another site, whatever `next` said. (Django's own check also
            # refuses URLs over 2048 characters, which a percent-encoded path on this site
            # can exceed, so look at the parts.)
            doel = urlsplit(response["Location"])
            self.assertIn(doel.scheme, ("", "http", "https"), response["Location"])
            self.assertIn(doel.netloc, ("", "testserver"), response["Location"])
            self.assertFalse(response["Location"].startswith(("//", "\\\\")), response["Location"])
        else:
            self.assertIn(response.status_code, (400, 403, 404, 405, 429))
            self.assertIn('<html lang="nl">', html)
        self.assertEqual(gegevens_van_eigenaar(self.slachtoffer), self.slachtoffer_voor)
        # Nothing with a NUL character reaches the database (PostgreSQL refuses it).
        self.assertEqual(_nul_opgeslagen(), [])

    def setUp(self):
        self.slachtoffer_voor = gegevens_van_eigenaar(self.slachtoffer)

    # -- accounts ------------------------------------------------------------------------

    @INSTELLINGEN
    @given(
        data=invoer(
            ["email", "wachtwoord"],
            {"email": "nieuw@example.nl", "wachtwoord": "Een-ander-lang-wachtwoord-7"},
        ),
        soort=inhoudssoort,
    )
    def test_registration(self, data, soort):
        self._controleer(self._post(reverse("registreren"), data, soort))

    @INSTELLINGEN
    @given(
        data=invoer(
            ["username", "password", "next"],
            {"username": AANVALLER, "password": WACHTWOORD},
            extra={
                "next": st.sampled_from(
                    [
                        "https://aanvaller.example/",
                        "//aanvaller.example",
                        "/\\aanvaller.example",
                        "javascript:alert(1)",
                    ]
                )
            },
        ),
        soort=inhoudssoort,
    )
    def test_login(self, data, soort):
        self._controleer(self._post(reverse("login"), data, soort), geweigerd=INLOG_GEWEIGERD)

    @INSTELLINGEN
    @given(data=invoer(["email"], {"email": AANVALLER}), soort=inhoudssoort)
    def test_password_reset(self, data, soort):
        self._controleer(self._post(reverse("password_reset"), data, soort))

    @INSTELLINGEN
    @given(
        data=invoer(
            ["old_password", "new_password1"],
            {"old_password": WACHTWOORD, "new_password1": "Een-ander-lang-wachtwoord-7"},
        ),
        soort=inhoudssoort,
    )
    def test_password_change(self, data, soort):
        self._inloggen()
        self._controleer(self._post(reverse("password_change"), data, soort))

    @INSTELLINGEN
    @given(
        data=invoer(["wachtwoord", "zeker"], {"wachtwoord": WACHTWOORD, "zeker": "on"}),
        soort=inhoudssoort,
    )
    def test_account_delete(self, data, soort):
        self._inloggen()
        self._controleer(self._post(reverse("account_verwijderen"), data, soort))

    @INSTELLINGEN
    @given(data=invoer(["naam"], {"naam": "Nieuwe naam"}), soort=inhoudssoort)
    def test_name_change(self, data, soort):
        self._inloggen()
        self._controleer(self._post(reverse("naam_wijzigen"), data, soort))

    # -- scans ---------------------------------------------------------------------------

    def _scan_ids(self):
        return st.sampled_from([str(self.scan.pk), self.slachtoffer.scan_ids[0], str(uuid.uuid4())])

    @INSTELLINGEN
    @given(
        data=invoer(
            ["gebieden", "labels_aan", "functie", "sector", "profiel", "vanaf"],
            {"gebieden": "COACH", "labels_aan": "on", "functie": "i-coach", "sector": "hbo"},
        ),
        vanaf=st.sampled_from([None, "eigen", "ander", "onzin"]),
        soort=inhoudssoort,
    )
    def test_start_scan(self, data, vanaf, soort):
        self._inloggen()
        if data.get("gebieden") == "COACH":
            data["gebieden"] = [str(self.coach_id)]
        if vanaf is not None:
            data["vanaf"] = {
                "eigen": str(self.scan.vorige_scan_id),
                "ander": self.slachtoffer.scan_ids[0],
                "onzin": "../" + "x" * 50,
            }[vanaf]
        self._controleer(self._post(reverse("scans:nieuw"), data, soort))

    @INSTELLINGEN
    @given(data=st.data(), soort=inhoudssoort)
    def test_items_step(self, data, soort):
        self._inloggen()
        velden = [f"item_{i}" for i in self.item_ids + self.alle_item_ids + [999999]]
        velden += [f"ontwikkelen_{i}" for i in self.item_ids] + ["notitie", "actie"]
        geldig = {f"item_{i}": self.opties[0] for i in self.item_ids}
        geldig.update(notitie="Mijn voorbeeld", actie="volgende")
        post = data.draw(invoer(velden, geldig))
        if data.draw(st.booleans()):
            # A known field with an unknown option, or a scale option of another item.
            post[f"item_{self.item_ids[0]}"] = data.draw(
                st.sampled_from(["bestaat-niet", self.opties[-1], "", "0"])
            )
        scan_id = data.draw(self._scan_ids())
        self._controleer(self._post(self._stap_url(self.itemstap.sleutel, scan_id), post, soort))

    @INSTELLINGEN
    @given(
        data=invoer(["niveau", "actie"], {"niveau": "", "actie": "volgende"}),
        niveau=st.sampled_from([None, "eerste", "leeg"]),
        soort=inhoudssoort,
    )
    def test_label_step(self, data, niveau, soort):
        self._inloggen()
        if niveau == "eerste":
            data["niveau"] = self.niveaus[0]
        self._controleer(self._post(self._stap_url("label.coach"), data, soort))

    @INSTELLINGEN
    @given(
        data=invoer(
            [
                "opvolging-TOTAL_FORMS",
                "opvolging-INITIAL_FORMS",
                "opvolging-MAX_NUM_FORMS",
                "opvolging-0-status",
                "opvolging-0-notitie",
                "opvolging-1-status",
                "opvolging-9999-notitie",
                "actie",
            ],
            {
                "opvolging-TOTAL_FORMS": "2",
                "opvolging-INITIAL_FORMS": "2",
                "opvolging-0-status": "bereikt",
                "opvolging-0-notitie": "Gelukt",
                "opvolging-1-status": "",
                "actie": "volgende",
            },
        ),
        totaal=st.one_of(st.none(), telling),
        soort=inhoudssoort,
    )
    def test_opvolging_step(self, data, totaal, soort):
        self._inloggen()
        if totaal is not None:
            data["opvolging-TOTAL_FORMS"] = totaal
        self._controleer(self._post(self._stap_url("opvolging"), data, soort))

    @INSTELLINGEN
    @given(data=invoer(["actie"], {"actie": "volgende"}), soort=inhoudssoort)
    def test_terugblik_step(self, data, soort):
        self._inloggen()
        self._controleer(self._post(self._stap_url("terugblik"), data, soort))

    @INSTELLINGEN
    @given(
        data=invoer(
            [
                "leerdoel-TOTAL_FORMS",
                "leerdoel-INITIAL_FORMS",
                "leerdoel-MIN_NUM_FORMS",
                "leerdoel-MAX_NUM_FORMS",
                *(
                    f"leerdoel-{i}-{veld}"
                    for i in (0, 1, 2, 3)
                    for veld in ("wat", "waarom", "eerste_stap", "hulp", "wanneer")
                ),
                "gesprekspunten",
                "actie",
            ],
            {
                "leerdoel-TOTAL_FORMS": "3",
                "leerdoel-INITIAL_FORMS": "0",
                "leerdoel-0-wat": "Beter leren adviseren",
                "leerdoel-0-wanneer": "voor de zomer",
                "gesprekspunten": "Tijd",
                "actie": "later",
            },
        ),
        totaal=st.one_of(st.none(), telling),
        soort=inhoudssoort,
    )
    def test_leerdoelen_step(self, data, totaal, soort):
        self._inloggen()
        if totaal is not None:
            data["leerdoel-TOTAL_FORMS"] = totaal
        self._controleer(self._post(self._stap_url("leerdoelen"), data, soort))

    @INSTELLINGEN
    @given(data=st.data(), soort=inhoudssoort)
    def test_scan_delete(self, data, soort):
        self._inloggen()
        post = data.draw(invoer(["actie", "scan_id", "zeker"], {}))
        scan_id = data.draw(self._scan_ids())
        url = reverse("scans:verwijderen", kwargs={"scan_id": scan_id})
        self._controleer(self._post(url, post, soort))

    @INSTELLINGEN
    @given(stap=st.one_of(tekst, st.sampled_from(["label.basis", "label.bestaat-niet", "items"])))
    def test_unknown_step_keys(self, stap):
        self._inloggen()
        url = reverse("scans:stap", kwargs={"scan_id": self.scan.pk, "stap": "x"})
        url = url.replace("/x/", f"/{quote(stap, safe='')}/")
        for response in (self.client.get(url), self._post(url, {"actie": "volgende"})):
            self._controleer(response)

    # -- the same, without chance: every text field, NUL and absurd counts ------------------

    def _formulieren(self) -> dict[str, tuple[str, dict, bool]]:
        """name: (url, a valid post, logged in?) for every form with free text."""
        wachtwoord = "Een-ander-lang-wachtwoord-7"
        return {
            "registreren": (
                reverse("registreren"),
                {"email": "nieuw@example.nl", "wachtwoord": wachtwoord},
                False,
            ),
            "login": (reverse("login"), {"username": AANVALLER, "password": WACHTWOORD}, False),
            "password_reset": (reverse("password_reset"), {"email": AANVALLER}, False),
            "password_change": (
                reverse("password_change"),
                {"old_password": WACHTWOORD, "new_password1": wachtwoord},
                True,
            ),
            "account_verwijderen": (
                reverse("account_verwijderen"),
                {"wachtwoord": WACHTWOORD, "zeker": "on"},
                True,
            ),
            "naam_wijzigen": (reverse("naam_wijzigen"), {"naam": "Nieuwe naam"}, True),
            "nieuw": (reverse("scans:nieuw"), {"functie": "i-coach", "sector": "hbo"}, True),
            "itemstap": (
                self._stap_url(self.itemstap.sleutel),
                {"notitie": "Mijn voorbeeld", "actie": "later"},
                True,
            ),
            "opvolging": (
                self._stap_url("opvolging"),
                {
                    "opvolging-TOTAL_FORMS": "2",
                    "opvolging-INITIAL_FORMS": "2",
                    "opvolging-0-status": "bereikt",
                    "opvolging-0-notitie": "Gelukt",
                    "actie": "later",
                },
                True,
            ),
            "leerdoelen": (
                self._stap_url("leerdoelen"),
                {
                    "leerdoel-TOTAL_FORMS": "3",
                    "leerdoel-INITIAL_FORMS": "0",
                    **{f"leerdoel-0-{v}": "iets" for v in LEERDOELVELDEN},
                    "gesprekspunten": "Tijd",
                    "actie": "later",
                },
                True,
            ),
        }

    def _verstuur(self, formulier: str, /, **wijziging):
        url, data, inloggen = self._formulieren()[formulier]
        self.client.logout()
        if inloggen:
            self._inloggen()
        return self._post(url, {**data, **wijziging})

    def test_every_form_accepts_its_valid_post(self):
        # The control for the tests below: without the hostile part, each post goes through.
        for naam in self._formulieren():
            with self.subTest(naam):
                self.assertEqual(self._verstuur(naam).status_code, 302)

    def test_a_nul_character_in_any_text_field_is_refused_in_dutch(self):
        for naam, (_, data, _) in self._formulieren().items():
            for veld in data:
                if veld.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "status")) or veld in (
                    "actie",
                    "zeker",
                    "sector",
                ):
                    continue
                with self.subTest(naam=naam, veld=veld):
                    response = self._verstuur(naam, **{veld: data[veld] + "\x00"})
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    if naam == "login":
                        self.assertIn(f'<a href="#id_{veld}">Null-tekens', html)
                    else:
                        self.assertIn(FOUTOVERZICHT, html)
                    self.assertIn("Null-tekens zijn niet toegestaan.", html)
                    self.assertEqual(_nul_opgeslagen(), [])

    def test_an_empty_post_is_refused_in_dutch(self):
        for naam in (
            "registreren",
            "login",
            "password_reset",
            "password_change",
            "account_verwijderen",
        ):
            url, _, inloggen = self._formulieren()[naam]
            with self.subTest(naam):
                self.client.logout()
                if inloggen:
                    self._inloggen()
                response = self._post(url, {})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn("Vul je e-mailadres in." if naam == "login" else FOUTOVERZICHT, html)

    def test_absurd_formset_counts_are_refused_in_dutch(self):
        for naam, prefix in (("opvolging", "opvolging"), ("leerdoelen", "leerdoel")):
            # (0 or less is an empty formset, which Django accepts: nothing to save.)
            for totaal in ("1000000", "99999999999999999999", "abc", ""):
                with self.subTest(naam=naam, totaal=totaal):
                    response = self._verstuur(naam, **{f"{prefix}-TOTAL_FORMS": totaal})
                    self.assertEqual(response.status_code, 200)
                    html = response.content.decode()
                    self.assertIn(FOUTOVERZICHT, html)

    def test_the_pdf_choice_keeps_only_yes_or_no_and_only_for_ones_own_scan(self):
        self._inloggen()
        vijandig = {
            "labels": ["<script>alert(1)</script>", "\x00"],
            "notities": "x" * 20000,
            "gesprekspunten": "",
            "onbekend": "ja",
        }
        url = reverse("scans:rapport_pdf", kwargs={"scan_id": self.slachtoffer.scan_ids[0]})
        self._controleer(self._post(url, vijandig))
        response = self._post(
            reverse("scans:rapport_pdf", kwargs={"scan_id": self.scan.pk}), vijandig
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.scan.refresh_from_db()
        velden = set(scan_forms.PdfOnderdelenForm.base_fields)
        self.assertLessEqual(set(self.scan.pdf_onderdelen), velden)
        self.assertTrue(all(isinstance(v, bool) for v in self.scan.pdf_onderdelen.values()))
        self.assertEqual(gegevens_van_eigenaar(self.slachtoffer), self.slachtoffer_voor)

    # -- what is stored comes back as text, never as markup --------------------------------

    @settings(INSTELLINGEN, max_examples=20)
    @given(
        tekst=st.one_of(
            st.sampled_from(MARKUP),
            st.text(st.sampled_from(list("<>&\"'/=;() \nabsc")), min_size=1, max_size=80),
        )
    )
    def test_hostile_text_is_shown_as_text_in_the_report_and_the_export(self, tekst):
        self._inloggen()
        stap = self.itemstap.sleutel
        self._post(self._stap_url(stap), {"notitie": tekst, "actie": "later"})
        self._post(
            self._stap_url("leerdoelen"),
            {
                "leerdoel-TOTAL_FORMS": "3",
                "leerdoel-INITIAL_FORMS": "0",
                "leerdoel-0-wat": tekst,
                "leerdoel-0-hulp": tekst,
                "gesprekspunten": tekst,
                "actie": "later",
            },
        )
        notitie = Notitie.objects.get(scan=self.scan, groep=self.itemstap.groep).tekst
        leerdoelen = list(Leerdoel.objects.filter(scan=self.scan).values_list("wat", flat=True))
        self.scan.refresh_from_db()
        opgeslagen = [notitie, *leerdoelen, self.scan.gesprekspunten]
        assume(any(w.strip() for w in opgeslagen))

        for url in (
            reverse("scans:rapport", kwargs={"scan_id": self.scan.pk}),
            self._stap_url("leerdoelen"),
        ):
            html = self.client.get(url).content.decode()
            self.assertIsNone(re.search(r"<script(?![^>]*\bsrc=)", html), url)
            for waarde in opgeslagen:
                if waarde and url.endswith("/rapport/"):
                    self.assertIn(str(linebreaksbr(waarde, autoescape=True)), html)
                if any(m in waarde for m in ("<script", "<img", "<svg", "<b>")):
                    self.assertNotIn(waarde, html)
        html = self.client.get(self._stap_url(stap)).content.decode()
        self.assertIn(escape(notitie), html)  # back in its textarea, as text
        if "</textarea>" in notitie:
            self.assertEqual(html.count("</textarea>"), 1)

        response = self.client.get(reverse("gegevens_downloaden"))
        self.assertTrue(response["Content-Type"].startswith("application/json"))
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"))
        [export] = [
            s for s in json.loads(response.content)["scans"] if s["id"] == str(self.scan.pk)
        ]
        self.assertIn(notitie, [n["tekst"] for n in export["notities"]])
        self.assertEqual([d["wat"] for d in export["leerdoelen"]], leerdoelen)
        self.assertEqual(export["gesprekspunten"], self.scan.gesprekspunten)


def test_every_free_text_field_refuses_nul_characters(npuls):
    """PostgreSQL cannot store NUL; every text field of every form says so in Dutch first."""
    from django.contrib.auth import get_user_model

    gebruiker = get_user_model()(username="x@example.nl")
    stap = scan_forms.StapForm(
        items=list(Item.objects.all()[:3]), opties=list(npuls.schaalopties.all())
    )
    formulieren = [
        account_forms.InlogForm(),
        account_forms.RegistratieForm(),
        scan_forms.StartForm(versie=npuls),
        stap,
        scan_forms.LabelForm(niveaus=list(npuls.niveaus.all())),
        scan_forms.LeerdoelForm(),
        scan_forms.GesprekspuntenForm(),
        account_forms.AccountVerwijderenForm(gebruiker=gebruiker),
        account_forms.NaamForm(),
        scan_forms.OpvolgingForm(),
        scan_forms.PdfOnderdelenForm(),
        auth_forms.PasswordResetForm(),
        auth_forms.PasswordChangeForm(gebruiker),
        auth_forms.SetPasswordForm(gebruiker),
    ]
    gezien = 0
    for formulier in formulieren:
        for naam, veld in formulier.fields.items():
            if isinstance(veld, forms.CharField):
                gezien += 1
                assert any(
                    isinstance(v, ProhibitNullCharactersValidator) for v in veld.validators
                ), f"{type(formulier).__name__}.{naam}"
    assert gezien >= 20
    form = scan_forms.GesprekspuntenForm({"gesprekspunten": "voor\x00na"})
    assert not form.is_valid()
    assert form.errors["gesprekspunten"] == ["Null-tekens zijn niet toegestaan."]
