from django.urls import path

from .views import info

urlpatterns = [
    path("privacy/", info.privacy, name="privacy"),
    path("toegankelijkheid/", info.toegankelijkheid, name="toegankelijkheid"),
]
