"""Forms only validate; services write."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from competentieprofiel.models import Groep, ProfielVersie

from .models import BESCHRIJVING_MAX, FUNCTIE_MAX, LIDNAAM_MAX, NAAM_MAX, Bijdrage
from .services import Uitspraak

TE_LANG = _("Dit is wat lang: maximaal %(limit_value)d tekens (nu %(show_value)d).")
MET_NAAM, ANONIEM = "naam", "anoniem"


class NetwerkForm(forms.Form):
    naam = forms.CharField(
        label=_("Naam van het netwerk"),
        max_length=NAAM_MAX,
        help_text=_("Bijvoorbeeld: i-coaches Zorg & Welzijn, of Team onderwijsontwikkeling."),
        error_messages={"max_length": TE_LANG, "required": _("Geef het netwerk een naam.")},
    )
    beschrijving = forms.CharField(
        label=_("Waar is het netwerk voor? (mag je leeg laten)"),
        max_length=BESCHRIJVING_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TE_LANG},
        help_text=_("Iedereen die de uitnodiging opent, leest dit voordat hij of zij meedoet."),
    )
    versie = forms.ModelChoiceField(
        label=_("Welk profiel brengen jullie in kaart?"),
        queryset=ProfielVersie.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een van de profielen uit de lijst.")},
    )

    def __init__(self, *args, versies: list[ProfielVersie], **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["versie"]
        veld.queryset = ProfielVersie.objects.filter(pk__in=[v.pk for v in versies])
        veld.label_from_instance = lambda v: v.in_taal("titel")
        if versies:
            veld.initial = versies[0].pk
        if len(versies) < 2:
            veld.widget = forms.HiddenInput()


@dataclass
class GebiedVelden:
    """The fields of one gebied on the contribution form, for the template."""

    groep: Groep
    zet_in: forms.BoundField
    zet_in_zichtbaar: forms.BoundField
    groeien: forms.BoundField
    groeien_zichtbaar: forms.BoundField
    benader: forms.BoundField


class BijdrageForm(forms.Form):
    """What a member shares: a name and function for named statements, and per gebied
    three independent statements, the first two each with or without name."""

    naam = forms.CharField(
        label=_("Je naam in dit netwerk"),
        max_length=LIDNAAM_MAX,
        required=False,
        help_text=_("Staat alleen bij wat je met je naam deelt."),
        error_messages={"max_length": TE_LANG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    functie = forms.CharField(
        label=_("Je functie (mag je leeg laten)"),
        max_length=FUNCTIE_MAX,
        required=False,
        help_text=_("Bijvoorbeeld i-coach, onderwijskundig adviseur of learning designer."),
        error_messages={"max_length": TE_LANG},
    )

    ZICHTBAAR = [(MET_NAAM, _("met mijn naam")), (ANONIEM, _("alleen anoniem meetellen"))]

    def __init__(self, *args, gebieden: list[Groep], **kwargs):
        super().__init__(*args, **kwargs)
        self.gebieden = gebieden
        for g in gebieden:
            titel = g.volledige_titel
            self.fields[f"zet_in_{g.pk}"] = forms.BooleanField(
                label=_("Ik zet dit gebied in mijn werk in"), required=False
            )
            self.fields[f"zet_in_zichtbaar_{g.pk}"] = self._zichtbaar(
                _("Ik zet dit gebied in (%(gebied)s): met je naam of alleen anoniem?")
                % {"gebied": titel}
            )
            self.fields[f"groeien_{g.pk}"] = forms.BooleanField(
                label=_("Ik wil hierin groeien"), required=False
            )
            self.fields[f"groeien_zichtbaar_{g.pk}"] = self._zichtbaar(
                _("Ik wil hierin groeien (%(gebied)s): met je naam of alleen anoniem?")
                % {"gebied": titel}
            )
            self.fields[f"benader_{g.pk}"] = forms.BooleanField(
                label=_("Je mag me hierover benaderen"), required=False
            )

    def _zichtbaar(self, label) -> forms.ChoiceField:
        return forms.ChoiceField(
            label=label,
            choices=self.ZICHTBAAR,
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": _("Kies: met je naam, of alleen anoniem.")},
        )

    @staticmethod
    def initial_uit(bijdragen: list[Bijdrage], gebieden: list[Groep]) -> dict:
        """Initial values from what the member shared before; defaults where nothing."""
        per_groep = {b.groep_id: b for b in bijdragen}
        initial = {}
        for g in gebieden:
            b = per_groep.get(g.pk) or Bijdrage()
            initial[f"zet_in_{g.pk}"] = b.zet_in
            initial[f"zet_in_zichtbaar_{g.pk}"] = MET_NAAM if b.zet_in_met_naam else ANONIEM
            initial[f"groeien_{g.pk}"] = b.groeien
            initial[f"groeien_zichtbaar_{g.pk}"] = MET_NAAM if b.groeien_met_naam else ANONIEM
            initial[f"benader_{g.pk}"] = b.benader
        return initial

    def gebied_velden(self) -> list[GebiedVelden]:
        return [
            GebiedVelden(
                groep=g,
                zet_in=self[f"zet_in_{g.pk}"],
                zet_in_zichtbaar=self[f"zet_in_zichtbaar_{g.pk}"],
                groeien=self[f"groeien_{g.pk}"],
                groeien_zichtbaar=self[f"groeien_zichtbaar_{g.pk}"],
                benader=self[f"benader_{g.pk}"],
            )
            for g in self.gebieden
        ]

    def uitspraken(self) -> list[Uitspraak]:
        data = self.cleaned_data
        standaard = Bijdrage()
        uit = []
        for g in self.gebieden:
            zet_in_zichtbaar = data.get(f"zet_in_zichtbaar_{g.pk}") or (
                MET_NAAM if standaard.zet_in_met_naam else ANONIEM
            )
            groeien_zichtbaar = data.get(f"groeien_zichtbaar_{g.pk}") or (
                MET_NAAM if standaard.groeien_met_naam else ANONIEM
            )
            uit.append(
                Uitspraak(
                    groep_id=g.pk,
                    zet_in=bool(data.get(f"zet_in_{g.pk}")),
                    zet_in_met_naam=zet_in_zichtbaar == MET_NAAM,
                    groeien=bool(data.get(f"groeien_{g.pk}")),
                    groeien_met_naam=groeien_zichtbaar == MET_NAAM,
                    benader=bool(data.get(f"benader_{g.pk}")),
                )
            )
        return uit

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not data.get("naam") and any(u.met_naam for u in self.uitspraken()):
            self.add_error(
                "naam",
                _(
                    "Je deelt iets met je naam: vul de naam in waarmee je in dit netwerk "
                    "zichtbaar wilt zijn. Liever zonder naam? Kies dan 'alleen anoniem "
                    "meetellen' en laat 'Je mag me hierover benaderen' uit."
                ),
            )
        return data
