"""A real OpenID Provider for the tests: panva's oidc-provider, configured in
tests/oidc/aanbieder/aanbieder.mjs to behave like SURFconext, started on a free port.

`npm ci` installs it from the committed package.json and package-lock.json the first time
(and again when the lock file changes); then node runs it until the tests are done. The
fixtures are imported into tests/conftest.py, so every test package can use them.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import select
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

MAP = Path(__file__).resolve().parent / "aanbieder"
CLIENT_ID = "zelfscan"
ANDERE_CLIENT_ID = "andere-dienst"
CALLBACK = "/accounts/instelling/callback/"
STARTEN_SECONDEN = 30


def _npm_ci() -> None:
    """Install the provider from the lock file, unless node_modules already matches it."""
    with open(MAP / ".npm-ci.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)  # one install at a time (pytest-xdist)
        geinstalleerd = MAP / "node_modules" / ".package-lock.json"
        lock = MAP / "package-lock.json"
        if geinstalleerd.exists() and geinstalleerd.stat().st_mtime >= lock.stat().st_mtime:
            return
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=MAP,
            check=True,
            timeout=600,
        )


@dataclass
class Aanbieder:
    """One running provider: its issuer URL and the clients registered with it."""

    issuer: str
    clients: dict[str, dict]
    proces: subprocess.Popen
    log: Path
    uitloggen: bool = True
    gestopt: bool = field(default=False)

    def instelling(self, *, email: bool = True, client_id: str = CLIENT_ID, **meer) -> dict:
        """settings.ZELFSCAN_OIDC for this provider, as settings.py would build it."""
        return {
            "issuer": self.issuer,
            "client_id": client_id,
            "client_secret": self.clients[client_id]["client_secret"],
            "knoptekst": "",
            "authorization_endpoint": "",
            "token_endpoint": "",
            "jwks_uri": "",
            "userinfo_endpoint": "",
            "end_session_endpoint": "",
            "algoritme": "RS256",
            "email": email,
            "timeout": 5,
            **meer,
        }

    def ontdekking(self) -> dict:
        return requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=5).json()

    def stop(self) -> None:
        if self.gestopt:
            return
        self.gestopt = True
        self.proces.terminate()
        try:
            self.proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait(timeout=10)
        self.proces.stdout.close()


def start_aanbieder(rp_basis: str, *, uitloggen: bool = False, kid: str = "") -> Aanbieder:
    """Start a provider that knows this site (at `rp_basis`) as client "zelfscan", and a
    second client, another service, to have ID tokens that are not for us."""
    _npm_ci()
    clients = {
        CLIENT_ID: {
            "client_id": CLIENT_ID,
            "client_secret": secrets.token_urlsafe(32),
            "redirect_uris": [rp_basis + CALLBACK],
            "post_logout_redirect_uris": [rp_basis + "/"],
        },
        ANDERE_CLIENT_ID: {
            "client_id": ANDERE_CLIENT_ID,
            "client_secret": secrets.token_urlsafe(32),
            "redirect_uris": [rp_basis + "/andere-dienst/callback/"],
        },
    }
    omgeving = {
        **os.environ,
        "AANBIEDER_CONFIG": json.dumps(
            {"clients": list(clients.values()), "uitloggen": uitloggen, "kid": kid}
        ),
    }
    # A start that fails once (a busy machine, a node that died on the way up) is tried
    # once more; a provider that does not start twice fails the test with its log.
    for poging in range(2):
        fd, naam = tempfile.mkstemp(prefix="aanbieder-", suffix=".log")
        os.close(fd)
        log = Path(naam)
        with open(log, "w") as fouten:
            proces = subprocess.Popen(
                ["node", "aanbieder.mjs"],
                cwd=MAP,
                env=omgeving,
                stdout=subprocess.PIPE,
                stderr=fouten,
                text=True,
            )
        try:
            issuer = _wacht_op_klaar(proces, log)
            break
        except RuntimeError:
            if poging:
                raise
    aanbieder = Aanbieder(issuer, clients, proces, log, uitloggen)
    _wacht_op_ontdekking(aanbieder)
    return aanbieder


def _wacht_op_klaar(proces: subprocess.Popen, log: Path) -> str:
    """The issuer from the provider's "KLAAR <issuer>" line."""
    klaar, _, _ = select.select([proces.stdout], [], [], STARTEN_SECONDEN)
    regel = proces.stdout.readline() if klaar else ""
    if not regel.startswith("KLAAR "):
        proces.kill()
        proces.wait(timeout=10)
        proces.stdout.close()
        waarom = f"exit {proces.returncode}" if klaar else f"nothing within {STARTEN_SECONDEN} s"
        raise RuntimeError(
            f"the test provider did not start ({waarom}): {regel!r}\n{log.read_text()}"
        )
    return regel.split()[1]


def _wacht_op_ontdekking(aanbieder: Aanbieder) -> None:
    for _poging in range(100):
        try:
            if requests.get(aanbieder.issuer + "/.well-known/openid-configuration", timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    aanbieder.stop()
    raise RuntimeError("the test provider does not answer discovery")


@pytest.fixture(scope="session")
def rp_basis(live_server) -> str:
    """This site's origin as the provider knows it: the live server's (the browser tests
    use it; Django's test client sends the same Host, see `oidc_client`)."""
    return live_server.url


@pytest.fixture(scope="session")
def aanbieder(rp_basis):
    """One provider for the whole run, like SURFconext: no end_session_endpoint."""
    gestart = start_aanbieder(rp_basis, uitloggen=False)
    yield gestart
    gestart.stop()


@pytest.fixture(scope="session")
def aanbieder_met_uitloggen(rp_basis):
    """A provider that does advertise end_session_endpoint (RP-initiated logout)."""
    gestart = start_aanbieder(rp_basis, uitloggen=True)
    yield gestart
    gestart.stop()


@pytest.fixture
def oidc_aan(settings, aanbieder, db):
    """Logging in with one's institution switched on, against the session's provider."""
    from django.core.cache import cache

    settings.ZELFSCAN_OIDC = aanbieder.instelling()
    cache.clear()
    yield aanbieder
    cache.clear()
