from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from .persoon import Persoon, pad


@pytest.fixture
def rp(oidc_aan, rp_basis, db) -> Client:
    """Django's test client, on the host the provider knows as this site."""
    return Client(HTTP_HOST=urlsplit(rp_basis).netloc)


@pytest.fixture
def persoon(rp_basis):
    """Anna, at the provider's pages."""
    return lambda login="anna": Persoon(rp_basis, login)


def start(client: Client, **params) -> str:
    """Press "Inloggen met je instelling": the URL at the provider it leads to."""
    response = client.get(reverse("oidc_inloggen"), params)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def log_in(client: Client, wie: Persoon, **params):
    """The whole login: start here, log in at the provider, come back; the response."""
    terug = wie.log_in(start(client, **params))
    return client.get(pad(terug))
