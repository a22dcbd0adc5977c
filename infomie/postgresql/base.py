"""Django's PostgreSQL backend, with a limit on how long a query waits for the server.

PostgreSQL's statement_timeout (DATABASES' OPTIONS) cancels a slow query, but only a server
that answers can cancel anything: one that hangs (frozen, or its host gone quiet behind a
TCP connection that stays open) would keep a worker waiting forever on a connection kept
between requests. Here psycopg waits for an answer at most DATABASE_ANSWER_TIMEOUT seconds
(`Connection.wait`'s timeout, public since psycopg 3.2), and the health check of a kept
connection (its `SELECT 1` at the start of a request) no longer than it would take to
connect; then the connection is closed and an OperationalError raised: the visitor gets the
503 page and the next request connects again (within connect_timeout)."""

import psycopg

from django.conf import settings
from django.db.backends.postgresql import base

ACTIVE = psycopg.pq.TransactionStatus.ACTIVE


class Connection(psycopg.Connection):
    answer_timeout = None  # seconds; None: DATABASE_ANSWER_TIMEOUT

    def wait(self, gen, interval=0.1, timeout=None):
        if timeout is None:
            timeout = self.answer_timeout or getattr(settings, "DATABASE_ANSWER_TIMEOUT", 0)
        try:
            return super().wait(gen, interval=interval, timeout=timeout or None)
        except psycopg.OperationalError:
            # No answer while a query runs: the connection cannot be used again.
            if not self.closed and self.pgconn.transaction_status == ACTIVE:
                self.close()
            raise


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.__class__ = Connection
        return connection

    def is_usable(self):
        if self.connection is None:
            return False
        self.connection.answer_timeout = getattr(settings, "DATABASE_CONNECT_TIMEOUT", 0)
        try:
            return super().is_usable()
        finally:
            self.connection.answer_timeout = None
