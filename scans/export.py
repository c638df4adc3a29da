"""The scans part of "Download al mijn gegevens": every scan of a person with its answers,
notes, labels and leerdoelen. `accounts.export` puts it in the whole document; the format
is documented in the README."""

from __future__ import annotations

from django.utils import timezone

from competentieprofiel.models import Item, Schaaloptie

from .models import Antwoord, Leerdoel, LeerdoelOpvolging, Notitie, Scan, ScanGroep


def tijd(waarde) -> str | None:
    """A moment as ISO 8601 in Europe/Amsterdam, or None."""
    return timezone.localtime(waarde).isoformat() if waarde else None


def scans_van(gebruiker) -> list[dict]:
    """Every scan of this person with answers, notes, labels and leerdoelen (fixed queries)."""
    scans = list(Scan.objects.filter(eigenaar=gebruiker).select_related("versie__profiel"))
    scan_ids = [s.pk for s in scans]
    groepen: dict = {}
    for sg in ScanGroep.objects.filter(scan_id__in=scan_ids).select_related("groep", "niveau"):
        groepen.setdefault(sg.scan_id, []).append(sg)
    antwoorden: dict = {}
    for a in Antwoord.objects.filter(scan_id__in=scan_ids).select_related(
        "item__groep", "item__categorie", "optie"
    ):
        antwoorden.setdefault(a.scan_id, []).append(a)
    notities: dict = {}
    for n in Notitie.objects.filter(scan_id__in=scan_ids).select_related("groep", "categorie"):
        notities.setdefault(n.scan_id, []).append(n)
    leerdoelen: dict = {}
    for d in Leerdoel.objects.filter(scan_id__in=scan_ids).select_related("item"):
        leerdoelen.setdefault(d.scan_id, []).append(d)
    opvolgingen: dict = {}
    for o in LeerdoelOpvolging.objects.filter(scan_id__in=scan_ids):
        opvolgingen.setdefault(o.scan_id, []).append(o)

    return [
        {
            "id": str(scan.pk),
            "status": scan.status,
            "vorige_scan": str(scan.vorige_scan_id) if scan.vorige_scan_id else None,
            "aangemaakt_op": tijd(scan.aangemaakt_op),
            "bijgewerkt_op": tijd(scan.bijgewerkt_op),
            "afgerond_op": tijd(scan.afgerond_op),
            "profiel": {
                "sleutel": scan.versie.profiel.sleutel,
                "titel": scan.versie.in_taal("titel"),
                "versie": scan.versie.nummer,
            },
            "functie": scan.functie,
            "sector": scan.sector,
            "labels_aan": scan.labels_aan,
            "groepen": [
                {
                    "sleutel": sg.groep.sleutel,
                    "titel": sg.groep.in_taal("titel"),
                    "label": sg.niveau.sleutel if sg.niveau else None,
                }
                for sg in groepen.get(scan.pk, [])
            ],
            "antwoorden": [
                _antwoord(a.item, a.optie, a.ontwikkelen)
                for a in sorted(antwoorden.get(scan.pk, []), key=lambda a: a.item.volgorde)
            ],
            "notities": [
                {"groep": n.groep.sleutel, "categorie": n.categorie.sleutel, "tekst": n.tekst}
                for n in notities.get(scan.pk, [])
            ],
            "leerdoelen": [
                {
                    "wat": d.wat,
                    "waarom": d.waarom,
                    "eerste_stap": d.eerste_stap,
                    "hulp": d.hulp,
                    "wanneer": d.wanneer,
                    "uit_uitspraak": d.item.sleutel if d.item else None,
                }
                for d in leerdoelen.get(scan.pk, [])
            ],
            "gesprekspunten": scan.gesprekspunten,
            "vorige_leerdoelen": [
                {"leerdoel": o.leerdoel, "status": o.status or None, "notitie": o.notitie}
                for o in opvolgingen.get(scan.pk, [])
            ],
            "pdf_onderdelen": scan.pdf_keuze(),
        }
        for scan in scans
    ]


def _antwoord(item: Item, optie: Schaaloptie | None, ontwikkelen: bool) -> dict:
    return {
        "item": item.sleutel,
        "tekst": item.in_taal("tekst"),
        "groep": item.groep.sleutel,
        "categorie": item.categorie.sleutel,
        "antwoord": optie.sleutel if optie else None,
        "antwoord_tekst": optie.in_taal("label") if optie else None,
        "wil_ontwikkelen": ontwikkelen,
    }
