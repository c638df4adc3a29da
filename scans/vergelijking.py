"""Two scans of the same person side by side: what moved, which wishes are new, kept or
let go. Items are matched by their stable key, so scans on different profile versions
compare; items that a newer version added or removed are named as such.

Nothing here adds up: there is no total, no delta, no tally and no "vooruitgang". A moved
answer is described by where it went on the profile's own scale (more self-evident, more in
development, in or out of one's role), in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from competentieprofiel.models import Schaaloptie

from .models import LeerdoelOpvolging, Scan
from .rapport import GroepRapport, ItemRegel, Rapport, bouw_rapport, bouw_rapporten


@dataclass
class Verschuiving:
    tekst: str
    sleutel: str
    eerder: Schaaloptie | None
    nu: Schaaloptie | None


@dataclass
class GroepVergelijking:
    sleutel: str
    titel: str
    eerder: GroepRapport | None
    nu: GroepRapport | None
    verschoven: list[Verschuiving] = field(default_factory=list)
    vanzelfsprekender: list[Verschuiving] = field(default_factory=list)
    meer_in_ontwikkeling: list[Verschuiving] = field(default_factory=list)
    nu_buiten_rol: list[Verschuiving] = field(default_factory=list)
    nu_binnen_rol: list[Verschuiving] = field(default_factory=list)
    nieuwe_wensen: list[ItemRegel] = field(default_factory=list)
    behouden_wensen: list[ItemRegel] = field(default_factory=list)
    losgelaten_wensen: list[ItemRegel] = field(default_factory=list)
    toegevoegd: list[ItemRegel] = field(default_factory=list)
    vervallen: list[ItemRegel] = field(default_factory=list)

    @property
    def in_beide(self) -> bool:
        return self.eerder is not None and self.nu is not None

    @property
    def iets_veranderd(self) -> bool:
        return bool(
            self.verschoven
            or self.nieuwe_wensen
            or self.losgelaten_wensen
            or self.toegevoegd
            or self.vervallen
        )


@dataclass
class Vergelijking:
    eerder: Rapport
    nu: Rapport
    groepen: list[GroepVergelijking]
    opvolgingen: list[LeerdoelOpvolging]

    @property
    def andere_profielversie(self) -> bool:
        return self.eerder.versie.pk != self.nu.versie.pk


def _richting(v: GroepVergelijking, s: Verschuiving) -> list[Verschuiving]:
    """Where an answer went, by the profile's own scale: in or out of one's role, or further
    along the scale (more self-evident) or back (more in development)."""
    if s.nu.buiten_rol and not s.eerder.buiten_rol:
        return v.nu_buiten_rol
    if s.eerder.buiten_rol and not s.nu.buiten_rol:
        return v.nu_binnen_rol
    if s.nu.volgorde > s.eerder.volgorde:
        return v.vanzelfsprekender
    return v.meer_in_ontwikkeling


def _vergelijk_groep(eerder: GroepRapport | None, nu: GroepRapport | None) -> GroepVergelijking:
    basis = nu or eerder
    v = GroepVergelijking(basis.groep.sleutel, basis.groep.in_taal("titel"), eerder, nu)
    if eerder is None or nu is None:
        return v
    oud = {r.item.sleutel: r for r in eerder.regels}
    nieuw = {r.item.sleutel: r for r in nu.regels}
    for sleutel, regel in nieuw.items():
        vorig = oud.get(sleutel)
        if vorig is None:
            v.toegevoegd.append(regel)
            continue
        if vorig.optie and regel.optie and vorig.optie.sleutel != regel.optie.sleutel:
            verschuiving = Verschuiving(
                regel.item.in_taal("tekst"), sleutel, vorig.optie, regel.optie
            )
            v.verschoven.append(verschuiving)
            _richting(v, verschuiving).append(verschuiving)
        if regel.ontwikkelen and vorig.ontwikkelen:
            v.behouden_wensen.append(regel)
        elif regel.ontwikkelen:
            v.nieuwe_wensen.append(regel)
        elif vorig.ontwikkelen and regel.optie is not None:
            # Only a statement looked at again can have let go of a wish; one still open
            # in the new scan is simply not there yet.
            v.losgelaten_wensen.append(vorig)
    v.vervallen = [r for s, r in oud.items() if s not in nieuw]
    return v


def vergelijk(eerder: Scan, nu: Scan, *, rapport_nu: Rapport | None = None) -> Vergelijking:
    """Compare two scans of one person, group by group (matched on the group's key)."""
    if eerder.eigenaar_id != nu.eigenaar_id:
        raise ValueError("Alleen scans van dezelfde persoon zijn te vergelijken.")
    if rapport_nu is None:
        r_nu, r_eerder = bouw_rapporten(nu, eerder)
    else:
        r_nu = rapport_nu
        r_eerder = bouw_rapport(eerder, alleen_antwoorden=True)
    oud = {g.groep.sleutel: g for g in r_eerder.groepen}
    nieuw = {g.groep.sleutel: g for g in r_nu.groepen}
    volgorde = list(nieuw) + [s for s in oud if s not in nieuw]
    return Vergelijking(
        eerder=r_eerder,
        nu=r_nu,
        groepen=[_vergelijk_groep(oud.get(s), nieuw.get(s)) for s in volgorde],
        opvolgingen=list(nu.opvolgingen.all()) if nu.vorige_scan_id == eerder.pk else [],
    )


def rapport_met_vorige(scan: Scan) -> tuple[Rapport, Vergelijking | None]:
    """The report of `scan` and its comparison with the scan it follows (if that still
    exists), both read together. `scan` comes from `toegang.scan_van(..., met_vorige=True)`,
    so the earlier scan is already loaded with it."""
    vorige = scan.vorige_scan if scan.vorige_scan_id is not None else None
    if vorige is None:
        return bouw_rapport(scan), None
    vorige.eigenaar = scan.eigenaar  # the same person (checked in vergelijk)
    vergelijking = vergelijk(vorige, scan)
    return vergelijking.nu, vergelijking


def sinds_vorige(scan: Scan, rapport: Rapport) -> Vergelijking | None:
    """The comparison with the scan this one follows, if it still exists."""
    if scan.vorige_scan_id is None:
        return None
    vorige = (
        Scan.objects.select_related("versie", "eigenaar").filter(pk=scan.vorige_scan_id).first()
    )
    if vorige is None:
        return None
    return vergelijk(vorige, scan, rapport_nu=rapport)


def vervolg_instellingen(vorige: Scan, versie) -> dict:
    """Start-form defaults for a scan that follows `vorige`: same gebieden (by key) and
    settings. The answers come along only if the person ticks that box (off by default)."""
    sleutels = vorige.scangroepen.values("groep__sleutel")  # a subquery: one query in all
    return {
        "gebieden": list(versie.groepen.filter(soort="gebied", sleutel__in=sleutels)),
        "labels_aan": vorige.labels_aan,
        "functie": vorige.functie,
        "sector": vorige.sector,
    }
