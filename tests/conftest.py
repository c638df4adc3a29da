from pathlib import Path

import pytest

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel

ROOT = Path(__file__).resolve().parent.parent
NPULS = ROOT / "profiel_data" / "npuls.yaml"
HAN = ROOT / "profiel_data" / "han-ixperium.yaml"
BRONNEN = ROOT.parent / "shared" / "bronnen"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def npuls_data():
    return lees_profielbestand(NPULS)


@pytest.fixture
def npuls(db, npuls_data):
    """The Npuls profile, loaded: returns its ProfielVersie."""
    from competentieprofiel.models import ProfielVersie

    resultaat = schrijf_profiel(npuls_data, bronbestand=str(NPULS))
    return ProfielVersie.objects.get(profiel__sleutel=resultaat.profiel, nummer=resultaat.versie)
