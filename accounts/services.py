"""Every write of one's own account: registering, correcting one's name, deleting the
account with everything in it. Keyword-only functions; views call these."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from scans.services import verwijder_scans_van


def registreer(*, email: str, wachtwoord: str, naam: str = ""):
    """Create an account: the e-mail address is the login name."""
    email = email.strip().lower()
    return get_user_model().objects.create_user(
        username=email, email=email, password=wachtwoord, first_name=naam.strip()
    )


def wijzig_naam(*, gebruiker, naam: str) -> None:
    """Correct the name on the account (it heads the person's own reports)."""
    naam = naam.strip()
    get_user_model().objects.filter(pk=gebruiker.pk).update(first_name=naam)
    gebruiker.first_name = naam


@transaction.atomic
def verwijder_account(*, gebruiker) -> None:
    """Delete an account with everything in it: scans, answers, notes, leerdoelen, its
    failed-login records and its sessions. Nothing of it stays in the database."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    gebruikersnaam = gebruiker.get_username()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=gebruikersnaam).delete()
    eigen_sessies = [
        s.pk
        for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if s.get_decoded().get("_auth_user_id") == str(gebruiker.pk)
    ]
    Session.objects.filter(pk__in=eigen_sessies).delete()
    verwijder_scans_van(eigenaar=gebruiker)
    gebruiker.delete()
