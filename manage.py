#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.dev")
    if sys.argv[1:2] != ["runserver"]:
        # A command (migrate on a large table, an import, an index rebuild) may run a long
        # statement on purpose, watched by the person who started it: the time limits that
        # keep visitors' requests short are off unless the environment sets them.
        os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
