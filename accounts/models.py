"""Who an institution's login says a person is.

A password account is just Django's user (the e-mail address is the login name). A person
who logs in through their institution (OpenID Connect) is known by the pair (issuer, sub):
the provider's name and its identifier for this person at this service. SURFconext's `sub`
is pseudonymous per service. The e-mail address is never used to find an account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InstellingsIdentiteit(models.Model):
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="instellingsidentiteiten"
    )
    issuer = models.CharField(_("instelling (issuer)"), max_length=255)
    sub = models.CharField(max_length=255)
    gekoppeld_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inloggen via instelling")
        verbose_name_plural = _("inloggen via instelling")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "sub"], name="een_account_per_identiteit"),
            models.UniqueConstraint(
                fields=["gebruiker", "issuer"], name="een_identiteit_per_instelling"
            ),
        ]

    def __str__(self):
        return self.issuer
