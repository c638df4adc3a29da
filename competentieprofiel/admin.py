"""A read-only admin for browsing loaded profiles. Profiles change only through laad_profiel."""

from django.contrib import admin
from django.db import models

from .models import Categorie, Groep, Item, Niveau, Profiel, ProfielVersie, Schaaloptie


class ReadOnlyAdmin(admin.ModelAdmin):
    # The form is only built to list the fields; say now what Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        # Every column is shown, none is a form field (some, like geladen_op, cannot be).
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class VersieInline(ReadOnlyInline):
    model = ProfielVersie
    fields = ["nummer", "titel", "geladen_op", "inhoud_hash"]


class GroepInline(ReadOnlyInline):
    model = Groep
    fields = ["volgorde", "sleutel", "soort", "titel", "rolnaam"]


class SchaaloptieInline(ReadOnlyInline):
    model = Schaaloptie
    fields = ["volgorde", "sleutel", "label", "buiten_rol", "verkennend"]


class ItemInline(ReadOnlyInline):
    model = Item
    fields = ["volgorde", "sleutel", "categorie", "tekst"]
    show_change_link = False


@admin.register(Profiel)
class ProfielAdmin(ReadOnlyAdmin):
    list_display = ["sleutel", "aangemaakt_op"]
    inlines = [VersieInline]


@admin.register(ProfielVersie)
class ProfielVersieAdmin(ReadOnlyAdmin):
    list_display = ["titel", "profiel", "nummer", "geladen_op"]
    list_filter = ["profiel"]
    inlines = [SchaaloptieInline, GroepInline]


@admin.register(Groep)
class GroepAdmin(ReadOnlyAdmin):
    list_display = ["titel", "rolnaam", "soort", "versie"]
    list_filter = ["versie__profiel", "soort"]
    inlines = [ItemInline]


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin):
    list_display = ["sleutel", "tekst", "groep", "categorie"]
    list_filter = ["versie__profiel", "groep__sleutel", "categorie__sleutel"]
    search_fields = ["sleutel", "tekst"]
    list_select_related = ["groep", "categorie"]


admin.site.register(Categorie, ReadOnlyAdmin)
admin.site.register(Niveau, ReadOnlyAdmin)
