"""Translations of a profile: companion files such as `npuls.en.yaml` next to `npuls.yaml`.

A companion declares its language (`taal: en`), the profile it translates
(`vertaling_van`) and whether it is an official translation, and mirrors the source by its
stable keys: categories, scale options, labels and groups by their `sleutel`, items by their
item key under their group. It only holds texts; everything else comes from the source.

`lees_vertaling` validates a companion against the validated source: a broken file, an
unknown language or a key the source does not have is refused with file and line; a text
that has no translation is a warning (it shows in the source language, marked with its
`lang`). The clean result is shaped for writing: per row kind, per key, the translated
fields, so `laden.schrijf_profiel` only copies it into each row's `vertalingen`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .laden import (
    GETAL,
    JANEE,
    ONDERSTEUNDE_FORMATEN,
    SLEUTEL,
    SUGGESTIE_MAX,
    TEKST,
    URL,
    Lijst,
    ProfielFout,
    Veld,
    _Controle,
    lees_bytes,
    met_sleutels,
    onbekende_taal,
    talen,
)
from .yamlbron import PositionedDict, PositionedList, parse_yaml

# npuls.en.yaml is the English translation of npuls.yaml in the same folder.
VERTAALNAAM = re.compile(r"^(?P<stam>.+)\.(?P<taal>[a-z]{2,3}(?:-[a-z0-9]+)?)\.yaml$")


@dataclass(frozen=True)
class Per:
    """A mapping from the source's keys to a translation: `kennis: Knowledge`."""

    element: object


NIVEAU = {"titel": Veld(TEKST, verplicht=False), "beschrijving": Veld(TEKST, verplicht=False)}
LINK = {"titel": Veld(TEKST), "url": Veld(URL, verplicht=False)}
GROEP = {
    "titel": Veld(TEKST, verplicht=False),
    "rolnaam": Veld(TEKST, verplicht=False),
    "kernzin": Veld(TEKST, verplicht=False),
    "korte_beschrijving": Veld(TEKST, verplicht=False),
    "beschrijving": Veld(TEKST, verplicht=False),
    "gespreksvragen": Veld(Lijst(TEKST), verplicht=False),
    "suggesties": Veld(Lijst(TEKST), verplicht=False),
    "verder_met": Veld(Lijst(LINK), verplicht=False),
    "items": Veld(Per(TEKST), verplicht=False),
    # Next steps per category and per statement, by the key the loader gives them
    # ("coach.kennis.suggestie.1", "coach.kennis.02.suggestie.1").
    "suggesties_per_sleutel": Veld(Per(TEKST), verplicht=False),
}
ACHTERGROND = {"titel": Veld(TEKST), "tekst": Veld(TEKST)}
VERTALING = {
    "formaat": Veld(GETAL),
    "vertaling_van": Veld(SLEUTEL),
    "taal": Veld(SLEUTEL),
    "officieel": Veld(JANEE),
    "toelichting": Veld(TEKST, verplicht=False),
    "titel": Veld(TEKST, verplicht=False),
    "uitgever": Veld(TEKST, verplicht=False),
    "bron": Veld(TEKST, verplicht=False),
    "naamsvermelding": Veld(TEKST, verplicht=False),
    "inleiding": Veld(TEKST, verplicht=False),
    "categorieen": Veld(Per(TEKST), verplicht=False),
    "schaal": Veld(
        {"vraag": Veld(TEKST, verplicht=False), "opties": Veld(Per(TEKST), verplicht=False)},
        verplicht=False,
    ),
    "niveaus": Veld(
        {"toelichting": Veld(TEKST, verplicht=False), "opties": Veld(Per(NIVEAU), verplicht=False)},
        verplicht=False,
    ),
    "groepen": Veld(Per(GROEP), verplicht=False),
    "achtergrond": Veld(Lijst(ACHTERGROND), verplicht=False),
}
# Texts of the profile itself: the field in the file, and the field on ProfielVersie.
PROFIELTEKSTEN = {
    "titel": "titel",
    "uitgever": "uitgever",
    "bron": "bron",
    "naamsvermelding": "naamsvermelding",
    "inleiding": "inleiding",
}
GROEPTEKSTEN = ("titel", "rolnaam", "kernzin", "korte_beschrijving", "beschrijving")
GROEPLIJSTEN = ("gespreksvragen", "suggesties")


