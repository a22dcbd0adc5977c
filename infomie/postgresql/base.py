"""Django's PostgreSQL backend, with a limit on how long a query waits for the server.

PostgreSQL's statement_timeout (DATABASES' OPTIONS) cancels a slow query, but only a server
that answers can cancel anything: one that hangs (frozen, or its host gone quiet behind a
TCP connection that stays open) would keep a worker waiting forever on a connection kept
between requests. Here psycopg waits for an answer at most DATABASE_ANSWER_TIMEOUT seconds
(`Connection.wait`'s timeout, public since psycopg 3.2), then closes the connection and
raises an OperationalError: the visitor gets the 503 page and the next request connects
again (within connect_timeout)."""

import psycopg

from django.conf import settings
from django.db.backends.postgresql import base

ACTIVE = psycopg.pq.TransactionStatus.ACTIVE


class Connection(psycopg.Connection):
    def wait(self, gen, interval=0.1, timeout=None):
        if timeout is None:
            timeout = getattr(settings, "DATABASE_ANSWER_TIMEOUT", None) or None
        try:
            return super().wait(gen, interval=interval, timeout=timeout)
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
