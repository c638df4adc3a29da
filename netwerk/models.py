"""A netwerk of docentondersteuners who map together how they cover a profile.

Nothing here points at a scan: what a member shares is a separate, deliberate statement
per competentiegebied (a `Bijdrage`), never a copy of their answers. None of these models
is in the admin, and their `__str__` names no one and nothing anyone wrote, because the
admin's account deletion page lists related rows by their `__str__`.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentieprofiel.models import Groep, ProfielVersie

NAAM_MAX = 120
BESCHRIJVING_MAX = 1000
LIDNAAM_MAX = 100
FUNCTIE_MAX = 200


def nieuwe_uitnodiging() -> str:
    """An unguessable invitation token: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


class Netwerk(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    naam = models.CharField(_("naam"), max_length=NAAM_MAX)
    beschrijving = models.TextField(_("beschrijving"), max_length=BESCHRIJVING_MAX, blank=True)
    versie = models.ForeignKey(ProfielVersie, on_delete=models.PROTECT, related_name="+")
    uitnodiging = models.CharField(max_length=64, unique=True, default=nieuwe_uitnodiging)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"netwerk {self.pk}"


class Lidmaatschap(models.Model):
    """One person in one netwerk. The member who joined first manages the invitation.

    `naam` and `functie` are what this person shows next to a statement they share with
    their name, in this netwerk only; they are not taken from the account or a scan.
    """

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="leden")
    lid = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    naam = models.CharField(_("je naam in dit netwerk"), max_length=LIDNAAM_MAX, blank=True)
    functie = models.CharField(_("je functie"), max_length=FUNCTIE_MAX, blank=True)
    lid_sinds = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lid_sinds", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["netwerk", "lid"], name="uniek_lidmaatschap"),
        ]

    def __str__(self):
        return f"lidmaatschap {self.pk}"


class Bijdrage(models.Model):
    """What one member states about one competentiegebied, each statement on its own.

    "Zet in" and "wil groeien" each show with the member's name or only count
    anonymously, as they choose; "benader me" only makes sense with a name.
    A row exists only while at least one statement is on.
    """

    lidmaatschap = models.ForeignKey(
        Lidmaatschap, on_delete=models.CASCADE, related_name="bijdragen"
    )
    groep = models.ForeignKey(Groep, on_delete=models.PROTECT, related_name="+")
    zet_in = models.BooleanField(default=False)
    zet_in_met_naam = models.BooleanField(default=True)
    groeien = models.BooleanField(default=False)
    groeien_met_naam = models.BooleanField(default=False)
    benader = models.BooleanField(default=False)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lidmaatschap", "groep"], name="uniek_bijdrage"),
        ]

    def __str__(self):
        return f"bijdrage {self.pk}"


class Dagstand(models.Model):
    """The anonymous counts of a netwerk as they were at one moment, at most once a day.

    `tellingen` maps a groep's id (as text) to {"zet_in": n, "groeien": n}: every member's
    statements, with and without name. `bijdragers` is how many members had shared
    anything then; counts are shown only when that reaches ZELFSCAN_NETWERK_MINIMUM.
    """

    netwerk = models.OneToOneField(Netwerk, on_delete=models.CASCADE, related_name="dagstand")
    gemaakt_op = models.DateTimeField()
    bijdragers = models.PositiveIntegerField()
    tellingen = models.JSONField(default=dict)

    def __str__(self):
        return f"dagstand {self.pk}"
