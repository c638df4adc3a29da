from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("profiel/", views.profiel, name="profiel"),
    path("profiel/<slug:sleutel>/", views.profiel, name="profiel_sleutel"),
    path("beheer/", admin.site.urls),
]
