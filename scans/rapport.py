"""The ontwikkelrapport's content, built once from stored data.

The look back, the HTML report and the PDF all render the same `Rapport`, in the same order:
first the gesprekskaart (the person's own leerdoelen, wishes and gesprekspunten), then per
group the statements grouped by answer with next steps that follow from those answers.
Nothing here counts towards a score: it only groups the person's own answers and words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.models import Categorie, Groep, Item, Niveau, ProfielVersie, Schaaloptie
from competentieprofiel.taal import suggesties_in_taal

from .models import Antwoord, Leerdoel, Notitie, Scan, ScanGroep


@dataclass
class ItemRegel:
    item: Item
    optie: Schaaloptie | None
    ontwikkelen: bool


@dataclass
class AntwoordBlok:
    """Items that share one answer; `optie` None means "nog open"."""

    optie: Schaaloptie | None
    regels: list[ItemRegel]


@dataclass
class NotitieRegel:
    categorie: Categorie
    tekst: str


# A place in the report shows at most this many next steps, the most specific first; after
# them, at most this many of the group's general suggestions.
MAX_SUGGESTIES = 3
MAX_ALGEMEEN = 2


@dataclass
class VolgendeStap:
    """Next steps for one category of a group, offered because the person marked a wish
    there or chose an exploring answer ("hier ben ik mee bezig")."""

    categorie: Categorie
    aanleiding: list[ItemRegel]
    suggesties: list[dict]  # {"sleutel", "tekst"}, from the profile, in its own language
    # The statement or group each suggestion belongs to, which holds its translations.
    bronnen: list[Item | Groep] = field(default_factory=list, repr=False)

    @property
    def teksten(self) -> list:
        """The suggestions in the language of the page being rendered (a ProfielTekst
        each), so one report renders in either language."""
        return [
            suggesties_in_taal(bron, [s])[0]["tekst"]
            for bron, s in zip(self.bronnen, self.suggesties, strict=True)
        ]


@dataclass
class Blok:
    """One labelled list of next steps, questions or links under a group."""

    kop: str
    teksten: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)

    @property
    def lengte(self) -> int:
        return len(self.kop) + sum(len(t) for t in self.teksten) + 60 * len(self.links)


@dataclass
class GroepRapport:
    groep: Groep
    niveau: Niveau | None
    label_gekozen: bool
    regels: list[ItemRegel]
    blokken: list[AntwoordBlok]
    notities: list[NotitieRegel]
    volgende_stappen: list[VolgendeStap] = field(default_factory=list)

    @property
    def ontwikkelen(self) -> list[ItemRegel]:
        return [r for r in self.regels if r.ontwikkelen]

    @property
    def open(self) -> list[ItemRegel]:
        return [r for r in self.regels if r.optie is None]

    @property
    def beantwoord(self) -> int:
        return sum(1 for r in self.regels if r.optie is not None)

    @property
    def vervolg(self) -> list[Blok]:
        """What follows the answers, most specific first: the next steps per category, then
        the group's general suggestions, its own offer and questions for the gesprek."""
        # Every profile text comes as a ProfielTekst in the active language where translated,
        # so the templates can mark a Dutch fallback with lang.
        groep = self.groep
        blokken = [Blok(s.categorie.in_taal("titel"), s.teksten) for s in self.volgende_stappen]
        if groep.suggesties:
            algemeen = groep.in_taal("suggesties")
            # After steps of its own, the group's general ones are a short "and also".
            if blokken:
                blokken.append(Blok(_("En verder"), algemeen[:MAX_ALGEMEEN]))
            else:
                blokken.append(Blok(_("Om mee te beginnen"), list(algemeen)))
        if groep.verder_met:
            blokken.append(Blok(_("Verder met"), links=list(groep.in_taal("verder_met"))))
        if groep.gespreksvragen:
            blokken.append(
                Blok(_("Vragen om over te praten"), list(groep.in_taal("gespreksvragen")))
            )
        return blokken


@dataclass
class Gesprekskaart:
    """One page to take to the gesprek, made only of the person's own material."""

    leerdoelen: list[Leerdoel]
    # The wishes that did not become a leerdoel (one made from a wish is listed once, as
    # a leerdoel); `wensen_als_leerdoel` says some did.
    wensen: list[tuple[Groep, list[ItemRegel]]]
    gesprekspunten: str
    labels: list[tuple[Groep, Niveau | None]]
    wensen_als_leerdoel: bool = False


