"""Validating a profile YAML file and loading it as a new, immutable profile version.

`lees_profielbestand` reads and validates the whole file and reports every problem at once
(file name and line). `schrijf_profiel` turns validated data into rows in one transaction;
unchanged content writes nothing. The management command `laad_profiel` is a thin shell
around these two.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from .models import Categorie, Groep, Item, Niveau, Profiel, ProfielVersie, Schaaloptie
from .taal import BRONTAAL
from .yamlbron import PositionedDict, PositionedList, parse_yaml

ONDERSTEUNDE_FORMATEN = {1}
SLEUTEL_PATROON = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
# A suggestion is a short invitation, not a course description.
SUGGESTIE_MAX = 300


def talen() -> list[str]:
    """The languages a profile can be written or translated in: those of the interface."""
    return [code for code, _naam in settings.LANGUAGES]


def onbekende_taal(code: str) -> str:
    return f"taal '{code}' ken ik niet (bekend zijn: {', '.join(talen())})"


class ProfielFout(Exception):
    """A profile file that cannot be loaded. `problemen` holds every message, in Dutch."""

    def __init__(self, problemen: list[str]):
        super().__init__("\n".join(problemen))
        self.problemen = problemen


# --- the shape of a profile file ---------------------------------------------------------

TEKST, SLEUTEL, GETAL, DATUM, JANEE, URL = "tekst", "sleutel", "getal", "datum", "janee", "url"


@dataclass(frozen=True)
class Veld:
    soort: object  # one of the kinds above, a dict (object) or a Lijst
    verplicht: bool = True


@dataclass(frozen=True)
class Lijst:
    element: object
    minimaal: int = 0


CATEGORIE = {"sleutel": Veld(SLEUTEL), "titel": Veld(TEKST)}
SCHAALOPTIE = {
    "sleutel": Veld(SLEUTEL),
    "label": Veld(TEKST),
    "buiten_rol": Veld(JANEE, verplicht=False),
    "verkennend": Veld(JANEE, verplicht=False),
}
SCHAAL = {"vraag": Veld(TEKST), "opties": Veld(Lijst(SCHAALOPTIE, minimaal=2))}
NIVEAU = {"sleutel": Veld(SLEUTEL), "titel": Veld(TEKST), "beschrijving": Veld(TEKST)}
NIVEAUS = {"toelichting": Veld(TEKST), "opties": Veld(Lijst(NIVEAU, minimaal=1))}
ITEM = {
    "sleutel": Veld(SLEUTEL),
    "tekst": Veld(TEKST),
    "suggesties": Veld(Lijst(TEKST), verplicht=False),
}
ONDERDEEL = {
    "categorie": Veld(SLEUTEL),
    "items": Veld(Lijst(ITEM, minimaal=1)),
    "suggesties": Veld(Lijst(TEKST), verplicht=False),
}
LINK = {"titel": Veld(TEKST), "url": Veld(URL)}
GROEP = {
    "sleutel": Veld(SLEUTEL),
    "soort": Veld(SLEUTEL),
    "titel": Veld(TEKST),
    "rolnaam": Veld(TEKST, verplicht=False),
    "kernzin": Veld(TEKST, verplicht=False),
    "korte_beschrijving": Veld(TEKST),
    "beschrijving": Veld(TEKST, verplicht=False),
    "onderdelen": Veld(Lijst(ONDERDEEL, minimaal=1)),
    "gespreksvragen": Veld(Lijst(TEKST), verplicht=False),
    "suggesties": Veld(Lijst(TEKST), verplicht=False),
    "verder_met": Veld(Lijst(LINK), verplicht=False),
}
ACHTERGROND = {"titel": Veld(TEKST), "tekst": Veld(TEKST)}
PROFIEL = {
    "formaat": Veld(GETAL),
    "sleutel": Veld(SLEUTEL),
    "taal": Veld(SLEUTEL, verplicht=False),
    "titel": Veld(TEKST),
    "uitgever": Veld(TEKST),
    "bron": Veld(TEKST),
    "bron_url": Veld(URL, verplicht=False),
    "publicatiedatum": Veld(DATUM, verplicht=False),
    "licentie": Veld(TEKST, verplicht=False),
    "naamsvermelding": Veld(TEKST, verplicht=False),
    "inleiding": Veld(TEKST, verplicht=False),
    "categorieen": Veld(Lijst(CATEGORIE, minimaal=1)),
    "schaal": Veld(SCHAAL),
    "niveaus": Veld(NIVEAUS, verplicht=False),
    "groepen": Veld(Lijst(GROEP, minimaal=1)),
    "achtergrond": Veld(Lijst(ACHTERGROND), verplicht=False),
}
GROEPSOORTEN = {choice.value for choice in Groep.Soort}

_SOORTNAMEN = {
    TEKST: "een tekst",
    SLEUTEL: "een sleutel",
    GETAL: "een geheel getal",
    DATUM: "een datum (JJJJ-MM-DD)",
    JANEE: "true of false",
    URL: "een webadres",
}


class _Controle:
    """Walks the parsed YAML along the shape above, collecting problems with their lines."""

    def __init__(self, bestandsnaam: str):
        self.bestandsnaam = bestandsnaam
        self.problemen: list[tuple[int, str]] = []

    def fout(self, regel: int | None, plaats: str, bericht: str) -> None:
        self.problemen.append((regel or 0, f"{plaats}: {bericht}" if plaats else bericht))

    def berichten(self) -> list[str]:
        uit = []
        for regel, bericht in sorted(self.problemen, key=lambda p: p[0]):
            waar = f"{self.bestandsnaam}, regel {regel}" if regel else self.bestandsnaam
            uit.append(f"{waar}: {bericht}")
        return uit

    def object(self, waarde, vorm: dict, plaats: str, regel: int) -> dict | None:
        if not isinstance(waarde, PositionedDict):
            self.fout(regel, plaats, "hier hoort een blok met velden (sleutel: waarde)")
            return None
        schoon = {}
        for naam in waarde:
            if naam not in vorm:
                bekend = ", ".join(vorm)
                self.fout(
                    waarde.line_of(naam), plaats, f"onbekend veld '{naam}' (bekend zijn: {bekend})"
                )
        for naam, veld in vorm.items():
            if naam not in waarde or waarde[naam] is None:
                if veld.verplicht:
                    self.fout(waarde.line_of(naam), plaats, f"het veld '{naam}' ontbreekt")
                continue
            schoon[naam] = self.waarde(
                waarde[naam], veld.soort, _pad(plaats, naam), waarde.line_of(naam)
            )
        return schoon

    def waarde(self, waarde, soort, plaats: str, regel: int):
        if isinstance(soort, dict):
            return self.object(waarde, soort, plaats, regel)
        if isinstance(soort, Lijst):
            return self.lijst(waarde, soort, plaats, regel)
        return self.enkel(waarde, soort, plaats, regel)

    def lijst(self, waarde, soort: Lijst, plaats: str, regel: int) -> list:
        if not isinstance(waarde, PositionedList):
            self.fout(regel, plaats, "hier hoort een lijst (regels die beginnen met '- ')")
            return []
        if len(waarde) < soort.minimaal:
            self.fout(regel, plaats, f"de lijst is leeg; er hoort er minstens {soort.minimaal}")
        return [
            self.waarde(element, soort.element, _element(plaats, i, element), waarde.line_of(i))
            for i, element in enumerate(waarde)
        ]

    def enkel(self, waarde, soort: str, plaats: str, regel: int):
        if soort == GETAL and isinstance(waarde, int) and not isinstance(waarde, bool):
            return waarde
        if soort == JANEE and isinstance(waarde, bool):
            return waarde
        if soort == DATUM and isinstance(waarde, dt.date):
            return waarde.isoformat()
        if soort in (TEKST, SLEUTEL, URL) and isinstance(waarde, str | int | float):
            if isinstance(waarde, bool):
                self.fout(regel, plaats, f"hier hoort {_SOORTNAMEN[soort]}, niet {waarde}")
                return None
            tekst = str(waarde).strip()
            if not tekst:
                self.fout(regel, plaats, "de tekst is leeg")
                return None
            if soort == SLEUTEL and not SLEUTEL_PATROON.match(tekst):
                self.fout(
                    regel,
                    plaats,
                    f"'{tekst}' is geen geldige sleutel (gebruik kleine letters, cijfers, "
                    "'-', '_' en '.')",
                )
            if soort == URL and not tekst.startswith(("https://", "http://")):
                self.fout(regel, plaats, f"'{tekst}' is geen webadres (begin met https://)")
            if "\x00" in tekst:
                self.fout(regel, plaats, "de tekst bevat een ongeldig teken")
            return tekst
        omschrijving = _SOORTNAMEN.get(soort, "iets anders")
        self.fout(regel, plaats, f"hier hoort {omschrijving}, niet {_beschrijf(waarde)}")
        return None


def _pad(plaats: str, naam: str) -> str:
    return f"{plaats} > {naam}" if plaats else naam


def _element(plaats: str, index: int, element) -> str:
    """Name a list entry by its key where it has one: "groepen 'coach'", else "groepen nr. 2"."""
    if isinstance(element, PositionedDict):
        naam = element.get("sleutel") or element.get("categorie")
        if isinstance(naam, str) and naam.strip():
            return f"{plaats} '{naam.strip()}'"
    return f"{plaats} nr. {index + 1}"


def _beschrijf(waarde) -> str:
    if isinstance(waarde, PositionedDict):
        return "een blok met velden"
    if isinstance(waarde, PositionedList):
        return "een lijst"
    if isinstance(waarde, bool):
        return "true/false"
    return f"'{waarde}'"


def _controleer_samenhang(c: _Controle, ruw: PositionedDict, schoon: dict) -> None:
    """Checks across fields: unique keys, known categories, supported format."""
    if schoon.get("formaat") is not None and schoon["formaat"] not in ONDERSTEUNDE_FORMATEN:
        c.fout(ruw.line_of("formaat"), "formaat", f"formaat {schoon['formaat']} ken ik niet")
    if schoon.get("taal") and schoon["taal"] not in talen():
        c.fout(ruw.line_of("taal"), "taal", onbekende_taal(schoon["taal"]))

    def uniek(lijst_naam: str, ruwe_lijst, schone_lijst, wat: str) -> set[str]:
        gezien: set[str] = set()
        for i, element in enumerate(schone_lijst or []):
            sleutel = (element or {}).get("sleutel")
            if not sleutel:
                continue
            if sleutel in gezien:
                c.fout(ruwe_lijst.line_of(i), lijst_naam, f"{wat} '{sleutel}' komt dubbel voor")
            gezien.add(sleutel)
        return gezien

    categorieen = uniek(
        "categorieen", ruw.get("categorieen"), schoon.get("categorieen"), "categorie"
    )
    schaal = schoon.get("schaal") or {}
    if isinstance(ruw.get("schaal"), PositionedDict):
        ruwe_opties = ruw["schaal"].get("opties")
        uniek("schaal > opties", ruwe_opties, schaal.get("opties"), "schaaloptie")
        for i, optie in enumerate(schaal.get("opties") or []):
            if optie and optie.get("buiten_rol") and optie.get("verkennend"):
                c.fout(
                    ruwe_opties.line_of(i),
                    f"schaal > opties '{optie.get('sleutel')}'",
                    "een antwoord is buiten de rol óf verkennend, niet allebei",
                )
    niveaus = schoon.get("niveaus") or {}
    if isinstance(ruw.get("niveaus"), PositionedDict):
        uniek("niveaus > opties", ruw["niveaus"].get("opties"), niveaus.get("opties"), "label")
    uniek("groepen", ruw.get("groepen"), schoon.get("groepen"), "groep")

    item_sleutels: set[str] = set()
    ruwe_groepen = ruw.get("groepen") if isinstance(ruw.get("groepen"), PositionedList) else []
    for gi, groep in enumerate(schoon.get("groepen") or []):
        if not groep or gi >= len(ruwe_groepen):
            continue
        ruwe_groep = ruwe_groepen[gi]
        plaats = f"groep '{groep.get('sleutel', gi + 1)}'"
        if groep.get("soort") and groep["soort"] not in GROEPSOORTEN:
            c.fout(
                ruwe_groep.line_of("soort"),
                plaats,
                f"soort '{groep['soort']}' bestaat niet (kies basis of gebied)",
            )
        _controleer_suggesties(c, ruwe_groep, groep, f"{plaats} > suggesties")
        ruwe_onderdelen = ruwe_groep.get("onderdelen")
        gebruikte: set[str] = set()
        for oi, onderdeel in enumerate(groep.get("onderdelen") or []):
            if not onderdeel or not isinstance(ruwe_onderdelen, PositionedList):
                continue
            ruw_onderdeel = ruwe_onderdelen[oi]
            categorie = onderdeel.get("categorie")
            if categorie and categorie not in categorieen:
                c.fout(
                    ruw_onderdeel.line_of("categorie"),
                    plaats,
                    f"categorie '{categorie}' staat niet in 'categorieen'",
                )
            elif categorie in gebruikte:
                c.fout(
                    ruw_onderdeel.line_of("categorie"),
                    plaats,
                    f"categorie '{categorie}' komt twee keer voor in deze groep",
                )
            gebruikte.add(categorie)
            _controleer_suggesties(
                c, ruw_onderdeel, onderdeel, f"{plaats} > onderdeel '{categorie}' > suggesties"
            )
            ruwe_items = ruw_onderdeel.get("items")
            for ii, item in enumerate(onderdeel.get("items") or []):
                sleutel = (item or {}).get("sleutel")
                if isinstance(ruwe_items, PositionedList) and isinstance(
                    ruwe_items[ii], PositionedDict
                ):
                    _controleer_suggesties(
                        c, ruwe_items[ii], item or {}, f"{plaats} > item '{sleutel}' > suggesties"
                    )
                if not sleutel:
                    continue
                if sleutel in item_sleutels:
                    c.fout(
                        ruwe_items.line_of(ii), plaats, f"item-sleutel '{sleutel}' komt dubbel voor"
                    )
                item_sleutels.add(sleutel)


def _controleer_suggesties(c: _Controle, ruw: PositionedDict, schoon: dict, plaats: str) -> None:
    """Suggestions are short and said once per place."""
    ruwe_lijst = ruw.get("suggesties")
    if not isinstance(ruwe_lijst, PositionedList):
        return
    gezien: set[str] = set()
    for i, tekst in enumerate(schoon.get("suggesties") or []):
        if not tekst:
            continue
        if len(tekst) > SUGGESTIE_MAX:
            c.fout(
                ruwe_lijst.line_of(i),
                plaats,
                f"deze suggestie is {len(tekst)} tekens; houd hem kort (hooguit {SUGGESTIE_MAX})",
            )
        if tekst in gezien:
            c.fout(ruwe_lijst.line_of(i), plaats, "deze suggestie staat hier al")
        gezien.add(tekst)


def valideer_profiel(raw: bytes, bestandsnaam: str) -> dict:
    """Validate a profile file's bytes; return clean data or raise ProfielFout with all problems."""
    document = parse_yaml(raw)
    c = _Controle(bestandsnaam)
    for probleem in document.problems:
        c.fout(probleem.line, "", probleem.message)
    if document.data is None and not document.problems:
        c.fout(None, "", "het bestand is leeg")
    if document.data is None:
        raise ProfielFout(c.berichten())
    schoon = c.object(document.data, PROFIEL, "", 1)
    if schoon is not None:
        _controleer_samenhang(c, document.data, schoon)
    if c.problemen:
        raise ProfielFout(c.berichten())
    return schoon


