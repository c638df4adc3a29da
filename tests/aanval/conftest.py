import pytest
from django.core.cache import cache

from .wereld import maak_wereld


@pytest.fixture(autouse=True)
def _lege_cache():
    # The password reset rate limit counts in the cache; every test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wereld(npuls):
    """The owner with two scans full of marker strings (see wereld.py)."""
    return maak_wereld(npuls)
