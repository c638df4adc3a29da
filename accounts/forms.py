"""Forms of one's own account. Forms only validate; services write."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

WACHTWOORD_HULP = _("Minstens 8 tekens, niet alleen cijfers en niet makkelijk te raden.")


class WachtwoordInput(forms.PasswordInput):
    """A password field with a button that shows what one typed (as the GOV.UK Design
    System's password input). The field stays type=password; the button is `hidden` until
    static/js/zelfscan.js reveals it, so without JavaScript it is a plain password field."""

    def __init__(self, attrs=None):
        super().__init__({"spellcheck": "false", "autocapitalize": "none", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        veld = super().render(name, value, attrs, renderer)
        veld_id = (attrs or {}).get("id") or self.attrs.get("id", "")
        return render_to_string("_wachtwoordveld.html", {"veld": veld, "veld_id": veld_id})


def _verplicht(veld: forms.Field, melding) -> forms.Field:
    """A required field that says what is missing, instead of "Dit veld is verplicht"."""
    veld.error_messages = {**veld.error_messages, "required": melding}
    return veld


def _naamveld() -> forms.CharField:
    return forms.CharField(
        label=_("Naam (mag je leeg laten)"),
        max_length=150,
        required=False,
        help_text=_("Alleen voor de kop van je eigen rapport."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class InlogForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Dat e-mailadres en wachtwoord horen niet bij elkaar. Probeer het nog eens, let op "
            "hoofdletters."
        ),
    }
    username = _verplicht(
        forms.EmailField(
            label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
        ),
        _("Vul je e-mailadres in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget = WachtwoordInput(attrs={"autocomplete": "current-password"})
        _verplicht(self.fields["password"], _("Vul je wachtwoord in."))

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class WachtwoordHerstelForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mailadres")
        _verplicht(self.fields["email"], _("Vul het e-mailadres van je account in."))


class _NieuwWachtwoord:
    """The new password of Django's forms as at registration: one field, in our words,
    with the show button (which is how one checks it; there is no repeat field)."""

    def _nieuw_wachtwoord_in_eigen_woorden(self) -> None:
        del self.fields["new_password2"]
        veld = self.fields["new_password1"]
        veld.label, veld.help_text = _("Nieuw wachtwoord"), WACHTWOORD_HULP
        veld.widget = WachtwoordInput(attrs={"autocomplete": "new-password"})
        _verplicht(veld, _("Kies een nieuw wachtwoord."))

    def clean(self):
        # Django's clean() compares with the repeat field; here the one field is validated.
        self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data


class NieuwWachtwoordForm(_NieuwWachtwoord, SetPasswordForm):
    """Choosing a new password from the link in the mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._nieuw_wachtwoord_in_eigen_woorden()


class WachtwoordWijzigenForm(_NieuwWachtwoord, PasswordChangeForm):
    """Changing one's password while logged in."""

    error_messages = {
        "password_incorrect": _("Dit is niet je huidige wachtwoord. Probeer het nog eens."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Je huidige wachtwoord")
        _verplicht(self.fields["old_password"], _("Vul je huidige wachtwoord in."))
        self._nieuw_wachtwoord_in_eigen_woorden()


class RegistratieForm(forms.Form):
    BESTAAT_AL = _(
        "Er is al een account met dit e-mailadres. Wil je inloggen of je wachtwoord herstellen?"
    )

    email = _verplicht(
        forms.EmailField(
            label=_("E-mailadres"),
            max_length=150,
            help_text=_("We mailen alleen als je je wachtwoord vergeet."),
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        ),
        _("Vul je e-mailadres in."),
    )
    wachtwoord = _verplicht(
        forms.CharField(
            label=_("Wachtwoord"),
            strip=False,
            widget=WachtwoordInput(attrs={"autocomplete": "new-password"}),
            help_text=WACHTWOORD_HULP,
        ),
        _("Kies een wachtwoord."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(self.BESTAAT_AL)
        return email

    def clean(self):
        data = super().clean()
        if wachtwoord := data.get("wachtwoord"):
            gebruiker = get_user_model()(
                username=data.get("email", ""), email=data.get("email", "")
            )
            try:
                password_validation.validate_password(wachtwoord, gebruiker)
            except forms.ValidationError as fout:
                self.add_error("wachtwoord", fout)
        return data


class NaamForm(forms.Form):
    """Correct the name on one's account (and so on one's reports)."""

    naam = _naamveld()


class AccountVerwijderenForm(forms.Form):
    """Confirm deleting the account: with the password, or, for an account that logs in
    through the institution and has none, by typing the word shown."""

    WOORD = _("verwijderen")

    zeker = _verplicht(
        forms.BooleanField(
            label=_("Ik begrijp dat al mijn scans, antwoorden, notities en leerdoelen verdwijnen."),
        ),
        _("Vink dit aan als je zeker weet dat alles weg mag; pas dan verwijderen we je account."),
    )

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        self.gebruiker = gebruiker
        if gebruiker.has_usable_password():
            self.fields["wachtwoord"] = _verplicht(
                forms.CharField(
                    label=_("Je wachtwoord, ter bevestiging"),
                    strip=False,
                    widget=WachtwoordInput(attrs={"autocomplete": "current-password"}),
                ),
                _("Vul je wachtwoord in; zo weten we zeker dat jij het bent."),
            )
        else:
            self.fields["bevestiging"] = _verplicht(
                forms.CharField(
                    label=_("Typ ter bevestiging het woord: %(woord)s") % {"woord": self.WOORD},
                    max_length=50,
                    widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
                ),
                _("Typ het woord %(woord)s; zo weten we zeker dat je dit wilt.")
                % {"woord": self.WOORD},
            )
        self.order_fields(["wachtwoord", "bevestiging", "zeker"])

    def clean_wachtwoord(self):
        wachtwoord = self.cleaned_data["wachtwoord"]
        if not self.gebruiker.check_password(wachtwoord):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return wachtwoord

    def clean_bevestiging(self):
        getypt = self.cleaned_data["bevestiging"].strip().lower()
        if getypt not in {"verwijderen", str(self.WOORD).lower()}:
            raise forms.ValidationError(
                _("Typ precies het woord %(woord)s.") % {"woord": self.WOORD}
            )
        return getypt
