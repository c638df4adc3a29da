from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetentieprofielConfig(AppConfig):
    name = "competentieprofiel"
    verbose_name = _("Competentieprofiel")
