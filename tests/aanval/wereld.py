"""The world the attack suite tries to break into: one owner with two scans full of
unmistakable marker strings, so a leak of any of them is easy to see in a response, and a
netwerk the owner made, whose name and the owner's named statements carry markers too."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.sessions.models import Session

from accounts import services as accounts_services
from accounts.models import InstellingsIdentiteit
from competentieprofiel.middleware import SessieVerversenMiddleware
from competentieprofiel.models import Item, ProfielVersie, Schaaloptie
from netwerk import services as netwerk_services
from netwerk.models import Bijdrage, Lidmaatschap, Netwerk
from scans import services
from scans.models import Antwoord, Leerdoel, LeerdoelOpvolging, Notitie, Scan, ScanGroep
from scans.stappen import ITEMS, LABEL, stappenplan

WACHTWOORD = "Een-lang-wachtwoord-42"

# Written into the owner's data below; none of them occurs anywhere else in the project.
MERK_NOTITIE = "MERKnotitieQ7X2"
MERK_WAT = "MERKwatQ7X2"
MERK_WAAROM = "MERKwaaromQ7X2"
MERK_EERSTE_STAP = "MERKeerstestapQ7X2"
MERK_HULP = "MERKhulpQ7X2"
MERK_WANNEER = "MERKwanneerQ7X2"
MERK_GESPREKSPUNTEN = "MERKgesprekQ7X2"
MERK_FUNCTIE = "MERKfunctieQ7X2"
MERK_OPVOLGING = "MERKopvolgingQ7X2"
EMAIL = "merk.eigenaar.q7x2@example.nl"
NAAM = "MERKnaamQ7X2"
# The owner's pseudonym at their institution: nobody ever sees it, the owner neither.
MERK_SUB = "MERKsubQ7X2"
MERK_NETWERK = "MERKnetwerkQ7X2"
MERK_NETWERK_BESCHRIJVING = "MERKbeschrijvingQ7X2"
MERK_LIDNAAM = "MERKlidnaamQ7X2"
MERK_LIDFUNCTIE = "MERKlidfunctieQ7X2"

# What the person wrote: only the owner may ever see these.
REFLECTIE = [
    MERK_NOTITIE,
    MERK_WAT,
    MERK_WAAROM,
    MERK_EERSTE_STAP,
    MERK_HULP,
    MERK_WANNEER,
    MERK_GESPREKSPUNTEN,
    MERK_FUNCTIE,
    MERK_OPVOLGING,
]
# Who the person is: account data.
ACCOUNT = [EMAIL, NAAM]
# What the owner's netwerk shows its members: only they may see these.
NETWERK = [MERK_NETWERK, MERK_NETWERK_BESCHRIJVING, MERK_LIDNAAM, MERK_LIDFUNCTIE]
ALLE_MERKEN = REFLECTIE + ACCOUNT + NETWERK
NOOIT = [MERK_SUB]


@dataclass
class Wereld:
    eigenaar: object
    scans: list[Scan]  # [eerste (afgerond), vervolg (bezig, met opvolging)]
    versie: ProfielVersie
    netwerk: Netwerk  # made by the owner, who shares named and anonymous statements
    oude_uitnodiging: str  # the netwerk's invitation before it was renewed

    @property
    def scan_ids(self) -> list[str]:
        return [str(s.pk) for s in self.scans]


def vul_scan(scan: Scan, *, notitie: str) -> None:
    """Answer every item step, with a note on each, and choose a label for every gebied."""
    opties = list(scan.versie.schaalopties.all())
    niveaus = list(scan.versie.niveaus.all())
    for nummer, stap in enumerate(stappenplan(scan)):
        if stap.soort == ITEMS:
            services.bewaar_itemstap(
                scan=scan,
                stap=stap,
                keuzes=[
                    services.ItemKeuze(
                        item_id=item_id,
                        optie_id=opties[(i + nummer) % len(opties)].pk,
                        ontwikkelen=i % 3 == 0,
                    )
                    for i, item_id in enumerate(stap.item_ids)
                ],
                notitie=f"{notitie} {stap.sleutel}",
                volgende=stap.sleutel,
            )
        elif stap.soort == LABEL and niveaus:
            services.bewaar_label(scan=scan, stap=stap, niveau=niveaus[0], volgende=stap.sleutel)


def maak_wereld(versie: ProfielVersie) -> Wereld:
    eigenaar = accounts_services.registreer(email=EMAIL, wachtwoord=WACHTWOORD, naam=NAAM)
    # Linked to the institution's login as well.
    InstellingsIdentiteit.objects.create(
        gebruiker=eigenaar, issuer="https://connect.instelling.example", sub=MERK_SUB
    )
    coach = versie.groepen.get(sleutel="coach")
    eerste = services.start_scan(
        eigenaar=eigenaar,
        versie=versie,
        gebieden=[coach],
        labels_aan=True,
        functie=MERK_FUNCTIE,
        sector="hbo",
    )
    vul_scan(eerste, notitie=MERK_NOTITIE)
    services.bewaar_leerdoelen(
        scan=eerste,
        leerdoelen=[
            {
                "wat": MERK_WAT,
                "waarom": MERK_WAAROM,
                "eerste_stap": MERK_EERSTE_STAP,
                "hulp": MERK_HULP,
                "wanneer": MERK_WANNEER,
            }
        ],
        gesprekspunten=MERK_GESPREKSPUNTEN,
        volgende="leerdoelen",
    )
    services.rond_af(scan=eerste)

    vervolg = services.start_scan(
        eigenaar=eigenaar,
        versie=versie,
        gebieden=[coach],
        labels_aan=True,
        functie=MERK_FUNCTIE,
        vorige=eerste,
    )
    vul_scan(vervolg, notitie=MERK_NOTITIE)
    services.bewaar_opvolging(
        scan=vervolg,
        opvolgingen=[services.Opvolging(1, "bezig", MERK_OPVOLGING)],
        volgende="opvolging",
    )
    services.bewaar_leerdoelen(
        scan=vervolg,
        leerdoelen=[{"wat": MERK_WAT, "waarom": MERK_WAAROM}],
        gesprekspunten=MERK_GESPREKSPUNTEN,
        volgende="leerdoelen",
    )
    eerste.refresh_from_db()
    vervolg.refresh_from_db()
    netwerk, oude_uitnodiging = maak_netwerk(eigenaar, versie)
    return Wereld(
        eigenaar=eigenaar,
        scans=[eerste, vervolg],
        versie=versie,
        netwerk=netwerk,
        oude_uitnodiging=oude_uitnodiging,
    )


def maak_netwerk(eigenaar, versie: ProfielVersie) -> tuple[Netwerk, str]:
    """The owner's netwerk: named and anonymous statements, an invitation renewed once."""
    netwerk = netwerk_services.maak_netwerk(
        maker=eigenaar, naam=MERK_NETWERK, beschrijving=MERK_NETWERK_BESCHRIJVING, versie=versie
    )
    lidmaatschap = netwerk.leden.get()
    gebieden = {g.sleutel: g.pk for g in versie.groepen.filter(soort="gebied")}
    netwerk_services.bewaar_bijdrage(
        lidmaatschap=lidmaatschap,
        naam=MERK_LIDNAAM,
        functie=MERK_LIDFUNCTIE,
        uitspraken=[
            netwerk_services.Uitspraak(groep_id=gebieden["coach"], zet_in=True, benader=True),
            netwerk_services.Uitspraak(groep_id=gebieden["innovator"], groeien=True),
        ],
    )
    oud = netwerk.uitnodiging
    netwerk_services.vernieuw_uitnodiging(lidmaatschap=lidmaatschap)
    netwerk.refresh_from_db()
    return netwerk, oud