def lees_bytes(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except FileNotFoundError:
        raise ProfielFout([f"{pad}: dit bestand bestaat niet"]) from None
    except IsADirectoryError:
        raise ProfielFout([f"{pad}: dit is een map, geen bestand"]) from None
    except OSError as exc:
        raise ProfielFout(
            [f"{pad}: het bestand kan niet gelezen worden ({exc.strerror})"]
        ) from None


@dataclass
class Profielbestand:
    """A validated profile with its translations; warnings never stop it from loading."""

    schoon: dict
    waarschuwingen: list[str] = field(default_factory=list)
    vertalingen: list[str] = field(default_factory=list)


def lees_profiel(pad: str | Path) -> Profielbestand:
    """Read and validate a profile file and the translations next to it (npuls.en.yaml
    beside npuls.yaml); ProfielFout names the file and line of every problem."""
    from .vertaling import lees_vertaling, vertalingen_naast  # builds on the shapes above

    pad = Path(pad)
    raw = lees_bytes(pad)
    if re.search(rb"(?m)^vertaling_van:", raw):
        raise ProfielFout(
            [
                f"{pad}: dit is een vertaling, geen profiel; zet het naast het profiel dat het "
                "vertaalt, met de taal in de naam (npuls.en.yaml naast npuls.yaml)"
            ]
        )
    schoon = valideer_profiel(raw, str(pad))
    problemen, waarschuwingen, vertalingen = [], [], {}
    for vertaalpad in vertalingen_naast(pad):
        try:
            vertaling = lees_vertaling(vertaalpad, schoon, pad.name)
        except ProfielFout as fout:
            problemen.extend(fout.problemen)
            continue
        waarschuwingen.extend(vertaling.waarschuwingen)
        vertalingen[vertaling.taal] = vertaling.schoon
    if problemen:
        raise ProfielFout(problemen)
    if vertalingen:
        schoon["vertalingen"] = vertalingen
    return Profielbestand(schoon, waarschuwingen, sorted(vertalingen))


def lees_profielbestand(pad: str | Path) -> dict:
    """Read and validate a profile file with its translations: the clean data to write."""
    return lees_profiel(pad).schoon


# --- writing -------------------------------------------------------------------------------


@dataclass
class LaadResultaat:
    profiel: str
    versie: int
    nieuw: bool
    aantallen: dict[str, int] = field(default_factory=dict)


def inhoud_hash(schoon: dict) -> str:
    canoniek = json.dumps(schoon, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode("utf-8")).hexdigest()


def tel(schoon: dict) -> dict[str, int]:
    groepen = schoon["groepen"]
    return {
        "groepen": len(groepen),
        "items": sum(len(o["items"]) for g in groepen for o in g["onderdelen"]),
    }


def met_sleutels(voorvoegsel: str, teksten: list[str]) -> list[dict]:
    """Suggestions with a stable key each: its place in the file, counted from 1
    ("coach.kennis.suggestie.2"). Translations are keyed on it."""
    return [{"sleutel": f"{voorvoegsel}.{i}", "tekst": t} for i, t in enumerate(teksten, 1)]


def _per_rij(vertalingen: dict, soort: str, sleutel: str | None = None) -> dict:
    """The translations of one row, {"en": {"titel": ...}}, from the validated translations."""
    uit = {}
    for taal, vertaling in vertalingen.items():
        velden = vertaling[soort] if sleutel is None else vertaling[soort].get(sleutel)
        if velden:
            uit[taal] = velden
    return uit


@transaction.atomic
def schrijf_profiel(schoon: dict, *, bronbestand: str = "") -> LaadResultaat:
    """Store validated data as a new profile version, unless the newest version is identical."""
    hash_ = inhoud_hash(schoon)
    profiel, _ = Profiel.objects.get_or_create(sleutel=schoon["sleutel"])
    # Lock the profile row so two loaders cannot both create the same version number.
    profiel = Profiel.objects.select_for_update().get(pk=profiel.pk)
    nieuwste = profiel.versies.order_by("-nummer").first()
    if nieuwste and nieuwste.inhoud_hash == hash_:
        return LaadResultaat(profiel.sleutel, nieuwste.nummer, False, tel(schoon))

    nummer = (profiel.versies.aggregate(m=Max("nummer"))["m"] or 0) + 1
    niveaus = schoon.get("niveaus") or {}
    taal = schoon.get("taal", BRONTAAL)
    vertalingen = schoon.get("vertalingen", {})
    versie = ProfielVersie.objects.create(
        profiel=profiel,
        nummer=nummer,
        inhoud_hash=hash_,
        bronbestand=bronbestand[:255],
        taal=taal,
        vertalingen=_per_rij(vertalingen, "profiel"),
        talen={
            t: {"officieel": v["officieel"], "toelichting": v["toelichting"]}
            for t, v in vertalingen.items()
        },
        titel=schoon["titel"],
        uitgever=schoon["uitgever"],
        bron=schoon["bron"],
        bron_url=schoon.get("bron_url", ""),
        publicatiedatum=schoon.get("publicatiedatum"),
        licentie=schoon.get("licentie", ""),
        naamsvermelding=schoon.get("naamsvermelding", ""),
        inleiding=schoon.get("inleiding", ""),
        schaal_vraag=schoon["schaal"]["vraag"],
        niveaus_toelichting=niveaus.get("toelichting", ""),
        achtergrond=schoon.get("achtergrond", []),
    )
    categorieen = {
        c["sleutel"]: Categorie.objects.create(
            versie=versie,
            sleutel=c["sleutel"],
            titel=c["titel"],
            volgorde=i,
            taal=taal,
            vertalingen=_per_rij(vertalingen, "categorieen", c["sleutel"]),
        )
        for i, c in enumerate(schoon["categorieen"])
    }
    Schaaloptie.objects.bulk_create(
        Schaaloptie(
            versie=versie,
            sleutel=o["sleutel"],
            label=o["label"],
            buiten_rol=o.get("buiten_rol", False),
            verkennend=o.get("verkennend", False),
            volgorde=i,
            taal=taal,
            vertalingen=_per_rij(vertalingen, "schaalopties", o["sleutel"]),
        )
        for i, o in enumerate(schoon["schaal"]["opties"])
    )
    Niveau.objects.bulk_create(
        Niveau(
            versie=versie,
            sleutel=n["sleutel"],
            titel=n["titel"],
            beschrijving=n["beschrijving"],
            volgorde=i,
            taal=taal,
            vertalingen=_per_rij(vertalingen, "niveaus", n["sleutel"]),
        )
        for i, n in enumerate(niveaus.get("opties", []))
    )
    items = []
    for gi, g in enumerate(schoon["groepen"]):
        groep = Groep.objects.create(
            versie=versie,
            sleutel=g["sleutel"],
            soort=g["soort"],
            titel=g["titel"],
            rolnaam=g.get("rolnaam", ""),
            kernzin=g.get("kernzin", ""),
            korte_beschrijving=g["korte_beschrijving"],
            beschrijving=g.get("beschrijving", ""),
            gespreksvragen=g.get("gespreksvragen", []),
            suggesties=g.get("suggesties", []),
            categorie_suggesties={
                o["categorie"]: met_sleutels(
                    f"{g['sleutel']}.{o['categorie']}.suggestie", o["suggesties"]
                )
                for o in g["onderdelen"]
                if o.get("suggesties")
            },
            verder_met=g.get("verder_met", []),
            volgorde=gi,
            taal=taal,
            vertalingen=_per_rij(vertalingen, "groepen", g["sleutel"]),
        )
        for onderdeel in g["onderdelen"]:
            for item in onderdeel["items"]:
                items.append(
                    Item(
                        versie=versie,
                        groep=groep,
                        categorie=categorieen[onderdeel["categorie"]],
                        sleutel=item["sleutel"],
                        tekst=item["tekst"],
                        suggesties=met_sleutels(
                            f"{item['sleutel']}.suggestie", item.get("suggesties", [])
                        ),
                        volgorde=len(items),
                        taal=taal,
                        vertalingen=_per_rij(vertalingen, "items", item["sleutel"]),
                    )
                )
    Item.objects.bulk_create(items)
    return LaadResultaat(profiel.sleutel, nummer, True, tel(schoon))
