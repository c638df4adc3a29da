"""Django's own texts that a person can meet, in our words.

Django's Dutch catalogue speaks "u" in the password validators and says "gebruikersnaam"
where our accounts have an e-mail address. Our catalogue (LOCALE_PATHS) takes precedence over
Django's, so the same English msgids translated in locale/nl say it in "je". They are listed
here only so that `make berichten` keeps them in the catalogue; nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

TEKSTEN = [
    gettext_noop("Your password can’t be too similar to your other personal information."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    # Django 5.2 asks for this one with "%d", while its own Dutch catalogue only has a
    # "%(min_length)d" version: without ours, the message stays English.
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
]
