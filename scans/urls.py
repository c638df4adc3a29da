from django.urls import path

from .views import mijn_scans, rapport, stappen

app_name = "scans"

urlpatterns = [
    path("", mijn_scans.mijn_scans, name="mijn_scans"),
    path("nieuw/", mijn_scans.nieuwe_scan, name="nieuw"),
    path("<uuid:scan_id>/", mijn_scans.hervat, name="hervat"),
    path("<uuid:scan_id>/stap/<str:stap>/", stappen.stap, name="stap"),
    path("<uuid:scan_id>/rapport/", rapport.rapport, name="rapport"),
    path("<uuid:scan_id>/rapport.pdf", rapport.rapport_pdf, name="rapport_pdf"),
    path("<uuid:scan_id>/verwijderen/", mijn_scans.verwijderen, name="verwijderen"),
    path("<uuid:scan_id>/vergelijk/<uuid:ander_id>/", rapport.vergelijken, name="vergelijken"),
]
