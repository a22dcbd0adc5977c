"""Updating many rows at once, each with its own values. Django's `bulk_update` writes one
`CASE WHEN pk = … THEN …` per row and column: for 500 rows and six columns, building that
expression costs more than the database takes to run it. On PostgreSQL, `update_rows` sends
the values as one table (`UPDATE … FROM (VALUES …)`); elsewhere it is Django's `bulk_update`."""

from django.db import connections

BATCH = 500


def update_rows(model, objects, fields, batch_size=BATCH, using="default"):
    """Writes `fields` of `objects` (saved instances of `model`) to their rows, as
    `model.objects.bulk_update(objects, fields)` does (no signals, no `save()`). The fields
    may belong to a parent model's table (a page's `latest_revision`), not to several."""
    objects = list(objects)
    if not objects:
        return
    connection = connections[using]
    if connection.vendor != "postgresql":
        model._base_manager.using(using).bulk_update(objects, fields, batch_size=batch_size)
        return
    columns = [model._meta.get_field(name) for name in fields]
    owner = columns[0].model._meta.concrete_model._meta
    if any(
        column.model._meta.concrete_model._meta.db_table != owner.db_table for column in columns
    ):
        raise ValueError("update_rows writes the columns of one table at a time")
    quote = connection.ops.quote_name
    pk = owner.pk
    names = ["pk", *(f"c{number}" for number in range(len(columns)))]
    # Values travel as text (client-side binding quotes them) and are cast back to each
    # column's type; None stays NULL.
    assignments = ", ".join(
        f"{quote(column.column)} = v.c{number}::{column.db_type(connection)}"
        for number, column in enumerate(columns)
    )
    for start in range(0, len(objects), batch_size):
        batch = objects[start : start + batch_size]
        params = []
        for obj in batch:
            params.append(pk.get_db_prep_value(obj.pk, connection))
            params.extend(
                column.get_db_prep_save(getattr(obj, column.attname), connection)
                for column in columns
            )
        row = "(" + ", ".join(["%s"] * len(names)) + ")"
        sql = (
            f"UPDATE {quote(owner.db_table)} SET {assignments} "  # noqa: S608 (names only)
            f"FROM (VALUES {', '.join([row] * len(batch))}) AS v({', '.join(names)}) "
            f"WHERE {quote(owner.db_table)}.{quote(pk.column)} = v.pk::{pk.db_type(connection)}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