@dataclass
class Rapport:
    scan: Scan
    versie: ProfielVersie
    naam: str
    functie: str
    sector: str
    datum: datetime
    tussenstand: bool
    opties: list[Schaaloptie]
    heeft_niveaus: bool  # the profile version offers labels
    groepen: list[GroepRapport]
    leerdoelen: list[Leerdoel]
    gesprekspunten: str
    gebieden: list[Groep] = field(default_factory=list)
    gesprekskaart: Gesprekskaart | None = None

    @property
    def labels_gebruikt(self) -> bool:
        return self.scan.labels_aan and self.heeft_niveaus

    @property
    def antwoordvolgorde(self) -> list[Schaaloptie | None]:
        """The answers in the order the report shows them; None is "nog open"."""
        return [*volgorde_voor_rapport(self.opties), None]


def volgorde_voor_rapport(opties: list[Schaaloptie]) -> list[Schaaloptie]:
    """What one recognises most first, then what is outside one's role (`opties` in the
    scale's order); the report and the look back on the leerdoelen step show answers so."""
    binnen = [o for o in opties if not o.buiten_rol]
    buiten = [o for o in opties if o.buiten_rol]
    return [*reversed(binnen), *buiten]


def volgende_stappen(
    groep: Groep, regels: list[ItemRegel], categorieen: list[Categorie]
) -> list[VolgendeStap]:
    """Per category where the person marked a wish or chose an exploring answer, at most
    three suggestions: those of the statements themselves first, then the category's."""
    uit = []
    for categorie in categorieen:
        aanleiding = [
            r
            for r in regels
            if r.item.categorie_id == categorie.pk
            and (r.ontwikkelen or (r.optie is not None and r.optie.verkennend))
        ]
        if not aanleiding:
            continue
        gekozen, bronnen, gezien = [], [], set()
        for bron, suggestie in [
            *((r.item, s) for r in aanleiding for s in r.item.suggesties),
            *((groep, s) for s in groep.categorie_suggesties.get(categorie.sleutel, [])),
        ]:
            if suggestie["tekst"] not in gezien:
                gezien.add(suggestie["tekst"])
                gekozen.append(suggestie)
                bronnen.append(bron)
        if gekozen:
            uit.append(
                VolgendeStap(
                    categorie, aanleiding, gekozen[:MAX_SUGGESTIES], bronnen[:MAX_SUGGESTIES]
                )
            )
    return uit


def _gesprekskaart(
    scan: Scan, groepen: list[GroepRapport], leerdoelen: list[Leerdoel], labels: bool
) -> Gesprekskaart:
    uit_wens = {d.item_id for d in leerdoelen if d.item_id}
    wensen = [(g.groep, [r for r in g.ontwikkelen if r.item.pk not in uit_wens]) for g in groepen]
    return Gesprekskaart(
        leerdoelen=leerdoelen,
        wensen=[(groep, regels) for groep, regels in wensen if regels],
        wensen_als_leerdoel=any(r.item.pk in uit_wens for g in groepen for r in g.ontwikkelen),
        gesprekspunten=scan.gesprekspunten,
        labels=[(g.groep, g.niveau) for g in groepen if labels and not g.groep.is_basis],
    )


def bouw_rapport(scan: Scan, *, alleen_antwoorden: bool = False) -> Rapport:
    """Everything the report shows, in a fixed number of queries.

    `alleen_antwoorden` builds only what a comparison needs (groups and answers: no labels,
    notes or leerdoelen).
    """
    if alleen_antwoorden:
        [rapport] = _bouw([], [scan])
        return rapport
    [rapport] = _bouw([scan], [])
    return rapport


def bouw_rapporten(scan: Scan, eerder: Scan) -> tuple[Rapport, Rapport]:
    """The report of `scan` and the answers of `eerder` (for a comparison), read together:
    the same queries as one report, whatever the profile versions of the two scans."""
    rapport, vorig = _bouw([scan], [eerder])
    return rapport, vorig


