"""Nothing from anyone's scan reaches a netwerk: every member has a scan full of marker
strings in notes, leerdoelen, gesprekspunten, function and follow-up, and answers on every
item; none of it, no statement of the profile and no answer or label, appears on the map
or the praatplaat. Only what members shared in the netwerk does."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from competentieprofiel.models import Item
from netwerk.selectors import bouw_kaart
from scans import services as scan_services
from tests.aanval.wereld import vul_scan

from .conftest import deel, een_dag_later, nieuw_lid

VERBODEN = re.compile(
    r"\b(score|punten|percentage|onvoldoende|voldoende|zwak|tekort|achterstand|ranking)\b|%",
    re.IGNORECASE,
)
NAMEN = ["Bram", "Carla", "Daan", "Eva", "Fatma"]


def _merken(i: int) -> dict[str, str]:
    return {
        veld: f"MERK{veld}{i}Z9"
        for veld in ("notitie", "wat", "waarom", "stap", "hulp", "wanneer", "gesprek", "functie")
    }


def _scan_vol_merken(gebruiker, versie, i: int) -> list[str]:
    """A finished scan on basis and every gebied, every item answered, markers everywhere;
    then a follow-up scan with a follow-up note. Returns every marker written."""
    m = _merken(i)
    gebieden = list(versie.groepen.filter(soort="gebied"))
    scan = scan_services.start_scan(
        eigenaar=gebruiker, versie=versie, gebieden=gebieden, labels_aan=True, functie=m["functie"]
    )
    vul_scan(scan, notitie=m["notitie"])
    scan_services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[
            {
                "wat": m["wat"],
                "waarom": m["waarom"],
                "eerste_stap": m["stap"],
                "hulp": m["hulp"],
                "wanneer": m["wanneer"],
            }
        ],
        gesprekspunten=m["gesprek"],
        volgende="leerdoelen",
    )
    scan_services.rond_af(scan=scan)
    vervolg = scan_services.start_scan(
        eigenaar=gebruiker, versie=versie, gebieden=gebieden[:1], vorige=scan
    )
    opvolging = f"MERKopvolging{i}Z9"
    scan_services.bewaar_opvolging(
        scan=vervolg,
        opvolgingen=[scan_services.Opvolging(1, "bezig", opvolging)],
        volgende="opvolging",
    )
    return [*m.values(), opvolging]


@pytest.fixture
def netwerk_met_scans(netwerk, gebruiker):
    """Anna and five colleagues, each with marked scans; they share a mix of statements."""
    merken = _scan_vol_merken(gebruiker, netwerk.versie, 0)
    deel(gebruiker.lidmaatschappen.get(), ("coach", {"zet_in": True, "benader": True}))
    for i, naam in enumerate(NAMEN, start=1):
        lid = nieuw_lid(netwerk, naam)
        merken += _scan_vol_merken(lid.lid, netwerk.versie, i)
        deel(
            lid,
            ("adviseur", {"zet_in": True, "zet_in_met_naam": i % 2 == 0}),
            ("innovator", {"groeien": True}),
            functie=f"functie in het netwerk {i}",
        )
    bouw_kaart(netwerk)
    een_dag_later(netwerk)
    return netwerk, merken


def _pdf_tekst(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def _verboden_op(tekst: str, versie, merken: list[str]) -> list[str]:
    gevonden = [m for m in merken if m in tekst]
    gevonden += [
        i for i in Item.objects.filter(versie=versie).values_list("tekst", flat=True) if i in tekst
    ]
    gevonden += [o.label for o in versie.schaalopties.all() if o.label in tekst]
    gevonden += [n.titel for n in versie.niveaus.all() if re.search(rf"\b{n.titel}\b", tekst)]
    gevonden += VERBODEN.findall(tekst)
    return gevonden


def test_nothing_from_any_scan_is_on_the_map_the_praatplaat_or_the_takeover(
    client, netwerk_met_scans, gebruiker
):
    # (One test: building six full scans is the slow part, so it is done once.)
    netwerk, merken = netwerk_met_scans
    client.force_login(gebruiker)

    # The control: the markers do show where they belong, on the owner's own report.
    scan = gebruiker.scans.get(status="afgerond")
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert all(m in html for m in _merken(0).values())

    html = client.get(reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})).content.decode()
    assert "functie in het netwerk 2" in html and "Bram" not in html  # Bram: anonymous
    assert "6 mensen iets gedeeld" in html
    assert _verboden_op(html, netwerk.versie, merken) == []

    response = client.get(reverse("netwerk:praatplaat", kwargs={"netwerk_id": netwerk.pk}))
    assert response["Content-Type"] == "application/pdf"
    tekst = _pdf_tekst(response.content)
    assert "Carla (functie in het netwerk 2)" in tekst
    assert "Voor jullie gesprek" in tekst
    assert _verboden_op(tekst, netwerk.versie, merken) == []

    # "Neem over uit mijn laatste scan" ticks boxes on one's own screen, with no words.
    client.force_login(netwerk.leden.get(naam="Bram").lid)
    url = reverse("netwerk:bijdrage", kwargs={"netwerk_id": netwerk.pk})
    html = client.get(url, {"uit_scan": "1"}).content.decode()
    assert "Aangevinkt wat je scan van" in html
    assert [m for m in merken if m in html] == []
