"""Forms only validate; services write."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _

from competentieprofiel.models import Groep, Item, ProfielVersie

from .models import TEKST_MAX, LeerdoelOpvolging, Scan

LEEG = ""  # the radio value for "nog geen keuze"


def _begrensd(**kwargs) -> forms.CharField:
    kwargs.setdefault("required", False)
    kwargs.setdefault("max_length", TEKST_MAX)
    kwargs.setdefault(
        "error_messages",
        {"max_length": _("Dit is wat lang: maximaal %(limit_value)d tekens (nu %(show_value)d).")},
    )
    return forms.CharField(strip=True, **kwargs)


WACHTWOORD_HULP = _("Minstens 8 tekens, niet alleen cijfers en niet te voor de hand liggend.")
NIET_GELIJK = _("De twee wachtwoorden zijn niet gelijk.")


def _verplicht(veld: forms.Field, melding) -> forms.Field:
    """A required field that says what is missing, instead of "Dit veld is verplicht"."""
    veld.error_messages = {**veld.error_messages, "required": melding}
    return veld


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
        _verplicht(self.fields["password"], _("Vul je wachtwoord in."))

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class WachtwoordHerstelForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mailadres")
        _verplicht(self.fields["email"], _("Vul het e-mailadres van je account in."))


class _NieuwWachtwoord:
    """The new-password fields of Django's forms, in the words of our registration form."""

    error_messages = {"password_mismatch": NIET_GELIJK}

    def _nieuw_wachtwoord_in_eigen_woorden(self) -> None:
        een, twee = self.fields["new_password1"], self.fields["new_password2"]
        een.label, een.help_text = _("Nieuw wachtwoord"), WACHTWOORD_HULP
        twee.label, twee.help_text = _("Nieuw wachtwoord nog een keer"), ""
        _verplicht(een, _("Kies een nieuw wachtwoord."))
        _verplicht(twee, _("Typ je nieuwe wachtwoord nog een keer."))