def bron_van(pad: Path) -> Path | None:
    """The profile file `pad` translates (npuls.en.yaml -> npuls.yaml), if it is one."""
    naam = VERTAALNAAM.match(pad.name)
    if naam is None:
        return None
    bron = pad.with_name(f"{naam['stam']}.yaml")
    return bron if bron.is_file() else None


def vertalingen_naast(pad: Path) -> list[Path]:
    """The companion translation files of a profile file, by language code."""
    return sorted(p for p in pad.parent.glob(f"{pad.stem}.*.yaml") if bron_van(p) == pad)


@dataclass
class Vertaling:
    taal: str
    schoon: dict
    waarschuwingen: list[str] = field(default_factory=list)


class _VertaalControle(_Controle):
    """The profile's shape check, plus mappings keyed by the source's keys, plus warnings."""

    def __init__(self, bestandsnaam: str):
        super().__init__(bestandsnaam)
        self.waarschuwingen = _Controle(bestandsnaam)

    def waarschuw(self, regel: int | None, plaats: str, bericht: str) -> None:
        self.waarschuwingen.fout(regel, plaats, bericht)

    def waarde(self, waarde, soort, plaats: str, regel: int):
        if isinstance(soort, Per):
            return self.per(waarde, soort, plaats, regel)
        return super().waarde(waarde, soort, plaats, regel)

    def per(self, waarde, soort: Per, plaats: str, regel: int) -> dict:
        if not isinstance(waarde, PositionedDict):
            self.fout(
                regel, plaats, "hier hoort een blok met per sleutel de vertaling (sleutel: tekst)"
            )
            return {}
        return {
            str(sleutel): self.waarde(
                inhoud, soort.element, f"{plaats} '{sleutel}'", waarde.line_of(sleutel)
            )
            for sleutel, inhoud in waarde.items()
        }


def _regel(ruw, *pad) -> int | None:
    """The line of ruw[pad[0]][pad[1]]..., or of the deepest part that exists."""
    regel = getattr(ruw, "line", None)
    for deel in pad:
        if not isinstance(ruw, PositionedDict | PositionedList):
            break
        regel = ruw.line_of(deel)
        try:
            ruw = ruw[deel]
        except (KeyError, IndexError, TypeError):
            break
    return regel


