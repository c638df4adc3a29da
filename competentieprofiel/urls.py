"""Project URLs. The apps are included by name; the framework app never imports them."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("profiel/", views.profiel, name="profiel"),
    path("profiel/<slug:sleutel>/", views.profiel, name="profiel_sleutel"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("scans/", include("scans.urls")),
    path("netwerken/", include("netwerk.urls")),
    path("", include("scans.info_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
# Django's admin, moved or switched off by ZELFSCAN_BEHEER_PAD.
if settings.BEHEER_PAD:
    urlpatterns.append(path(settings.BEHEER_PAD, admin.site.urls))