class NieuwWachtwoordForm(_NieuwWachtwoord, SetPasswordForm):
    """Choosing a new password from the link in the mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._nieuw_wachtwoord_in_eigen_woorden()


class WachtwoordWijzigenForm(_NieuwWachtwoord, PasswordChangeForm):
    """Changing one's password while logged in."""

    error_messages = {
        "password_mismatch": NIET_GELIJK,
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
            help_text=_(
                "Hiermee log je in. We sturen je alleen een mail als je je wachtwoord vergeet."
            ),
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        ),
        _("Vul je e-mailadres in."),
    )
    naam = forms.CharField(
        label=_("Naam (mag je leeg laten)"),
        max_length=150,
        required=False,
        help_text=_("Alleen voor de kop van je eigen rapport."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    wachtwoord = _verplicht(
        forms.CharField(
            label=_("Wachtwoord"),
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
            help_text=WACHTWOORD_HULP,
        ),
        _("Kies een wachtwoord."),
    )
    wachtwoord_herhaald = _verplicht(
        forms.CharField(
            label=_("Wachtwoord nog een keer"),
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        ),
        _("Typ je wachtwoord nog een keer."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(self.BESTAAT_AL)
        return email

    def clean(self):
        data = super().clean()
        een, twee = data.get("wachtwoord"), data.get("wachtwoord_herhaald")
        if een and twee and een != twee:
            self.add_error("wachtwoord_herhaald", NIET_GELIJK)
        elif een:
            gebruiker = get_user_model()(
                username=data.get("email", ""), email=data.get("email", "")
            )
            try:
                password_validation.validate_password(een, gebruiker)
            except forms.ValidationError as fout:
                self.add_error("wachtwoord", fout)
        return data


class StartForm(forms.Form):
    """Choose gebieden and options for a new scan on one profile version."""

    gebieden = forms.ModelMultipleChoiceField(
        label=_("Welke competentiegebieden kies je nu?"),
        queryset=Groep.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    labels_aan = forms.BooleanField(
        label=_("Ja, ik wil per gebied zelf een reflectielabel kiezen"), required=False
    )
    functie = forms.CharField(
        label=_("Je functie (mag je leeg laten)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld i-coach, onderwijskundig adviseur of learning designer."),
    )
    sector = forms.ChoiceField(
        label=_("Sector (mag je leeg laten)"),
        choices=[("", _("Zeg ik liever niet")), *Scan.Sector.choices],
        required=False,
    )

    def __init__(self, *args, versie: ProfielVersie, **kwargs):
        super().__init__(*args, **kwargs)
        self.versie = versie
        self.fields["gebieden"].queryset = versie.groepen.filter(soort=Groep.Soort.GEBIED)
        self.fields["gebieden"].label_from_instance = lambda g: g.volledige_titel
        if not versie.niveaus.exists():
            del self.fields["labels_aan"]


class StapForm(forms.Form):
    """One step: a radio group per item, a development wish per item, and a note.

    Fields that are missing from a post are reported as such, so the service can leave
    those answers as they were.
    """

    def __init__(self, *args, items: list[Item], opties, notitie_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        keuzes = [(o.sleutel, o.label) for o in opties] + [(LEEG, _("Nog geen keuze"))]
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.tekst, choices=keuzes, required=False, widget=forms.RadioSelect
            )
            self.fields[f"ontwikkelen_{item.pk}"] = forms.BooleanField(
                label=_("Hier wil ik me verder in ontwikkelen"), required=False
            )
        self.fields["notitie"] = _begrensd(
            label=notitie_label or _("Een voorbeeld uit je praktijk, of wat je hierbij denkt"),
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def ingevuld(self, item: Item) -> bool:
        """Whether this post carried the item at all (an old or partial form may not)."""
        return f"item_{item.pk}" in self.data

    def rij(self, item: Item) -> dict:
        return {
            "item": item,
            "keuze": self[f"item_{item.pk}"],
            "ontwikkelen": self[f"ontwikkelen_{item.pk}"],
        }


class LabelForm(forms.Form):
    niveau = forms.ChoiceField(label=_("Welk label past nu bij jou in dit gebied?"), required=False)

    def __init__(self, *args, niveaus, **kwargs):
        super().__init__(*args, **kwargs)
        self.niveaus = {n.sleutel: n for n in niveaus}
        self.fields["niveau"].choices = [(n.sleutel, n.titel) for n in niveaus] + [
            (LEEG, _("Geen label: ik kies liever niets"))
        ]
        self.fields["niveau"].widget = forms.RadioSelect()
        self.fields["niveau"].widget.choices = self.fields["niveau"].choices

    def gekozen_niveau(self):
        return self.niveaus.get(self.cleaned_data.get("niveau") or "")


class LeerdoelForm(forms.Form):
    wat = _begrensd(
        label=_("Wat wil je leren of ontwikkelen?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    waarom = _begrensd(
        label=_("Waarom is dat belangrijk voor je?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    eerste_stap = _begrensd(
        label=_("Wat is een eerste, kleine stap?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    hulp = _begrensd(
        label=_("Wie of wat kan je daarbij helpen?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    wanneer = _begrensd(
        label=_("Wanneer wil je dit gedaan hebben?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: voor de zomer, of een datum."),
    )

    def clean(self):
        data = super().clean()
        rest = any(data.get(n) for n in ("waarom", "eerste_stap", "hulp", "wanneer"))
        if rest and not data.get("wat"):
            self.add_error(
                "wat", _("Schrijf hier kort wat je wilt ontwikkelen; de rest hoort daarbij.")
            )
        return data


LeerdoelFormSet = forms.formset_factory(LeerdoelForm, extra=0, min_num=3, max_num=3, absolute_max=3)


class GesprekspuntenForm(forms.Form):
    gesprekspunten = _begrensd(
        label=_("Wat wil je bespreken in je loopbaangesprek?"),
        help_text=_("Vragen, wensen, wat je nodig hebt. Dit komt in je rapport."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AccountVerwijderenForm(forms.Form):
    wachtwoord = _verplicht(
        forms.CharField(
            label=_("Je wachtwoord, ter bevestiging"),
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        ),
        _("Vul je wachtwoord in; zo weten we zeker dat jij het bent."),
    )
    zeker = _verplicht(
        forms.BooleanField(
            label=_("Ik begrijp dat al mijn scans, antwoorden, notities en leerdoelen verdwijnen."),
        ),
        _("Vink dit aan als je zeker weet dat alles weg mag; pas dan verwijderen we je account."),
    )

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        self.gebruiker = gebruiker

    def clean_wachtwoord(self):
        wachtwoord = self.cleaned_data["wachtwoord"]
        if not self.gebruiker.check_password(wachtwoord):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return wachtwoord


class OpvolgingForm(forms.Form):
    """What became of one earlier leerdoel."""

    status = forms.ChoiceField(
        label=_("Wat is ermee gebeurd?"),
        choices=[*LeerdoelOpvolging.Status.choices, (LEEG, _("Sla ik over"))],
        required=False,
        widget=forms.RadioSelect,
    )
    notitie = _begrensd(
        label=_("Wil je er iets over kwijt? (mag je leeg laten)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


OpvolgingFormSet = forms.formset_factory(OpvolgingForm, extra=0, max_num=10, absolute_max=10)


class PdfOnderdelenForm(forms.Form):
    """Optional sections of the PDF; everything is in unless the person unticks it."""

    labels = forms.BooleanField(label=_("Je gekozen labels"), required=False)
    notities = forms.BooleanField(label=_("Je notities"), required=False)
    vergelijking = forms.BooleanField(label=_("Sinds je vorige scan"), required=False)
    gesprekspunten = forms.BooleanField(
        label=_("Wat je wilt bespreken in het gesprek"), required=False
    )
