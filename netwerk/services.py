"""Every write of a netwerk: keyword-only functions, atomic where they touch several rows.
Views call these; forms only validate.

Leaving (and deleting one's account, which leaves every netwerk) deletes the member's
statements at once. The anonymous counts of the dagstand follow at its next refresh
(`dagstand.py`), so that nobody can read one person's change off the map as it happens.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from competentieprofiel.models import Groep, ProfielVersie

from .models import Bijdrage, Lidmaatschap, Netwerk, nieuwe_uitnodiging
from .selectors import is_beheerder


class NetwerkFout(Exception):
    """A request that does not fit the netwerk; the message is Dutch and safe to show."""


@dataclass(frozen=True)
class Uitspraak:
    """What a member states about one gebied; all off means: nothing about this gebied."""

    groep_id: int
    zet_in: bool = False
    zet_in_met_naam: bool = True
    groeien: bool = False
    groeien_met_naam: bool = False
    benader: bool = False

    @property
    def iets(self) -> bool:
        return self.zet_in or self.groeien or self.benader

    @property
    def met_naam(self) -> bool:
        return (
            (self.zet_in and self.zet_in_met_naam)
            or (self.groeien and self.groeien_met_naam)
            or self.benader
        )


@transaction.atomic
def maak_netwerk(*, maker, naam: str, beschrijving: str, versie: ProfielVersie) -> Netwerk:
    """A new netwerk on one profile version, with its maker as its first member."""
    netwerk = Netwerk.objects.create(
        naam=naam.strip(), beschrijving=beschrijving.strip(), versie=versie
    )
    Lidmaatschap.objects.create(netwerk=netwerk, lid=maker, naam=maker.first_name.strip())
    return netwerk


def doe_mee(*, netwerk: Netwerk, gebruiker) -> Lidmaatschap:
    """Join a netwerk (after reading what is shared). Joining twice changes nothing."""
    lidmaatschap, _nieuw = Lidmaatschap.objects.get_or_create(
        netwerk=netwerk, lid=gebruiker, defaults={"naam": gebruiker.first_name.strip()}
    )
    return lidmaatschap


def _moet_beheren(lidmaatschap: Lidmaatschap) -> None:
    if not is_beheerder(lidmaatschap):
        raise NetwerkFout(_("Alleen wie dit netwerk beheert, kan dat doen."))


def vernieuw_uitnodiging(*, lidmaatschap: Lidmaatschap) -> str:
    """A new invitation link; the old one stops working at once."""
    _moet_beheren(lidmaatschap)
    token = nieuwe_uitnodiging()
    Netwerk.objects.filter(pk=lidmaatschap.netwerk_id).update(uitnodiging=token)
    lidmaatschap.netwerk.uitnodiging = token
    return token


@transaction.atomic
def sluit(*, lidmaatschap: Lidmaatschap) -> None:
    """Close a netwerk: it is deleted with every membership, statement and count."""
    _moet_beheren(lidmaatschap)
    Netwerk.objects.filter(pk=lidmaatschap.netwerk_id).delete()


@transaction.atomic
def verlaat(*, lidmaatschap: Lidmaatschap) -> None:
    """Leave a netwerk: the membership and every statement go at once.

    The member who joined next manages the netwerk from now on; a netwerk nobody is left
    in is deleted, name and description included.
    """
    netwerk_id = lidmaatschap.netwerk_id
    # Lock the netwerk row, so two last members leaving at once cannot both leave it behind.
    list(Netwerk.objects.select_for_update().filter(pk=netwerk_id).values_list("pk"))
    Lidmaatschap.objects.filter(pk=lidmaatschap.pk).delete()
    if not Lidmaatschap.objects.filter(netwerk_id=netwerk_id).exists():
        Netwerk.objects.filter(pk=netwerk_id).delete()


def verlaat_alle(*, gebruiker) -> None:
    """Leave every netwerk (for deleting an account): as `verlaat`, one by one."""
    for lidmaatschap in Lidmaatschap.objects.filter(lid=gebruiker):
        verlaat(lidmaatschap=lidmaatschap)


@transaction.atomic
def bewaar_bijdrage(
    *, lidmaatschap: Lidmaatschap, naam: str, functie: str, uitspraken: list[Uitspraak]
) -> None:
    """Store what a member shares, per gebied, replacing what they shared before.

    Gebieden not in `uitspraken` keep what they had; a gebied with every statement off
    loses its row. Anything shared with a name needs a name.
    """
    naam, functie = naam.strip(), functie.strip()
    # Lock the membership: if it was left (or the netwerk closed) a moment ago, in another
    # tab, nothing is saved; and leaving waits until this save is done.
    if not list(
        Lidmaatschap.objects.select_for_update().filter(pk=lidmaatschap.pk).values_list("pk")
    ):
        raise NetwerkFout(_("Je bent geen lid meer van dit netwerk; er is niets bewaard."))
    gebieden = set(
        Groep.objects.filter(
            versie_id=lidmaatschap.netwerk.versie_id, soort=Groep.Soort.GEBIED
        ).values_list("pk", flat=True)
    )
    if any(u.groep_id not in gebieden for u in uitspraken):
        raise NetwerkFout(_("Kies alleen competentiegebieden uit het profiel van dit netwerk."))
    if not naam and any(u.met_naam for u in uitspraken):
        raise NetwerkFout(_("Vul de naam in waarmee je in dit netwerk zichtbaar wilt zijn."))
    Lidmaatschap.objects.filter(pk=lidmaatschap.pk).update(naam=naam, functie=functie)
    lidmaatschap.naam, lidmaatschap.functie = naam, functie
    Bijdrage.objects.filter(
        lidmaatschap=lidmaatschap, groep_id__in=[u.groep_id for u in uitspraken if not u.iets]
    ).delete()
    Bijdrage.objects.bulk_create(
        [
            Bijdrage(
                lidmaatschap=lidmaatschap,
                groep_id=u.groep_id,
                zet_in=u.zet_in,
                zet_in_met_naam=u.zet_in_met_naam,
                groeien=u.groeien,
                groeien_met_naam=u.groeien_met_naam,
                benader=u.benader,
            )
            for u in uitspraken
            if u.iets
        ],
        update_conflicts=True,
        unique_fields=["lidmaatschap", "groep"],
        update_fields=[
            "zet_in",
            "zet_in_met_naam",
            "groeien",
            "groeien_met_naam",
            "benader",
            "bijgewerkt_op",
        ],
    )