class _Vergelijking:
    """Compares a validated translation with the validated source and builds the result."""

    def __init__(self, c: _VertaalControle, ruw: PositionedDict, v: dict, bron: dict, bronnaam):
        self.c, self.ruw, self.v, self.bron, self.bronnaam = c, ruw, v, bron, bronnaam

    def teksten(self, vertaald: dict, brondata: dict, velden, plaats: str, pad: tuple) -> dict:
        """Translated single texts: refused where the source has nothing, warned where missing."""
        uit = {}
        for veld_v, veld_rij in velden:
            heeft_bron = bool(brondata.get(veld_v))
            if veld_v in vertaald and vertaald[veld_v] is not None:
                if not heeft_bron:
                    self.c.fout(
                        _regel(self.ruw, *pad, veld_v),
                        plaats,
                        f"'{veld_v}' staat niet in {self.bronnaam}; er is niets om te vertalen",
                    )
                else:
                    uit[veld_rij] = vertaald[veld_v]
            elif heeft_bron:
                self.c.waarschuw(_regel(self.ruw, *pad), plaats, f"geen vertaling voor '{veld_v}'")
        return uit

    def lijst(self, vertaald: dict, brondata: dict, veld: str, plaats: str, pad: tuple):
        """A translated list pairs with the source by position, so it must be as long."""
        if veld not in vertaald:
            if brondata.get(veld):
                self.c.waarschuw(_regel(self.ruw, *pad), plaats, f"geen vertaling voor '{veld}'")
            return None
        lijst, bronlijst = vertaald[veld], brondata.get(veld) or []
        if not bronlijst:
            self.c.fout(
                _regel(self.ruw, *pad, veld),
                plaats,
                f"'{veld}' staat niet in {self.bronnaam}; er is niets om te vertalen",
            )
            return None
        if len(lijst) != len(bronlijst):
            self.c.waarschuw(
                _regel(self.ruw, *pad, veld),
                plaats,
                f"'{veld}' heeft {len(lijst)} vertalingen voor {len(bronlijst)} teksten in "
                f"{self.bronnaam}; zolang ze niet even lang zijn, blijft deze lijst in de "
                "brontaal",
            )
            return None
        if any(element is None for element in lijst):
            return None  # already refused by the shape check
        return lijst

    def onbekend(self, sleutels, bekend, plaats: str, pad: tuple, wat: str) -> None:
        for sleutel in sleutels:
            if sleutel not in bekend:
                self.c.fout(
                    _regel(self.ruw, *pad, sleutel),
                    plaats,
                    f"{wat} '{sleutel}' bestaat niet in {self.bronnaam}",
                )

    def ontbrekend(self, sleutels, vertaald, plaats: str, pad: tuple, wat: str) -> None:
        missen = [s for s in sleutels if s not in vertaald]
        if missen:
            self.c.waarschuw(
                _regel(self.ruw, *pad),
                plaats,
                f"geen vertaling voor {wat} {', '.join(repr(s) for s in missen)}",
            )

    def per_sleutel(self, veld: str, bronlijst: list[dict], bronveld: str, wat: str, pad=()):
        """Keyed single texts (categories, scale options): {sleutel: {bronveld: tekst}}."""
        vertaald = _diep(self.v, *pad, veld) or {}
        plaats = " > ".join((*pad, veld))
        sleutels = [b["sleutel"] for b in bronlijst]
        self.onbekend(vertaald, sleutels, plaats, (*pad, veld), wat)
        self.ontbrekend(sleutels, vertaald, plaats, (*pad, veld), wat)
        return {s: {bronveld: t} for s, t in vertaald.items() if s in sleutels and t is not None}

    def resultaat(self) -> dict:
        v, bron = self.v, self.bron
        profiel = self.teksten(v, bron, PROFIELTEKSTEN.items(), "", ())
        schaal_v = v.get("schaal") or {}
        profiel |= self.teksten(
            schaal_v, bron["schaal"], [("vraag", "schaal_vraag")], "schaal", ("schaal",)
        )
        bron_niveaus = bron.get("niveaus") or {}
        niveaus_v = v.get("niveaus") or {}
        niveaus = {}
        if v.get("niveaus") is not None and not bron_niveaus:
            self.c.fout(
                _regel(self.ruw, "niveaus"),
                "niveaus",
                f"{self.bronnaam} heeft geen labels; er is niets om te vertalen",
            )
        elif bron_niveaus:
            profiel |= self.teksten(
                niveaus_v,
                bron_niveaus,
                [("toelichting", "niveaus_toelichting")],
                "niveaus",
                ("niveaus",),
            )
            opties = niveaus_v.get("opties") or {}
            sleutels = [n["sleutel"] for n in bron_niveaus["opties"]]
            self.onbekend(opties, sleutels, "niveaus > opties", ("niveaus", "opties"), "label")
            self.ontbrekend(sleutels, opties, "niveaus > opties", ("niveaus", "opties"), "label")
            for n in bron_niveaus["opties"]:
                if opties.get(n["sleutel"]) is not None:
                    niveaus[n["sleutel"]] = self.teksten(
                        opties[n["sleutel"]],
                        n,
                        [("titel", "titel"), ("beschrijving", "beschrijving")],
                        f"niveaus > opties '{n['sleutel']}'",
                        ("niveaus", "opties", n["sleutel"]),
                    )
        achtergrond = self.lijst(v, bron, "achtergrond", "achtergrond", ())
        if achtergrond is not None:
            profiel["achtergrond"] = achtergrond
        return {
            "officieel": v["officieel"],
            "toelichting": v.get("toelichting", ""),
            "profiel": profiel,
            "categorieen": self.per_sleutel(
                "categorieen", bron["categorieen"], "titel", "categorie"
            ),
            "schaalopties": self.per_sleutel(
                "opties", bron["schaal"]["opties"], "label", "schaaloptie", pad=("schaal",)
            ),
            "niveaus": niveaus,
            **self.groepen(),
        }

    def groepen(self) -> dict:
        vertaald = self.v.get("groepen") or {}
        brongroepen = {g["sleutel"]: g for g in self.bron["groepen"]}
        self.onbekend(vertaald, brongroepen, "groepen", ("groepen",), "groep")
        self.ontbrekend(brongroepen, vertaald, "groepen", ("groepen",), "groep")
        item_groep = {
            i["sleutel"]: g["sleutel"]
            for g in self.bron["groepen"]
            for o in g["onderdelen"]
            for i in o["items"]
        }
        alle_suggesties = {
            s: g["sleutel"] for g in self.bron["groepen"] for s in suggestiesleutels(g)
        }
        groepen, items = {}, {}
        for sleutel, g in brongroepen.items():
            gv = vertaald.get(sleutel)
            if gv is None:
                continue
            plaats, pad = f"groepen '{sleutel}'", ("groepen", sleutel)
            rij = self.teksten(gv, g, [(t, t) for t in GROEPTEKSTEN], plaats, pad)
            for veld in GROEPLIJSTEN:
                lijst = self.lijst(gv, g, veld, plaats, pad)
                if lijst is not None:
                    rij[veld] = lijst
            links = self.lijst(gv, g, "verder_met", plaats, pad)
            if links is not None:
                rij["verder_met"] = [
                    {"titel": link["titel"], "url": link.get("url") or bronlink["url"]}
                    for link, bronlink in zip(links, g["verder_met"], strict=True)
                ]
            groepen[sleutel] = rij
            itemteksten = gv.get("items") or {}
            eigen = [s for s, groep in item_groep.items() if groep == sleutel]
            for item in itemteksten:
                if item_groep.get(item, sleutel) != sleutel:
                    self.c.fout(
                        _regel(self.ruw, *pad, "items", item),
                        plaats,
                        f"item '{item}' hoort in {self.bronnaam} bij groep '{item_groep[item]}'",
                    )
            self.onbekend(
                [i for i in itemteksten if i not in item_groep],
                eigen,
                f"{plaats} > items",
                (*pad, "items"),
                "item",
            )
            self.ontbrekend(eigen, itemteksten, plaats, (*pad, "items"), "item")
            for s, t in itemteksten.items():
                if s in eigen and t is not None:
                    items.setdefault(s, {})["tekst"] = t
            self.suggesties(gv, g, plaats, pad, rij, items, alle_suggesties)
        return {"groepen": groepen, "items": items}

    def suggesties(self, gv, g, plaats, pad, rij: dict, items: dict, alle: dict) -> None:
        """Per-category and per-statement suggestions, keyed as the loader keys them."""
        eigen = suggestiesleutels(g)
        vertaald = gv.get("suggesties_per_sleutel") or {}
        regels = (*pad, "suggesties_per_sleutel")
        for sleutel, tekst in vertaald.items():
            if sleutel not in eigen:
                elders = f"; die hoort bij groep '{alle[sleutel]}'" if sleutel in alle else ""
                self.c.fout(
                    _regel(self.ruw, *regels, sleutel),
                    f"{plaats} > suggesties_per_sleutel",
                    f"suggestie '{sleutel}' bestaat niet in deze groep van {self.bronnaam}{elders}",
                )
            elif tekst is not None:
                if len(tekst) > SUGGESTIE_MAX:
                    self.c.fout(
                        _regel(self.ruw, *regels, sleutel),
                        f"{plaats} > suggesties_per_sleutel",
                        f"deze suggestie is {len(tekst)} tekens; houd hem kort (hooguit "
                        f"{SUGGESTIE_MAX})",
                    )
                rijsleutel = eigen[sleutel]
                doel = rij if rijsleutel is None else items.setdefault(rijsleutel, {})
                doel.setdefault("suggesties_per_sleutel", {})[sleutel] = tekst
        self.ontbrekend(list(eigen), vertaald, plaats, regels, "suggestie")
        for veld in GROEPLIJSTEN:
            for i, tekst in enumerate(rij.get(veld) or []):
                if veld == "suggesties" and len(tekst) > SUGGESTIE_MAX:
                    self.c.fout(
                        _regel(self.ruw, *pad, veld, i),
                        f"{plaats} > {veld}",
                        f"deze suggestie is {len(tekst)} tekens; houd hem kort (hooguit "
                        f"{SUGGESTIE_MAX})",
                    )


