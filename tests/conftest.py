import os
from pathlib import Path

import pytest
from django.utils import translation

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel

ROOT = Path(__file__).resolve().parent.parent
NPULS = ROOT / "profiel_data" / "npuls.yaml"
HAN = ROOT / "profiel_data" / "han-ixperium.yaml"
# Source texts the tests compare against, copied into the repository (tests/data/README.md).
TESTDATA = ROOT / "tests" / "data"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _taal_van_de_vorige_test_blijft_niet_hangen():
    """LocaleMiddleware leaves the language of a request active in its thread; without
    this, a test after an English page would read the profile in English."""
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def npuls_data():
    return lees_profielbestand(NPULS)


@pytest.fixture
def npuls(db, npuls_data):
    """The Npuls profile, loaded: returns its ProfielVersie."""
    from competentieprofiel.models import ProfielVersie

    resultaat = schrijf_profiel(npuls_data, bronbestand=str(NPULS))
    return ProfielVersie.objects.get(profiel__sleutel=resultaat.profiel, nummer=resultaat.versie)


@pytest.fixture
def gebruiker(db):
    from accounts.services import registreer

    return registreer(email="anna@example.nl", wachtwoord="Een-lang-wachtwoord-42", naam="Anna")


@pytest.fixture
def andere_gebruiker(db):
    from accounts.services import registreer

    return registreer(email="bram@example.nl", wachtwoord="Een-lang-wachtwoord-42")


@pytest.fixture
def staf(db):
    from accounts.services import registreer

    beheerder = registreer(email="beheer@example.nl", wachtwoord="Een-lang-wachtwoord-42")
    beheerder.is_staff = beheerder.is_superuser = True
    beheerder.save()
    return beheerder


@pytest.fixture
def scan(npuls, gebruiker):
    """Anna's scan on basis plus the coach gebied, with labels on."""
    from scans.services import start_scan

    return start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=[npuls.groepen.get(sleutel="coach")],
        labels_aan=True,
        functie="i-coach",
        sector="mbo",
    )


@pytest.fixture
def ingelogd(client, gebruiker):
    client.force_login(gebruiker)
    return client


# Hypothesis: random examples locally (to keep finding new cases), a fixed, derandomized
# set in CI so a green run stays green; a failure found locally becomes a regression test.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


def beantwoord_twee_items(scan, *, notitie: str) -> None:
    """Answer the first two basis-kennis items ('herken', the first also 'ontwikkelen')
    and leave a note on that step."""
    from scans import services
    from scans.stappen import stappenplan

    stap = stappenplan(scan).zoek("basis.kennis")
    herken = scan.versie.schaalopties.get(sleutel="herken")
    services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        keuzes=[
            services.ItemKeuze(item_id=stap.item_ids[0], optie_id=herken.pk, ontwikkelen=True),
            services.ItemKeuze(item_id=stap.item_ids[1], optie_id=herken.pk, ontwikkelen=False),
        ],
        notitie=notitie,
        volgende="basis.vaardigheden",
    )


# The real OpenID Provider (tests/oidc/aanbieder.py), for every test package.
from tests.oidc.aanbieder import (  # noqa: E402, F401
    aanbieder,
    aanbieder_met_uitloggen,
    oidc_aan,
    rp_basis,
)
