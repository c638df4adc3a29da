from django.urls import path

from .views import bijdrage, kaart, lidmaatschap, overzicht

app_name = "netwerk"

urlpatterns = [
    path("", overzicht.mijn_netwerken, name="mijn_netwerken"),
    path("nieuw/", overzicht.nieuw, name="nieuw"),
    path("doe-mee/<str:uitnodiging>/", lidmaatschap.doe_mee, name="doe_mee"),
    path("<uuid:netwerk_id>/", kaart.kaart, name="kaart"),
    path("<uuid:netwerk_id>/praatplaat.pdf", kaart.praatplaat, name="praatplaat"),
    path("<uuid:netwerk_id>/mijn-bijdrage/", bijdrage.mijn_bijdrage, name="bijdrage"),
    path("<uuid:netwerk_id>/uitnodigen/", lidmaatschap.uitnodigen, name="uitnodigen"),
    path("<uuid:netwerk_id>/uitnodigen/vernieuwen/", lidmaatschap.vernieuwen, name="vernieuwen"),
    path("<uuid:netwerk_id>/verlaten/", lidmaatschap.verlaten, name="verlaten"),
    path("<uuid:netwerk_id>/sluiten/", lidmaatschap.sluiten, name="sluiten"),
]
