"""The competence framework as data: a profile, its immutable versions and their contents.

Every row below a ProfielVersie is written once, when that version is loaded, and never
changed afterwards: scans point at the exact wording they were answered on.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .taal import ProfielTekst, Vertaalbaar, in_een_taal, suggesties_in_taal


class Profiel(models.Model):
    sleutel = models.SlugField(_("sleutel"), max_length=100, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")
        ordering = ["sleutel"]

    def __str__(self):
        return self.sleutel


class ProfielVersie(Vertaalbaar):
    profiel = models.ForeignKey(Profiel, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveIntegerField(_("versienummer"))
    inhoud_hash = models.CharField(_("inhoud-hash"), max_length=64)
    geladen_op = models.DateTimeField(_("geladen op"), auto_now_add=True)
    bronbestand = models.CharField(_("bronbestand"), max_length=255, blank=True)

    titel = models.CharField(_("titel"), max_length=300)
    uitgever = models.CharField(_("uitgever"), max_length=300)
    bron = models.TextField(_("bron"))
    bron_url = models.URLField(_("bron-url"), max_length=500, blank=True)
    publicatiedatum = models.DateField(_("publicatiedatum"), null=True, blank=True)
    licentie = models.CharField(_("licentie"), max_length=200, blank=True)
    naamsvermelding = models.TextField(_("naamsvermelding"), blank=True)
    inleiding = models.TextField(_("inleiding"), blank=True)
    schaal_vraag = models.CharField(_("vraag bij de schaal"), max_length=300)
    niveaus_toelichting = models.TextField(_("toelichting bij de labels"), blank=True)
    achtergrond = models.JSONField(_("achtergrond"), default=list, blank=True)
    # Per translation: {"en": {"officieel": false, "toelichting": "..."}}.
    talen = models.JSONField(_("vertaalde talen"), default=dict, blank=True)

    class Meta:
        verbose_name = _("profielversie")
        verbose_name_plural = _("profielversies")
        ordering = ["profiel__sleutel", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["profiel", "nummer"], name="uniek_versienummer"),
        ]

    def __str__(self):
        return f"{self.titel} (versie {self.nummer})"

    def vertaling(self, taal: str) -> dict | None:
        """What the profile says about its translation into `taal` (officieel, toelichting),
        or None when it has none."""
        info = self.talen.get(taal)
        if info is None:
            return None
        return {**info, "toelichting": ProfielTekst(info.get("toelichting", ""), taal)}


class Categorie(Vertaalbaar):
    versie = models.ForeignKey(ProfielVersie, on_delete=models.CASCADE, related_name="categorieen")
    sleutel = models.SlugField(_("sleutel"), max_length=100)
    titel = models.CharField(_("titel"), max_length=200)
    volgorde = models.PositiveIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["versie", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "sleutel"], name="uniek_categorie"),
        ]

    def __str__(self):
        return self.titel


class Schaaloptie(Vertaalbaar):
    versie = models.ForeignKey(ProfielVersie, on_delete=models.CASCADE, related_name="schaalopties")
    sleutel = models.SlugField(_("sleutel"), max_length=100)
    label = models.CharField(_("label"), max_length=300)
    buiten_rol = models.BooleanField(_("hoort niet bij de rol"), default=False)
    # An answer of someone still exploring ("hier ben ik mee bezig", "nog aan het
    # ontdekken"): the report offers next steps wherever it was chosen.
    verkennend = models.BooleanField(_("verkennend"), default=False)
    volgorde = models.PositiveIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("schaaloptie")
        verbose_name_plural = _("schaalopties")
        ordering = ["versie", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "sleutel"], name="uniek_schaaloptie"),
        ]

    def __str__(self):
        return self.label


class Niveau(Vertaalbaar):
    """An optional, self-chosen reflection label such as 'gevorderd'. Never computed."""

    versie = models.ForeignKey(ProfielVersie, on_delete=models.CASCADE, related_name="niveaus")
    sleutel = models.SlugField(_("sleutel"), max_length=100)
    titel = models.CharField(_("titel"), max_length=200)
    beschrijving = models.TextField(_("beschrijving"))
    volgorde = models.PositiveIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("reflectielabel")
        verbose_name_plural = _("reflectielabels")
        ordering = ["versie", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "sleutel"], name="uniek_niveau"),
        ]

    def __str__(self):
        return self.titel


class Groep(Vertaalbaar):
    class Soort(models.TextChoices):
        BASIS = "basis", _("basis (altijd in de scan)")
        GEBIED = "gebied", _("competentiegebied (zelf te kiezen)")

    versie = models.ForeignKey(ProfielVersie, on_delete=models.CASCADE, related_name="groepen")
    sleutel = models.SlugField(_("sleutel"), max_length=100)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=300)
    rolnaam = models.CharField(_("rolnaam"), max_length=200, blank=True)
    # One line for the start page, where someone chooses a gebied at a glance.
    kernzin = models.TextField(_("kernzin"), blank=True)
    korte_beschrijving = models.TextField(_("korte beschrijving"))
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    gespreksvragen = models.JSONField(_("gespreksvragen"), default=list, blank=True)
    suggesties = models.JSONField(_("suggesties"), default=list, blank=True)
    # Next steps per category of this group: {"kennis": [{"sleutel": "coach.kennis.suggestie.1",
    # "tekst": "..."}, ...]}; every suggestion has a stable key for its translations.
    categorie_suggesties = models.JSONField(_("suggesties per categorie"), default=dict, blank=True)
    verder_met = models.JSONField(_("verder met"), default=list, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ["versie", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "sleutel"], name="uniek_groep"),
        ]

    def __str__(self):
        return self.volledige_titel

    @property
    def is_basis(self) -> bool:
        return self.soort == self.Soort.BASIS

    @property
    def naamveld(self) -> str:
        """The field the group goes by in short (a step heading, a list of chosen gebieden):
        its role name ("coach"), else its title."""
        return "rolnaam" if self.rolnaam else "titel"

    @property
    def kop(self) -> dict[str, ProfielTekst]:
        """Title and role name for a heading, both in the active language or both in the
        source language, never one of each."""
        titel, rolnaam = in_een_taal(None, (self, "titel"), (self, "rolnaam"))
        return {"titel": titel, "rolnaam": rolnaam}

    @property
    def volledige_titel(self) -> ProfielTekst:
        """Title and role name in the active language ("Verbinden over grenzen heen;
        bruggenbouwer"), both from the same language."""
        kop = self.kop
        titel, rolnaam = kop["titel"], kop["rolnaam"]
        return ProfielTekst(f"{titel}; {rolnaam}" if rolnaam else titel, titel.taal)

    def suggesties_bij(self, categorie: str, taal: str | None = None) -> list[dict]:
        """The next steps of one category of this group: [{"sleutel", "tekst"}, ...], each
        text in the active language where translated (a ProfielTekst)."""
        return suggesties_in_taal(self, self.categorie_suggesties.get(categorie, []), taal)


class Item(Vertaalbaar):
    versie = models.ForeignKey(ProfielVersie, on_delete=models.CASCADE, related_name="items")
    groep = models.ForeignKey(Groep, on_delete=models.CASCADE, related_name="items")
    categorie = models.ForeignKey(Categorie, on_delete=models.CASCADE, related_name="items")
    sleutel = models.CharField(_("sleutel"), max_length=150)
    tekst = models.TextField(_("tekst"))
    # Next steps for exactly this statement, most specific of all: [{"sleutel", "tekst"}].
    suggesties = models.JSONField(_("suggesties"), default=list, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        # volgorde runs through the whole version, in the order of the file.
        ordering = ["versie", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "sleutel"], name="uniek_item"),
        ]

    def __str__(self):
        return f"{self.sleutel}: {self.tekst[:60]}"

    def suggesties_in_taal(self, taal: str | None = None) -> list[dict]:
        """This statement's next steps, each text in the active language where translated."""
        return suggesties_in_taal(self, self.suggesties, taal)
