import pytest
from django.core.cache import cache

from .wereld import maak_wereld


@pytest.fixture(autouse=True)
def _lege_cache(db):
    # The password reset rate limit counts in the cache; every test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wereld(npuls, oidc_aan):
    """The owner with two scans full of marker strings (see wereld.py), on a site where
    logging in with one's institution is on (against the real test provider), so that its
    URLs are attacked for real."""
    return maak_wereld(npuls)
