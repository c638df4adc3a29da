"""Someone at the provider's own pages, in a browser of their own: a requests.Session with
the provider's cookies. It follows the provider's redirects, fills in its login form and
gives consent, and stops at the first redirect back to this site. (The browser tests do
the same in Chromium; this is the quick way for the many tests of the protocol.)"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

FORMULIER = re.compile(r'<form[^>]*action="([^"]+)"[^>]*method="post"', re.S)
AFBREKEN = re.compile(r'<a href="([^"]+)">\[ Cancel \]</a>')


class Persoon:
    def __init__(self, rp_basis: str, login: str = "anna"):
        self.rp_basis, self.login = rp_basis, login
        self.sessie = requests.Session()

    def _volg(self, url: str, antwoord: requests.Response | None = None):
        """Follow redirects at the provider; returns ("terug", url) at this site, or
        ("pagina", response) when the provider shows a page."""
        while True:
            if antwoord is None:
                antwoord = self.sessie.get(url, allow_redirects=False, timeout=10)
            if antwoord.is_redirect:
                url = urljoin(url, antwoord.headers["Location"])
                if url.startswith(self.rp_basis):
                    return "terug", url
                antwoord = None
                continue
            return "pagina", antwoord

    def _verstuur(self, pagina: requests.Response, data: dict) -> requests.Response:
        actie = html.unescape(FORMULIER.search(pagina.text)[1])
        return self.sessie.post(urljoin(pagina.url, actie), data=data, allow_redirects=False)

    def log_in(self, autorisatie_url: str) -> str:
        """Log in at the provider (if needed) and consent (if asked); returns the URL the
        provider sends the browser back to."""
        soort, wat = self._volg(autorisatie_url)
        for _stap in range(4):
            if soort == "terug":
                return wat
            if 'name="prompt" value="login"' in wat.text:
                antwoord = self._verstuur(
                    wat, {"prompt": "login", "login": self.login, "password": "x"}
                )
            elif 'name="prompt" value="consent"' in wat.text:
                antwoord = self._verstuur(wat, {"prompt": "consent"})
            else:
                raise AssertionError(
                    f"unexpected provider page: {wat.status_code} {wat.text[:500]}"
                )
            soort, wat = self._volg(antwoord.url, antwoord)
        raise AssertionError("the provider kept asking")

    def breek_af(self, autorisatie_url: str) -> str:
        """Open the provider's login page and press its [ Cancel ]."""
        soort, pagina = self._volg(autorisatie_url)
        assert soort == "pagina", pagina
        afbreken = urljoin(pagina.url, html.unescape(AFBREKEN.search(pagina.text)[1]))
        soort, terug = self._volg(afbreken)
        assert soort == "terug", terug
        return terug


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def pad(url: str) -> str:
    """The path and query of a URL on this site, for Django's test client."""
    delen = urlsplit(url)
    return delen.path + ("?" + delen.query if delen.query else "")
