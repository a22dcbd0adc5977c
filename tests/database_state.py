"""The test database's content, kept in memory and put back: what a test that flushes the
database (transactional_db, live_server) is given to start from, what the others get back after
it, and the demo content loaded once per test process (conftest's demo_content).

Django's own tool (`serialized_rollback`) loads its copy before such a test, not after it, and
takes it before our site tree exists.

On PostgreSQL every table is copied out and back with COPY in PostgreSQL's binary format: every
column as it was, search vectors included, in a fraction of a second (rebuilding the demo's
objects through Django's serializer took 3.5 s a test, on each of about 150 tests). Foreign
keys are checked at commit (Django creates them deferrable), so the order of the tables does
not matter. SQLite (`make test` without DATABASE_URL) goes through Django's serializer."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction


def snapshot():
    """Every row of every table of the project's models."""
    if connection.vendor == "postgresql":
        copies = {}
        with transaction.atomic(), connection.cursor() as cursor:
            for table in _tables():
                with cursor.cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT BINARY)') as copy:
                    copies[table] = b"".join(bytes(block) for block in copy)
        return copies
    # Content types and permissions first: loading a page looks up its content type, and
    # would create a second one if it were not there yet.
    objects = json.loads(connection.creation.serialize_db_to_string())
    first = ("contenttypes.contenttype", "auth.permission")
    objects.sort(key=lambda obj: obj["model"] not in first)
    return json.dumps(objects)


def restore(state):
    """Empty the database and load `state`. Sequences keep counting, so rows made later never
    take an id of the copy; content types and permissions keep their ids."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in state))
            for table, rows in state.items():
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT BINARY)') as copy:
                    copy.write(rows)
    else:
        # Not Django's flush with its post_migrate: it would make content types and
        # permissions again, with new ids.
        call_command(
            "flush",
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,
            verbosity=0,
        )
        connection.creation.deserialize_db_from_string(state)
    # A flush before (pytest-django's, with post_migrate) made content types with other ids,
    # which Django keeps in memory.
    ContentType.objects.clear_cache()


def _tables():
    # What Django's flush empties: the tables of installed models, many-to-many ones included.
    return sorted(connection.introspection.django_table_names(only_existing=True))
