"""Alembic environment: runs on the connection the archive hands it, or on alembic.ini's URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from archive.store.engine import make_engine
from archive.store.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave alone what the models do not declare: the full-text index's tables and indexes."""
    return not (reflected and compare_to is None and type_ in ("table", "index"))


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
elif (connection := config.attributes.get("connection")) is not None:
    run_on(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    assert url, "set sqlalchemy.url in alembic.ini"
    with make_engine(url).connect() as own_connection:
        run_on(own_connection)
