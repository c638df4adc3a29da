"""The journey `make load` drives (bench/load.py starts Locust with this file; never run it
against anything but the gunicorn that bench/load.py started on 127.0.0.1).

Each simulated person logs in (all of them within the spawn time: the workshop's burst),
then walks scans over and over: the start page with the basis and one gebied, every step
with an answer to every statement (one wish in five, a note now and then), the label, the
look back, one leerdoel, the report, and one time in ten the PDF. Between pages they think.

Forms are read from the HTML as a browser would (every field with its default, then the
person's choices), so the journey follows the pages as they are. Every answer the server
acknowledged (a redirect after a POST) is written to LOAD_VERSLAG as one JSON line per
scan and step; bench/load.py then checks each against the database.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlencode, urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

WACHTWOORD = os.environ.get("LOAD_WACHTWOORD", "")
VERSLAG = os.environ.get("LOAD_VERSLAG", "")
HOSTS = [h for h in os.environ.get("LOAD_HOSTS", "").split(",") if h]
DENKTIJD = tuple(float(x) for x in os.environ.get("LOAD_DENKTIJD", "1,4").split(","))
PDF_PER = 10  # one journey in ten downloads the PDF
WENS_PER = 5  # one wish in five statements

_verslag = open(VERSLAG, "a", encoding="utf-8") if VERSLAG else None  # noqa: SIM115
_volgnummer = iter(range(10**9))


class _Https(DefaultCookiePolicy):
    """gunicorn speaks plain HTTP here; the proxy header makes Django see HTTPS, so its
    cookies are Secure. A browser behind nginx sends them; so does this client."""

    def return_ok_secure(self, cookie, request):
        return True


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_VELD = re.compile(
    r"<(input|button)\b([^>]*)>|<textarea\b([^>]*)>(.*?)</textarea>|<select\b([^>]*)>(.*?)</select>",
    re.S | re.I,
)
_OPTIE = re.compile(r"<option\b([^>]*)>", re.I)
_ATTR = re.compile(r'([\w-]+)(?:\s*=\s*"([^"]*)")?')


def _attrs(tekst: str) -> dict:
    return {k.lower(): html.unescape(v) if v else "" for k, v in _ATTR.findall(tekst)}


def formulieren(pagina: str) -> list[dict]:
    """The page's POST forms: their action, fields (with defaults) and submit buttons. Read
    with regular expressions (our own, well-formed HTML): the client must stay cheap, it
    shares the two cores with the server."""
    uit = []
    for kop, inhoud in _FORM.findall(pagina):
        form = _attrs(kop)
        if form.get("method", "").lower() != "post":
            continue
        velden, knoppen = [], []
        for tag, attrs, ta_attrs, ta_inhoud, sel_attrs, sel_inhoud in _VELD.findall(inhoud):
            if tag:
                a = _attrs(attrs)
                if "name" not in a:
                    continue
                soort = a.get("type", "submit" if tag.lower() == "button" else "text").lower()
                if soort == "submit":
                    knoppen.append((a["name"], a.get("value", "")))
                else:
                    standaard = "on" if soort in ("checkbox", "radio") else ""
                    velden.append((a["name"], soort, a.get("value", standaard), "checked" in a))
            elif ta_attrs:
                a = _attrs(ta_attrs)
                if "name" in a:
                    velden.append((a["name"], "textarea", html.unescape(ta_inhoud), True))
            else:
                a = _attrs(sel_attrs)
                for optie in _OPTIE.findall(sel_inhoud):
                    o = _attrs(optie)
                    velden.append(
                        (a.get("name", ""), "option", o.get("value", ""), "selected" in o)
                    )
        uit.append({"action": form.get("action", ""), "velden": velden, "knoppen": knoppen})
    return uit


def hoofdformulier(pagina: str) -> dict:
    """The page's own form: the POST form with the most fields (not the language switch or
    the logout button)."""
    return max(formulieren(pagina), key=lambda f: len(f["velden"]))


def vul_in(formulier: dict) -> tuple[dict, dict]:
    """Defaults as the browser sends them, grouped per field name: radio groups, checkboxes,
    texts and selects (radio choices are made by the caller)."""
    data: dict[str, object] = {}
    keuzes: dict[str, list[str]] = {}
    for naam, soort, waarde, aan in formulier["velden"]:
        if soort == "radio":
            keuzes.setdefault(naam, []).append(waarde)
            if aan:
                data[naam] = waarde
        elif soort == "checkbox":
            keuzes.setdefault(naam, []).append(waarde)
            if aan:
                data.setdefault(naam, []).append(waarde)
        elif soort == "option":
            keuzes.setdefault(naam, []).append(waarde)
            if aan or naam not in data:
                data[naam] = waarde
        elif soort == "textarea":
            data[naam] = waarde.removeprefix("\n")  # as a browser reads a textarea
        else:
            data[naam] = waarde
    return data, keuzes


def paginanaam(stap: str) -> str:
    """Steps by kind: every statement step is "items", every label step "label"."""
    if stap.startswith("label."):
        return "label"
    return "items" if "." in stap else stap


def schrijf(regel: dict) -> None:
    if _verslag is not None:
        regel["volgnummer"] = next(_volgnummer)
        _verslag.write(json.dumps(regel) + "\n")
        _verslag.flush()


@events.quitting.add_listener
def _sluit(environment, **kwargs):
    if _verslag is not None:
        _verslag.flush()


class Persoon(FastHttpUser):
    abstract = True
    wait_time = between(*DENKTIJD)
    nummer = 0

    def on_start(self):
        Persoon.nummer += 1
        self.email = f"deelnemer{Persoon.nummer}@load.invalid"
        self.ip = f"10.{Persoon.nummer // 65536 % 256}.{Persoon.nummer // 256 % 256}.{Persoon.nummer % 256}"
        self.client.cookiejar.set_policy(_Https())
        pagina = self.get("/accounts/login/", "login")
        formulier = hoofdformulier(pagina.text)
        data, _ = vul_in(formulier)
        data.update(username=self.email, password=WACHTWOORD)
        antwoord = self.post("/accounts/login/", data, "login (POST)")
        if antwoord.status_code != 302:
            raise RuntimeError(f"inloggen mislukt voor {self.email}: {antwoord.status_code}")

    # -- HTTP with the headers nginx would add, and a redirect followed by hand so every page
    # -- is measured under its own name.
    def _headers(self, pad: str) -> dict:
        host = urlsplit(self.host).netloc
        return {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.ip,
            "Referer": f"https://{host}{pad}",
            "Origin": f"https://{host}",
            "Content-Type": "application/x-www-form-urlencoded",
        }

    def get(self, pad: str, naam: str, verwacht: int = 200):
        with self.client.get(
            pad, name=naam, headers=self._headers(pad), allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code != verwacht:
                r.failure(f"{r.status_code} op {pad}")
            return r

    def post(self, pad: str, data: dict, naam: str):
        with self.client.post(
            pad,
            data=urlencode(data, doseq=True),
            name=naam,
            headers=self._headers(pad),
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302:
                r.failure(f"{r.status_code} op POST {pad} (verwacht: doorsturen)")
                if os.environ.get("LOAD_FOUTPAGINA"):
                    with open(os.environ["LOAD_FOUTPAGINA"], "w", encoding="utf-8") as f:
                        f.write(json.dumps(data) + "\n" + r.text)
            return r

    @task
    def scan(self):
        pagina = self.get("/scans/nieuw/", "start")
        data, keuzes = vul_in(hoofdformulier(pagina.text))
        data["gebieden"] = [random.choice(keuzes["gebieden"])]
        if "labels_aan" in keuzes:
            data["labels_aan"] = ["on"]
        r = self.post("/scans/nieuw/", data, "start (POST)")
        volgende = r.headers.get("Location", "")
        scan_id = (re.search(r"/scans/([0-9a-f-]{36})/", volgende) or [None, None])[1]
        if scan_id is None:
            return
        if "/stap/" not in volgende:  # the scan's own address sends on to its current step
            volgende = self.get(volgende, "hervat", verwacht=302).headers.get("Location", "")
        for _ in range(100):  # a scan has far fewer steps; a loop would be a fault
            if "/stap/" not in volgende:
                break
            self.wait()
            stap = volgende.split("/stap/")[1].strip("/")
            pagina = self.get(volgende, f"stap: {paginanaam(stap)}")
            if pagina.status_code != 200:
                return
            volgende = self._bewaar(scan_id, stap, volgende, pagina.text)
            if volgende is None:
                return
        self.wait()
        self.get(f"/scans/{scan_id}/rapport/", "rapport")
        if random.randrange(PDF_PER) == 0:
            self.get(f"/scans/{scan_id}/rapport.pdf", "rapport.pdf")

    def _bewaar(self, scan_id: str, stap: str, pad: str, html: str) -> str | None:
        formulier = hoofdformulier(html)
        data, keuzes = vul_in(formulier)
        regel = {"scan": scan_id, "stap": stap, "antwoorden": {}, "notitie": None, "wat": []}
        for naam, waarden in keuzes.items():
            if naam.startswith("item_"):
                gekozen = random.choice([w for w in waarden if w] or waarden)
                data[naam] = gekozen
                item = naam.removeprefix("item_")
                wens = random.randrange(WENS_PER) == 0 and f"ontwikkelen_{item}" in keuzes
                if wens:
                    data[f"ontwikkelen_{item}"] = ["on"]
                else:
                    data.pop(f"ontwikkelen_{item}", None)
                regel["antwoorden"][item] = [gekozen, wens]
            elif naam == "niveau":
                data[naam] = regel["label"] = random.choice(waarden)
        if "notitie" in data and random.randrange(3) == 0:
            data["notitie"] = regel["notitie"] = f"Notitie van {self.email} bij {stap}."
        elif "notitie" in data:
            regel["notitie"] = data["notitie"]
        if "leerdoel-0-wat" in data:
            data["leerdoel-0-wat"] = f"Leerdoel van {self.email}, scan {scan_id[:8]}."
            data["leerdoel-0-eerste_stap"] = "Een collega vragen hoe zij het aanpakt."
            regel["wat"] = [data["leerdoel-0-wat"]]
        knoppen = dict(formulier["knoppen"])
        if "actie" in knoppen:
            data["actie"] = (
                "volgende" if "volgende" in str(formulier["knoppen"]) else knoppen["actie"]
            )
        r = self.post(pad, data, f"stap (POST): {paginanaam(stap)}")
        if r.status_code != 302:
            return None
        schrijf(regel)
        return r.headers.get("Location", "")


# One class per server (bench/load.py --servers 2): Locust spreads the people evenly.
for _i, _host in enumerate(HOSTS):
    globals()[f"PersoonOpServer{_i + 1}"] = type(
        f"PersoonOpServer{_i + 1}", (Persoon,), {"host": _host, "abstract": False}
    )