def momentopname() -> dict[str, list[tuple]]:
    """Every row of every table, to show that a request changed nothing.

    Sessions are compared by their content only, without the time of the last refresh:
    activity moves the expiry date of a session forward (SessieVerversenMiddleware), which
    is not a change to anyone's data.
    """
    uit = {}
    for model in apps.get_models():
        if model is Session:
            uit[model._meta.label] = sorted(
                (
                    s.session_key,
                    tuple(
                        sorted(
                            (k, v)
                            for k, v in s.get_decoded().items()
                            if k != SessieVerversenMiddleware.SLEUTEL
                        )
                    ),
                )
                for s in Session.objects.all()
            )
        else:
            uit[model._meta.label] = sorted(
                tuple(map(str, rij)) for rij in model.objects.values_list()
            )
    return uit


def aanvalsdata() -> dict:
    """A POST that would change the owner's scan if any view let it through."""
    data = {
        "actie": "volgende",
        "notitie": "AANVALLER",
        "gesprekspunten": "AANVALLER",
        "functie": "AANVALLER",
        "niveau": "",
        "zeker": "on",
        "leerdoel-TOTAL_FORMS": "3",
        "leerdoel-INITIAL_FORMS": "0",
        "leerdoel-0-wat": "AANVALLER",
        "opvolging-TOTAL_FORMS": "1",
        "opvolging-INITIAL_FORMS": "0",
        "opvolging-0-status": "losgelaten",
        "opvolging-0-notitie": "AANVALLER",
    }
    optie = Schaaloptie.objects.values_list("sleutel", flat=True).first()
    for item_id in Item.objects.values_list("pk", flat=True):
        data[f"item_{item_id}"] = optie
        data[f"ontwikkelen_{item_id}"] = "on"
    return data


def gegevens_van_eigenaar(wereld) -> dict:
    """Every stored row of the owner, to prove that nothing an attacker posted changed it."""
    eigen = {"scan__eigenaar": wereld.eigenaar}
    gebruiker = type(wereld.eigenaar).objects.filter(pk=wereld.eigenaar.pk)
    return {
        "gebruiker": list(gebruiker.values("email", "first_name", "password", "is_active")),
        "scans": list(Scan.objects.filter(eigenaar=wereld.eigenaar).order_by("pk").values()),
        "instelling": list(
            InstellingsIdentiteit.objects.filter(gebruiker=wereld.eigenaar).order_by("pk").values()
        ),
        **{
            m.__name__: list(m.objects.filter(**eigen).order_by("pk").values())
            for m in (Antwoord, Notitie, Leerdoel, LeerdoelOpvolging, ScanGroep)
        },
        "netwerk": list(Netwerk.objects.filter(pk=wereld.netwerk.pk).values()),
        "lidmaatschap": list(Lidmaatschap.objects.filter(lid=wereld.eigenaar).values()),
        "bijdragen": list(
            Bijdrage.objects.filter(lidmaatschap__lid=wereld.eigenaar)
            .order_by("pk")
            .values(
                "groep_id", "zet_in", "zet_in_met_naam", "groeien", "groeien_met_naam", "benader"
            )
        ),
    }