def suggestiesleutels(groep: dict) -> dict[str, str | None]:
    """The keys of a source group's suggestions per category (-> None: stored on the group)
    and per statement (-> the item's key), as laden.schrijf_profiel makes them."""
    uit: dict[str, str | None] = {}
    for o in groep["onderdelen"]:
        for s in met_sleutels(
            f"{groep['sleutel']}.{o['categorie']}.suggestie", o.get("suggesties", [])
        ):
            uit[s["sleutel"]] = None
        for item in o["items"]:
            for s in met_sleutels(f"{item['sleutel']}.suggestie", item.get("suggesties", [])):
                uit[s["sleutel"]] = item["sleutel"]
    return uit


def _diep(data, *pad):
    for deel in pad:
        if not isinstance(data, dict):
            return None
        data = data.get(deel)
    return data


def valideer_vertaling(raw: bytes, bestandsnaam: str, bron: dict, bronnaam: str) -> Vertaling:
    """Validate a companion file's bytes against the validated source `bron`."""
    document = parse_yaml(raw)
    c = _VertaalControle(bestandsnaam)
    for probleem in document.problems:
        c.fout(probleem.line, "", probleem.message)
    if document.data is None and not document.problems:
        c.fout(None, "", "het bestand is leeg")
    if document.data is None:
        raise ProfielFout(c.berichten())
    v = c.object(document.data, VERTALING, "", 1)
    if v is None:
        raise ProfielFout(c.berichten())
    ruw = document.data
    if v.get("formaat") is not None and v["formaat"] not in ONDERSTEUNDE_FORMATEN:
        c.fout(ruw.line_of("formaat"), "formaat", f"formaat {v['formaat']} ken ik niet")
    if v.get("vertaling_van") and v["vertaling_van"] != bron["sleutel"]:
        c.fout(
            ruw.line_of("vertaling_van"),
            "vertaling_van",
            f"dit bestand vertaalt profiel '{v['vertaling_van']}', maar {bronnaam} is profiel "
            f"'{bron['sleutel']}'",
        )
    taal = v.get("taal")
    naamtaal = VERTAALNAAM.match(Path(bestandsnaam).name)
    brontaal = bron.get("taal", "nl")
    if taal and taal not in talen():
        c.fout(ruw.line_of("taal"), "taal", onbekende_taal(taal))
    elif taal and taal == brontaal:
        c.fout(ruw.line_of("taal"), "taal", f"{bronnaam} is zelf al in taal '{taal}'")
    elif taal and naamtaal and naamtaal["taal"] != taal:
        c.fout(
            ruw.line_of("taal"),
            "taal",
            f"de bestandsnaam zegt taal '{naamtaal['taal']}', het bestand zegt '{taal}'",
        )
    schoon = _Vergelijking(c, ruw, v, bron, bronnaam).resultaat()
    if c.problemen:
        raise ProfielFout(c.berichten())
    return Vertaling(taal, schoon, c.waarschuwingen.berichten())


def lees_vertaling(pad: Path, bron: dict, bronnaam: str) -> Vertaling:
    return valideer_vertaling(lees_bytes(pad), str(pad), bron, bronnaam)
