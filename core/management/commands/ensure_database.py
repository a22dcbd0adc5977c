"""`manage.py ensure_database`: create the PostgreSQL database DATABASE_URL names when it does
not exist yet, so `make serve` works on a fresh machine. Nothing to do on SQLite (the file is
created on first use). The role needs the CREATEDB right; otherwise create it by hand."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Create the PostgreSQL database of DATABASE_URL if it does not exist."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            return
        import psycopg
        from psycopg import sql

        params = connection.get_connection_params()
        name = params.pop("dbname")
        try:
            with psycopg.connect(**params, dbname="postgres", autocommit=True) as admin:
                exists = admin.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if not exists:
                    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    self.stdout.write(f"Created the database {name}.")
        except psycopg.Error as error:
            raise CommandError(f"Cannot create the database {name}: {error}") from error
