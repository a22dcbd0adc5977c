"""The test database's content, kept in memory and put back: what a test that flushes the
database (transactional_db, live_server) is given to start from, what the others get back after
it, and the demo content loaded once per test process (conftest's demo_content).

Django's own tool (`serialized_rollback`) loads its copy before such a test, not after it, and
takes it before our site tree exists; these functions use the same serializer. The serializer
leaves out the search vectors (`serialize=False`): they are copied as PostgreSQL's text for them,
so that what visitors search reads the same after a restore."""

import json

from django.apps import apps
from django.contrib.postgres.search import SearchVectorField
from django.core.management import call_command
from django.db import connection


def snapshot():
    """Every row of the test database, content types and permissions first: loading a page
    looks up its content type, and would create a second one if it were not there yet."""
    objects = json.loads(connection.creation.serialize_db_to_string())
    first = ("contenttypes.contenttype", "auth.permission")
    objects.sort(key=lambda obj: obj["model"] not in first)
    return {"rows": json.dumps(objects), "vectors": _vectors()}


def restore(state):
    """Empty the database and load `state`. Django's flush would re-create content types and
    permissions with new ids (post_migrate): not here. Sequences keep counting, so rows made
    later never take an id of the copy."""
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    connection.creation.deserialize_db_from_string(state["rows"])
    with connection.cursor() as cursor:
        for (table, pk, column), rows in state["vectors"].items():
            cursor.executemany(
                f'UPDATE "{table}" SET "{column}" = %s::tsvector WHERE "{pk}" = %s', rows
            )


def _vector_columns():
    for model in apps.get_models():
        for field in model._meta.local_fields:
            if isinstance(field, SearchVectorField):
                yield model._meta.db_table, model._meta.pk.column, field.column


def _vectors():
    if connection.vendor != "postgresql":
        return {}
    vectors = {}
    with connection.cursor() as cursor:
        for table, pk, column in _vector_columns():
            cursor.execute(
                f'SELECT "{column}"::text, "{pk}" FROM "{table}" WHERE "{column}" IS NOT NULL'
            )
            vectors[(table, pk, column)] = cursor.fetchall()
    return vectors
