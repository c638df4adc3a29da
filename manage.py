#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentieprofiel.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - load the settings now, to report bad configuration
    except ImproperlyConfigured as exc:
        sys.exit(str(exc))  # our Dutch message on stderr, exit code 1, no traceback
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
