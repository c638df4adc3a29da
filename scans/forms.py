"""Forms only validate; services write."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.models import Groep, Item, ProfielVersie
from competentieprofiel.templatetags.profieltaal import vertaald

from .models import TEKST_MAX, LeerdoelOpvolging, Scan

LEEG = ""  # no choice (yet): a statement nobody touched, or a label left open


def _begrensd(**kwargs) -> forms.CharField:
    kwargs.setdefault("required", False)
    kwargs.setdefault("max_length", TEKST_MAX)
    kwargs.setdefault(
        "error_messages",
        {"max_length": _("Dit is wat lang: maximaal %(limit_value)d tekens (nu %(show_value)d).")},
    )
    return forms.CharField(strip=True, **kwargs)


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
    antwoorden_meenemen = forms.BooleanField(
        label=_("Neem je vorige antwoorden mee en verander alleen wat er verschoven is"),
        help_text=_(
            "Liever een frisse blik? Laat dit dan uit: je begint leeg, en aan het eind zie je "
            "toch wat er veranderd is."
        ),
        required=False,
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

    def __init__(
        self,
        *args,
        versie: ProfielVersie,
        vervolg: bool = False,
        heeft_labels: bool | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.versie = versie
        if not vervolg:
            del self.fields["antwoorden_meenemen"]  # only when following an earlier scan
        self.fields["gebieden"].queryset = versie.groepen.filter(soort=Groep.Soort.GEBIED)
        self.fields["gebieden"].label_from_instance = lambda g: g.volledige_titel
        if heeft_labels is None:
            heeft_labels = versie_inhoud(versie).heeft_niveaus
        if not heeft_labels:
            del self.fields["labels_aan"]


# One option of a statement's scale. Written here, once per option and statement, rather
# than in a template loop: that loop was the largest part of the step page's time.
SCHAALOPTIE = (
    '<label class="schaal-optie{0}" for="{1}"><input type="radio" name="item_{2}"'
    ' value="{3}" id="{1}"{4}><span>{5}</span></label>'
)


class StapForm(forms.Form):
    """One step: a radio group per item, a development wish per item, and a note.

    Fields that are missing from a post are reported as such, so the service can leave
    those answers as they were. Each field has a hidden twin (`getoond_...`) holding what
    the page showed, so a save changes only what the person changed on this page.
    """

    def __init__(self, *args, items: list[Item], opties, notitie_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.opties = list(opties)
        keuzes = [(o.sleutel, o.in_taal("label")) for o in self.opties]
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.in_taal("tekst"),
                choices=keuzes,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"ontwikkelen_{item.pk}"] = forms.BooleanField(
                label=_("Hier wil ik me verder in ontwikkelen"), required=False
            )
            self.fields[f"getoond_item_{item.pk}"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )
            self.fields[f"getoond_ontwikkelen_{item.pk}"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )
        self.fields["notitie"] = _begrensd(
            label=notitie_label or _("Jouw voorbeeld of gedachte"),
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        self.fields["getoond_notitie"] = forms.CharField(
            required=False, strip=False, widget=forms.HiddenInput
        )

    def getoond(self, item: Item) -> tuple[str, bool] | None:
        """What the page showed for this item (choice key, wish), or None from an old form."""
        if f"getoond_item_{item.pk}" not in self.data:
            return None
        ontwikkelen = self.cleaned_data.get(f"getoond_ontwikkelen_{item.pk}") == "1"
        return self.cleaned_data.get(f"getoond_item_{item.pk}") or LEEG, ontwikkelen

    def getoonde_notitie(self) -> str | None:
        if "getoond_notitie" not in self.data:
            return None
        return self.cleaned_data.get("getoond_notitie") or ""

    def ingevuld(self, item: Item) -> bool:
        """Whether this post carried the item at all (an old or partial form may not)."""
        return f"item_{item.pk}" in self.data

    def _waarde(self, naam: str) -> str:
        bron = self.data if self.is_bound else self.initial
        waarde = bron.get(naam, "")
        return "" if waarde is None else waarde

    def rijen(self) -> list[dict]:
        """Plain data per statement for the template, which writes the radios itself:
        Django's widget renderer per option cost more than the rest of the page.

        The reflective options first, "niet van toepassing" last (quieter on the page).
        """
        # Texts, not numbers (a number in a template goes through localisation) and each
        # option's label marked up once, not once per statement.
        volgorde = [
            (o, vertaald(o.in_taal("label")))
            for o in [o for o in self.opties if not o.buiten_rol]
            + [o for o in self.opties if o.buiten_rol]
        ]
        rijen = []
        for item in self.items:
            pk = str(item.pk)
            keuze = self._waarde(f"item_{pk}")
            ontwikkelen = self._waarde(f"ontwikkelen_{pk}")
            if self.is_bound:
                ontwikkelen = str(ontwikkelen).lower() not in ("", "false", "0")
            rijen.append(
                {
                    "item": item,
                    "pk": pk,
                    "schaal": format_html_join(
                        "",
                        SCHAALOPTIE,
                        (
                            (
                                " schaal-optie--rustig" if o.buiten_rol else "",
                                f"id_item_{pk}_{i}",
                                pk,
                                o.sleutel,
                                " checked" if o.sleutel == keuze else "",
                                label,
                            )
                            for i, (o, label) in enumerate(volgorde)
                        ),
                    ),
                    "ontwikkelen": bool(ontwikkelen),
                    "getoond_keuze": self._waarde(f"getoond_item_{pk}"),
                    "getoond_ontwikkelen": self._waarde(f"getoond_ontwikkelen_{pk}"),
                    "fouten": self.errors.get(f"item_{pk}") if self.is_bound else None,
                }
            )
        return rijen


class LabelForm(forms.Form):
    niveau = forms.ChoiceField(label=_("Welk label past nu bij jou in dit gebied?"), required=False)

    def __init__(self, *args, niveaus, **kwargs):
        super().__init__(*args, **kwargs)
        self.niveaus = {n.sleutel: n for n in niveaus}
        self.fields["niveau"].choices = [(n.sleutel, n.in_taal("titel")) for n in niveaus] + [
            (LEEG, _("Geen label: ik kies liever niets"))
        ]
        self.fields["niveau"].widget = forms.RadioSelect()
        self.fields["niveau"].widget.choices = self.fields["niveau"].choices

    def gekozen_niveau(self):
        return self.niveaus.get(self.cleaned_data.get("niveau") or "")


def item_id_uit(waarde) -> int | None:
    """A statement's id as a form posted it (a hidden field, a wish's button), or None for
    anything else: empty, not a number, or longer than an id can be."""
    waarde = waarde or ""
    return int(waarde) if waarde.isdigit() and len(waarde) < 10 else None


class LeerdoelForm(forms.Form):
    """One leerdoel: up front what and a first step, the rest optional under "meer".
    `item` is the statement it started from, if it did (a hidden field)."""

    wat = _begrensd(
        label=_("Wat wil je leren of ontwikkelen?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    eerste_stap = _begrensd(
        label=_("Wat is een eerste, kleine stap?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    waarom = _begrensd(
        label=_("Waarom is dat belangrijk voor je?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    hulp = _begrensd(
        label=_("Wie of wat kan je daarbij helpen?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    wanneer = _begrensd(
        label=_("Wanneer zou je ermee aan de slag willen?"),
        max_length=200,
        help_text=_(
            "Geen deadline, een uitnodiging aan jezelf: na de zomer, bij het volgende project."
        ),
    )
    item = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    MEER = ("waarom", "hulp", "wanneer")

    def __init__(self, *args, wens_komt: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.wens_komt = wens_komt

    def clean_item(self) -> int | None:
        """The statement's id; anything else (an old or altered form) is simply no link."""
        return item_id_uit(self.cleaned_data.get("item"))

    def clean(self):
        data = super().clean()
        rest = any(data.get(n) for n in ("eerste_stap", *self.MEER))
        if rest and not data.get("wat") and not self.wens_komt:
            self.add_error(
                "wat", _("Schrijf hier kort wat je wilt ontwikkelen; de rest hoort daarbij.")
            )
        return data

    @property
    def meer_open(self) -> bool:
        """Whether "meer" starts open: when something is written there, or wrong."""
        return any(self[n].value() or self[n].errors for n in self.MEER)

    @property
    def leeg(self) -> bool:
        return not any(self[n].value() for n in ("wat", "eerste_stap", *self.MEER))


class BaseLeerdoelFormSet(forms.BaseFormSet):
    """`wens_plek`: the place a wish is about to fill ("maak er een leerdoel van"); there a
    first step without a "wat" is fine, since the wish brings the "wat"."""

    def __init__(self, *args, wens_plek: int | None = None, **kwargs):
        self.wens_plek = wens_plek
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "wens_komt": index == self.wens_plek}


LeerdoelFormSet = forms.formset_factory(
    LeerdoelForm,
    formset=BaseLeerdoelFormSet,
    extra=0,
    min_num=3,
    max_num=3,
    absolute_max=3,
)


class GesprekspuntenForm(forms.Form):
    gesprekspunten = _begrensd(
        label=_("Wat wil je bespreken in je loopbaangesprek?"),
        help_text=_("Vragen, wensen, wat je nodig hebt. Dit komt in je rapport."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


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
