"""Every write of one's own account: registering, logging in through one's institution,
linking and unlinking it, correcting one's name, deleting the account with everything in it.
Keyword-only functions; views call these."""

from __future__ import annotations

import uuid

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerk.services import verlaat_alle
from scans.services import verwijder_scans_van

from .models import InstellingsIdentiteit


class AccountFout(Exception):
    """A request that does not fit the account; the message is Dutch and safe to show."""


class InstellingAlInGebruik(AccountFout):
    """Linking found the institution's identity already with another account here."""


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


def hef_inlogblokkade_op(*, gebruiker) -> None:
    """After a successful password reset: the person proved they own the mailbox, so the
    login lockout for this account (django-axes, from every address) ends now, as the
    lockout page promises. The limit per address over all accounts stays."""
    from axes.utils import reset

    reset(username=gebruiker.get_username())


@transaction.atomic
def verwijder_account(*, gebruiker) -> None:
    """Delete an account with everything in it: scans, answers, notes, leerdoelen, its
    netwerk memberships and statements (leaving each netwerk as one would by hand), its
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
    verlaat_alle(gebruiker=gebruiker)
    gebruiker.delete()


def account_via_instelling(*, issuer: str, sub: str, email: str = "") -> tuple[object, bool]:
    """The account of the person the provider calls `sub`, made at their first login;
    returns (account, new?). Found by (issuer, sub) only, never by e-mail address: the
    address is kept for display (of accounts without a password) and nothing else."""
    identiteit = (
        InstellingsIdentiteit.objects.select_related("gebruiker").filter(issuer=issuer, sub=sub)
    ).first()
    if identiteit is not None:
        gebruiker = identiteit.gebruiker
        if email and email != gebruiker.email and not gebruiker.has_usable_password():
            get_user_model().objects.filter(pk=gebruiker.pk).update(email=email)
            gebruiker.email = email
        return gebruiker, False
    try:
        with transaction.atomic():
            gebruiker = get_user_model().objects.create_user(
                username=f"instelling-{uuid.uuid4().hex}", email=email, password=None
            )
            InstellingsIdentiteit.objects.create(gebruiker=gebruiker, issuer=issuer, sub=sub)
    except IntegrityError:
        # The same person's first login in another tab won; theirs is the account.
        identiteit = InstellingsIdentiteit.objects.select_related("gebruiker").get(
            issuer=issuer, sub=sub
        )
        return identiteit.gebruiker, False
    return gebruiker, True


@transaction.atomic
def koppel_instelling(*, gebruiker, issuer: str, sub: str) -> None:
    """Let an existing account log in through the institution too (asked for explicitly,
    while logged in with its password). An identity that already has an account here is
    never moved: that would hand one person's scans to another login."""
    bestaand = InstellingsIdentiteit.objects.filter(issuer=issuer, sub=sub).first()
    if bestaand is not None:
        if bestaand.gebruiker_id == gebruiker.pk:
            return
        raise InstellingAlInGebruik(
            _(
                "Met dit instellingsaccount is al eerder ingelogd; het hoort bij een ander "
                "account in de zelfscan. Koppelen kan alleen met een instellingsaccount dat "
                "hier nog geen eigen account heeft."
            )
        )
    if InstellingsIdentiteit.objects.filter(gebruiker=gebruiker, issuer=issuer).exists():
        raise AccountFout(
            _("Je account is al gekoppeld aan een ander instellingsaccount. Ontkoppel dat eerst.")
        )
    try:
        with transaction.atomic():
            InstellingsIdentiteit.objects.create(gebruiker=gebruiker, issuer=issuer, sub=sub)
    except IntegrityError as fout:  # a login with this identity a moment ago made its account
        raise InstellingAlInGebruik(
            _("Dit instellingsaccount is net ergens anders gebruikt.")
        ) from fout


def ontkoppel_instelling(*, gebruiker) -> None:
    """Stop logging in through the institution; only for an account with a password,
    or it could not be entered any more."""
    if not gebruiker.has_usable_password():
        raise AccountFout(
            _(
                "Je account heeft geen wachtwoord; zonder je instelling kom je er niet meer "
                "in. Daarom kun je dit niet ontkoppelen."
            )
        )
    InstellingsIdentiteit.objects.filter(gebruiker=gebruiker).delete()
