from django.urls import path

from . import views

app_name = "scans"

urlpatterns = [
    path("", views.mijn_scans, name="mijn_scans"),
    path("nieuw/", views.nieuwe_scan, name="nieuw"),
    path("<uuid:scan_id>/", views.hervat, name="hervat"),
    path("<uuid:scan_id>/stap/<str:stap>/", views.stap, name="stap"),
    path("<uuid:scan_id>/rapport/", views.rapport, name="rapport"),
    path("<uuid:scan_id>/rapport.pdf", views.rapport_pdf, name="rapport_pdf"),
    path("<uuid:scan_id>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("<uuid:scan_id>/vergelijk/<uuid:ander_id>/", views.vergelijken, name="vergelijken"),
]
