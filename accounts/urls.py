"""Account URLs. Those that differ from django.contrib.auth's defaults (e-mail login, a
rate-limited password reset, the password forms in our own words) come before
django.contrib.auth.urls and win."""

from django.contrib.auth import views as auth_views
from django.urls import path

from competentieprofiel.ratelimit import beperk_wachtwoordherstel

from .forms import InlogForm, WachtwoordHerstelForm, WachtwoordWijzigenForm
from .views import account, instelling

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=InlogForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path(
        "password_reset/",
        beperk_wachtwoordherstel(
            auth_views.PasswordResetView.as_view(form_class=WachtwoordHerstelForm)
        ),
        name="password_reset",
    ),
    path(
        "reset/<uidb64>/<token>/",
        account.NieuwWachtwoordView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(form_class=WachtwoordWijzigenForm),
        name="password_change",
    ),
    path("logout/", instelling.uitloggen, name="logout"),
    path("registreren/", account.registreren, name="registreren"),
    path("mijn-gegevens/", account.mijn_gegevens, name="mijn_gegevens"),
    path("mijn-gegevens/naam/", account.naam_wijzigen, name="naam_wijzigen"),
    path("mijn-gegevens.json", account.gegevens_downloaden, name="gegevens_downloaden"),
    path("verwijderen/", account.account_verwijderen, name="account_verwijderen"),
    # Logging in with one's institution (OpenID Connect); 404 unless ZELFSCAN_OIDC_* is set.
    path("instelling/inloggen/", instelling.inloggen, name="oidc_inloggen"),
    path("instelling/callback/", instelling.callback, name="oidc_callback"),
    path("instelling/koppelen/", instelling.koppelen, name="oidc_koppelen"),
    path("instelling/ontkoppelen/", instelling.ontkoppelen, name="oidc_ontkoppelen"),
    path("uitgelogd/", instelling.uitgelogd, name="uitgelogd"),
]
