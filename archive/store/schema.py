"""Creating a new archive's schema at once, from the tables, without running every migration.

A new archive gets the tables of :mod:`archive.store.tables`, the objects
that SQLAlchemy does not declare (the ``articles`` view, the full-text index
and the triggers that keep it and ``document_counts`` up to date: each
backend's ``schema``) and the Alembic stamp of the newest migration, in one
transaction. The migrations
stay the history for archives made by earlier versions; a test checks that
both ways give the same schema.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from archive.backends import backend_for
from archive.store.tables import metadata

SCHEMA_REVISION = "0010"
"""The newest migration in migrations/versions; a test keeps the two equal.

Knowing it here lets every command check the schema without loading Alembic.
"""


def create_schema(connection: Connection) -> None:
    """Create this version's whole schema in an empty database and stamp it.

    The caller's transaction covers it all, so a failure leaves the database empty.
    """
    metadata.create_all(connection, checkfirst=False)
    for statement in backend_for(connection).schema:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    connection.execute(
        text("INSERT INTO alembic_version (version_num) VALUES (:revision)"),
        {"revision": SCHEMA_REVISION},
    )
