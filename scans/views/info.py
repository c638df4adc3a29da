"""Pages anyone may read: privacy and the accessibility statement."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render


def privacy(request):
    """What is stored and why, who is responsible, and the person's rights, each with the
    button that exercises it."""
    return render(
        request,
        "scans/privacy.html",
        {
            "organisatie": settings.ZELFSCAN_ORGANISATIE,
            "contact_email": settings.ZELFSCAN_CONTACT_EMAIL,
        },
    )


def toegankelijkheid(request):
    """The accessibility statement, with the hosting institution's contact if configured."""
    return render(
        request,
        "toegankelijkheid.html",
        {"contact_email": settings.ZELFSCAN_CONTACT_EMAIL},
    )
