"""A demo account with one finished scan over basis and every gebied. For demos, screenshots
and benchmarks only; `make run` creates it, nothing else does."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from competentieprofiel.models import Groep, ProfielVersie

from . import services
from .models import Scan
from .stappen import ITEMS, LABEL, stappenplan

DEMO_EMAIL = "demo@zelfscan.local"
DEMO_WACHTWOORD = "demo-zelfscan-2026"

NOTITIES = [
    "Vorige maand heb ik met het team Verpleegkunde een les herontworpen; daar zag ik "
    "hoe ‘kennis delen’ écht werkt. Docenten & ondersteuners leerden van elkaar.",
    "Ik merk dat ik vaak de brug sla tussen ICT en onderwijs <maar> niet altijd tussen "
    "beleid en praktijk.",
    "Hier wil ik meer over weten: hoe pak ik een behoefteanalyse aan?",
]


@transaction.atomic
def maak_demo(versie: ProfielVersie) -> tuple[object, Scan, bool]:
    """Create (once) the demo account and its finished scan; returns (user, scan, created)."""
    gebruikers = get_user_model().objects
    gebruiker = gebruikers.filter(username=DEMO_EMAIL).first()
    if gebruiker and gebruiker.scans.filter(versie=versie).exists():
        return gebruiker, gebruiker.scans.filter(versie=versie).first(), False
    if gebruiker is None:
        gebruiker = gebruikers.create_user(
            username=DEMO_EMAIL,
            email=DEMO_EMAIL,
            password=DEMO_WACHTWOORD,
            first_name="Noor de Vries",
        )
    scan = services.start_scan(
        eigenaar=gebruiker,
        versie=versie,
        gebieden=list(versie.groepen.filter(soort=Groep.Soort.GEBIED)),
        labels_aan=versie.niveaus.exists(),
        functie="ICTO-coach",
        sector="hbo",
    )
    opties = list(versie.schaalopties.all())
    niveaus = list(versie.niveaus.all())
    plan = stappenplan(scan)
    eerste_wens = None  # the statement the third leerdoel starts from, as its button does
    for nummer, stap in enumerate(plan):
        if stap.soort == ITEMS:
            keuzes = []
            for j, item_id in enumerate(stap.item_ids):
                if eerste_wens is None and (j + nummer) % 4 == 0:
                    eerste_wens = item_id
                # A varied, human-looking spread; every fifth item left open.
                optie = None if (j + nummer) % 5 == 4 else opties[(j + 2 * nummer) % len(opties)]
                keuzes.append(
                    services.ItemKeuze(
                        item_id=item_id,
                        optie_id=optie.pk if optie else None,
                        ontwikkelen=(j + nummer) % 4 == 0,
                    )
                )
            services.bewaar_itemstap(
                scan=scan,
                stap=stap,
                keuzes=keuzes,
                notitie=NOTITIES[nummer % len(NOTITIES)] if nummer % 2 == 0 else "",
                volgende=stap.sleutel,
            )
        elif stap.soort == LABEL and niveaus:
            services.bewaar_label(
                scan=scan, stap=stap, niveau=niveaus[nummer % len(niveaus)], volgende=stap.sleutel
            )
    services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[
            {
                "wat": "Een behoefteanalyse leren opzetten met een opleidingsteam.",
                "waarom": "Ik wil adviezen geven die écht aansluiten bij wat docenten nodig hebben.",
                "eerste_stap": "Met mijn collega-adviseur meekijken bij de analyse voor Pabo-jaar 2.",
                "hulp": "Collega’s van het onderwijskundig team; de Npuls-kennisbank.",
                "wanneer": "Voor de zomervakantie",
            },
            {
                "wat": "Vaker de verbinding leggen tussen beleid en de praktijk in de teams.",
                "waarom": "Veranderingen landen nu niet altijd; ik zie waar het schuurt.",
                "eerste_stap": "Aansluiten bij het overleg van de onderwijsdirecteuren & teamleiders.",
                "hulp": "Mijn leidinggevende",
                "wanneer": "Dit studiejaar",
            },
            {
                # Made from a wish (its button fills in the statement), then put in the
                # person's own words, with a first step.
                "wat": "Bijblijven met wat er in leertechnologie verandert, en dat delen.",
                "eerste_stap": "Een middag meekijken bij de pilot met AI-feedback.",
                "item_id": eerste_wens,
            },
        ],
        gesprekspunten=(
            "Ruimte om me te verdiepen in behoefteanalyse.\n"
            "Hoe zie jij mijn rol als bruggenbouwer in ons netwerk?"
        ),
        volgende=plan.stappen[-1].sleutel,
    )
    services.rond_af(scan=scan)
    return gebruiker, scan, True


@transaction.atomic
def maak_typische_scan(eigenaar, versie: ProfielVersie, gebied: str) -> Scan:
    """A finished scan as a typical person leaves it: basis plus one gebied, every statement
    answered, about one wish in four, one note, three leerdoelen and gesprekspunten. For the
    PDF page benchmark and the tests of how the report flows."""
    scan = services.start_scan(
        eigenaar=eigenaar,
        versie=versie,
        gebieden=[versie.groepen.get(sleutel=gebied)],
        labels_aan=versie.niveaus.exists(),
        functie="i-coach",
        sector="mbo",
    )
    opties = list(versie.schaalopties.all())
    plan = stappenplan(scan)
    for nummer, stap in enumerate(plan):
        if stap.soort == ITEMS:
            services.bewaar_itemstap(
                scan=scan,
                stap=stap,
                keuzes=[
                    services.ItemKeuze(
                        item_id=item_id,
                        optie_id=opties[(j + 2 * nummer) % len(opties)].pk,
                        ontwikkelen=(j + nummer) % 4 == 0,
                    )
                    for j, item_id in enumerate(stap.item_ids)
                ],
                notitie="Bij het team Zorg zag ik vorige maand hoe docenten elkaar hielpen."
                if nummer == 1
                else "",
                volgende=stap.sleutel,
            )
        elif stap.soort == LABEL:
            services.bewaar_label(
                scan=scan, stap=stap, niveau=versie.niveaus.first(), volgende=stap.sleutel
            )
    services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[
            {
                "wat": "Oplossingsgericht coachen in mijn gesprekken met docenten.",
                "waarom": "Docenten komen nu vaak met een vraag en gaan weg met mijn antwoord.",
                "eerste_stap": "Bij drie gesprekken eerst drie open vragen stellen.",
                "hulp": "Een collega-coach die meekijkt.",
                "wanneer": "Voor de kerstvakantie",
            },
            {
                "wat": "Een leernetwerk van docenten rond digitale toetsing opzetten.",
                "eerste_stap": "Twee docenten vragen die er al mee bezig zijn.",
                "wanneer": "Dit studiejaar",
            },
            {
                "wat": "Vaker feedback vragen op mijn eigen begeleiding.",
                "eerste_stap": "Na elk coachgesprek één vraag stellen over wat hielp.",
            },
        ],
        gesprekspunten="Tijd voor een training coachen.\nHoe kijk jij naar mijn rol in het team?",
        volgende=plan.stappen[-1].sleutel,
    )
    services.rond_af(scan=scan)
    return scan
