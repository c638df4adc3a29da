from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetentieprofielConfig(AppConfig):
    name = "competentieprofiel"
    verbose_name = _("Competentieprofiel")

    def ready(self):
        # Connects the failed-login counter per address (user_login_failed).
        from . import ratelimit  # noqa: F401
