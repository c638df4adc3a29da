"""A person's reflection on one profile version: the scan, its answers, notes and leerdoelen.

A scan points at the exact ProfielVersie it was started on, so its wording never changes.
Only the owner ever sees these rows; the admin does not register them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentieprofiel.models import Categorie, Groep, Item, Niveau, ProfielVersie, Schaaloptie

TEKST_MAX = 5000


class Scan(models.Model):
    class Status(models.TextChoices):
        BEZIG = "bezig", _("bezig")
        AFGEROND = "afgerond", _("afgerond")

    class Sector(models.TextChoices):
        MBO = "mbo", _("mbo")
        HBO = "hbo", _("hbo")
        WO = "wo", _("wo")
        ANDERS = "anders", _("anders")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scans"
    )
    versie = models.ForeignKey(ProfielVersie, on_delete=models.PROTECT, related_name="scans")
    groepen = models.ManyToManyField(Groep, through="ScanGroep", related_name="+")
    labels_aan = models.BooleanField(_("reflectielabels gebruiken"), default=False)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BEZIG)
    huidige_stap = models.CharField(max_length=200, blank=True)
    gesprekspunten = models.TextField(_("punten voor het gesprek"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    afgerond_op = models.DateTimeField(null=True, blank=True)
    vorige_scan = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volgende_scans",
        verbose_name=_("vorige scan"),
    )
    # Which optional sections go into the PDF; missing keys mean "yes".
    pdf_onderdelen = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"scan {self.pk}"

    @property
    def is_afgerond(self) -> bool:
        return self.status == self.Status.AFGEROND

    PDF_ONDERDELEN = ("labels", "notities", "vergelijking", "gesprekspunten")

    def pdf_keuze(self) -> dict[str, bool]:
        """Which optional PDF sections the owner wants; everything unless unticked."""
        return {naam: bool(self.pdf_onderdelen.get(naam, True)) for naam in self.PDF_ONDERDELEN}

    @property
    def gekozen_gebieden(self) -> list:
        """The gebieden the person chose (uses prefetched scangroepen where present)."""
        return [sg.groep for sg in self.scangroepen.all() if not sg.groep.is_basis]


class ScanGroep(models.Model):
    """A group in a scan: the basis (always) and every gebied the person chose.

    `niveau` is the optional label the person chose for themselves; never computed.
    """

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="scangroepen")
    groep = models.ForeignKey(Groep, on_delete=models.PROTECT, related_name="+")
    niveau = models.ForeignKey(
        Niveau, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    label_gekozen = models.BooleanField(default=False)

    class Meta:
        ordering = ["groep__volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "groep"], name="uniek_scangroep"),
        ]

    def __str__(self):
        return f"{self.scan_id} / {self.groep_id}"


class Antwoord(models.Model):
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="antwoorden")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    optie = models.ForeignKey(
        Schaaloptie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ontwikkelen = models.BooleanField(_("hier wil ik me verder in ontwikkelen"), default=False)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scan", "item"], name="uniek_antwoord"),
        ]

    def __str__(self):
        return f"{self.scan_id} / {self.item_id}"


class Notitie(models.Model):
    """The person's own words on one step: an example from practice, a thought."""

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="notities")
    groep = models.ForeignKey(Groep, on_delete=models.PROTECT, related_name="+")
    categorie = models.ForeignKey(Categorie, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(max_length=TEKST_MAX, blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scan", "groep", "categorie"], name="uniek_notitie"),
        ]

    def __str__(self):
        return f"{self.scan_id} / {self.groep_id} / {self.categorie_id}"


class Leerdoel(models.Model):
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="leerdoelen")
    volgorde = models.PositiveSmallIntegerField()
    wat = models.TextField(_("wat wil je leren of ontwikkelen?"), max_length=TEKST_MAX)
    waarom = models.TextField(
        _("waarom is dat belangrijk voor je?"), max_length=TEKST_MAX, blank=True
    )
    eerste_stap = models.TextField(_("wat is een eerste stap?"), max_length=TEKST_MAX, blank=True)
    hulp = models.TextField(_("wie of wat kan je helpen?"), max_length=TEKST_MAX, blank=True)
    wanneer = models.CharField(_("wanneer wil je dit gedaan hebben?"), max_length=200, blank=True)
    # The statement this leerdoel started from ("wil ik ontwikkelen" on the leerdoelen
    # step), so the gesprekskaart does not list that wish a second time. Its "wat" is the
    # person's own text from then on.
    item = models.ForeignKey(
        Item, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "volgorde"], name="uniek_leerdoel"),
        ]

    def __str__(self):
        return f"{self.scan_id} / {self.volgorde}"


class LeerdoelOpvolging(models.Model):
    """What became of a leerdoel from the previous scan, as the person sees it now."""

    class Status(models.TextChoices):
        BEREIKT = "bereikt", _("bereikt")
        BEZIG = "bezig", _("mee bezig")
        LOSGELATEN = "losgelaten", _("losgelaten")
        ANDERS = "anders", _("anders")

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="opvolgingen")
    volgorde = models.PositiveSmallIntegerField()
    # A copy of the earlier leerdoel, so the follow-up survives deleting the earlier scan.
    leerdoel = models.TextField(max_length=TEKST_MAX)
    status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    notitie = models.TextField(max_length=TEKST_MAX, blank=True)

    class Meta:
        ordering = ["volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "volgorde"], name="uniek_opvolging"),
        ]

    def __str__(self):
        return f"{self.scan_id} / {self.volgorde}"


class RapportPdf(models.Model):
    """The last rendered PDF of a scan, so downloading an unchanged report again costs no
    rendering. `sleutel` is a hash of the exact print HTML, which holds the scan's content,
    the chosen sections and the language: any difference makes a new PDF. Saving a step
    deletes it, and it goes with the scan (and so with the account)."""

    scan = models.OneToOneField(
        Scan, on_delete=models.CASCADE, primary_key=True, related_name="bewaarde_pdf"
    )
    sleutel = models.CharField(max_length=64)
    pdf = models.BinaryField()
    gemaakt_op = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.scan_id)
