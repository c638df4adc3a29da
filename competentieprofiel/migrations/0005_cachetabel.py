"""The table of Django's database cache (settings.CACHES), made on every migrate, so a new
installation, a test database and every app server on a shared database have it."""

from django.core.management import call_command
from django.db import migrations


def maak_cachetabel(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def verwijder_cachetabel(apps, schema_editor):
    from django.conf import settings

    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            schema_editor.execute(
                "DROP TABLE IF EXISTS %s" % schema_editor.quote_name(cache["LOCATION"])
            )


class Migration(migrations.Migration):
    dependencies = [("competentieprofiel", "0004_vertalingen")]

    operations = [migrations.RunPython(maak_cachetabel, verwijder_cachetabel)]