def _bouw(volledig: list[Scan], alleen_antwoorden: list[Scan]) -> list[Rapport]:
    """Reports of several scans with one query per kind of row: groups of the scans,
    answers, and for the full reports notes and leerdoelen. Scale options, labels and
    statements come from memory (competentieprofiel.inhoud)."""
    scans = [*volledig, *alleen_antwoorden]
    # Scale options and statements from the versions' content in memory; a version not
    # read with its scan is read here, all in one query.
    versies = {s.versie_id: s.versie for s in scans if Scan.versie.is_cached(s)}
    ontbrekend = {s.versie_id for s in scans} - versies.keys()
    if ontbrekend:
        versies.update({v.pk: v for v in ProfielVersie.objects.filter(pk__in=ontbrekend)})
        for s in scans:
            s.versie = versies[s.versie_id]
    inhoud = {pk: versie_inhoud(v) for pk, v in versies.items()}
    opties_per_versie = {pk: list(i.opties) for pk, i in inhoud.items()}
    scangroepen_per_scan: dict = {s.pk: [] for s in scans}
    for sg in (
        ScanGroep.objects.filter(scan_id__in=[s.pk for s in scans])
        .select_related("groep", "niveau")
        .order_by("groep__volgorde")
    ):
        scangroepen_per_scan[sg.scan_id].append(sg)
    items_per_groep: dict = {
        sg.groep_id: list(inhoud[sg.groep.versie_id].per_groep.get(sg.groep_id, ()))
        for sgs in scangroepen_per_scan.values()
        for sg in sgs
    }
    antwoorden_per_scan: dict = {s.pk: {} for s in scans}
    for a in Antwoord.objects.filter(scan_id__in=[s.pk for s in scans]):
        antwoorden_per_scan[a.scan_id][a.item_id] = a
    volledig_ids = [s.pk for s in volledig]
    notities_per_scan: dict = {pk: {} for pk in volledig_ids}
    leerdoelen_per_scan: dict = {pk: [] for pk in volledig_ids}
    if volledig_ids:
        for n in Notitie.objects.filter(scan_id__in=volledig_ids):
            if n.tekst.strip():
                notities_per_scan[n.scan_id][(n.groep_id, n.categorie_id)] = n.tekst
        for leerdoel in Leerdoel.objects.filter(scan_id__in=volledig_ids):
            leerdoelen_per_scan[leerdoel.scan_id].append(leerdoel)
    return [
        _maak_rapport(
            scan,
            opties=opties_per_versie[scan.versie_id],
            scangroepen=scangroepen_per_scan[scan.pk],
            items_per_groep=items_per_groep,
            antwoorden=antwoorden_per_scan[scan.pk],
            notities=notities_per_scan.get(scan.pk, {}),
            leerdoelen=leerdoelen_per_scan.get(scan.pk, []),
            volledig=scan.pk in notities_per_scan,
        )
        for scan in scans
    ]


def _maak_rapport(
    scan: Scan,
    *,
    opties: list[Schaaloptie],
    scangroepen: list[ScanGroep],
    items_per_groep: dict,
    antwoorden: dict,
    notities: dict[tuple[int, int], str],
    leerdoelen: list[Leerdoel],
    volledig: bool,
) -> Rapport:
    versie = scan.versie
    groep_ids = [sg.groep_id for sg in scangroepen]
    items = sorted((i for gid in groep_ids for i in items_per_groep[gid]), key=lambda i: i.volgorde)
    opties_per_id = {o.pk: o for o in opties}

    regels_per_groep: dict[int, list[ItemRegel]] = {gid: [] for gid in groep_ids}
    categorieen_per_groep: dict[int, list[Categorie]] = {gid: [] for gid in groep_ids}
    for item in items:
        antwoord = antwoorden.get(item.pk)
        regels_per_groep[item.groep_id].append(
            ItemRegel(
                item=item,
                optie=opties_per_id.get(antwoord.optie_id) if antwoord else None,
                ontwikkelen=bool(antwoord and antwoord.ontwikkelen),
            )
        )
        if item.categorie not in categorieen_per_groep[item.groep_id]:
            categorieen_per_groep[item.groep_id].append(item.categorie)

    groepen = []
    for sg in scangroepen:
        regels = regels_per_groep[sg.groep_id]
        blokken = [
            AntwoordBlok(optie, [r for r in regels if r.optie == optie])
            for optie in [*volgorde_voor_rapport(opties), None]
        ]
        groepen.append(
            GroepRapport(
                groep=sg.groep,
                niveau=sg.niveau,
                label_gekozen=sg.label_gekozen,
                regels=regels,
                blokken=[b for b in blokken if b.regels],
                notities=[
                    NotitieRegel(c, notities[(sg.groep_id, c.pk)])
                    for c in categorieen_per_groep[sg.groep_id]
                    if (sg.groep_id, c.pk) in notities
                ],
                volgende_stappen=volgende_stappen(
                    sg.groep, regels, categorieen_per_groep[sg.groep_id]
                ),
            )
        )

    heeft_niveaus = volledig and versie_inhoud(versie).heeft_niveaus
    return Rapport(
        scan=scan,
        versie=versie,
        naam=scan.eigenaar.first_name,
        functie=scan.functie,
        sector=scan.get_sector_display() if scan.sector else "",
        datum=timezone.localtime(scan.afgerond_op or scan.bijgewerkt_op),
        tussenstand=not scan.is_afgerond,
        opties=opties,
        heeft_niveaus=heeft_niveaus,
        groepen=groepen,
        leerdoelen=leerdoelen,
        gesprekspunten=scan.gesprekspunten,
        gebieden=[sg.groep for sg in scangroepen if not sg.groep.is_basis],
        gesprekskaart=_gesprekskaart(
            scan, groepen, leerdoelen, labels=scan.labels_aan and heeft_niveaus
        ),
    )
