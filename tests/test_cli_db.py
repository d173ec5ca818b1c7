from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from archive.db import head_revision
from tests.conftest import invoke


def test_upgrade_creates_then_reports_up_to_date(cli: CliRunner, database_path: Path) -> None:
    head = head_revision()
    result = invoke(cli, "db", "upgrade")
    assert (result.exit_code, result.output) == (
        0,
        f"{database_path} upgraded from schema none to {head}.\n",
    )
    result = invoke(cli, "db", "upgrade")
    assert result.output == f"{database_path} is already at schema {head}.\n"
    result = invoke(cli, "db", "current")
    assert (result.exit_code, result.output) == (
        0,
        f"{database_path}: schema {head} (this version expects {head}; up to date)\n",
    )


def test_current_of_a_missing_database(cli: CliRunner) -> None:
    result = invoke(cli, "--db", "none.db", "db", "current")
    assert (result.exit_code, result.output) == (
        2,
        "Error: none.db does not exist - run 'archive db upgrade' to create it\n",
    )


def test_commands_refuse_a_newer_schema(cli: CliRunner, database_path: Path) -> None:
    invoke(cli, "db", "upgrade")
    connection = sqlite3.connect(database_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    message = (
        f"Error: {database_path} has schema 9999, newer than this version's {head_revision()} "
        "- install a newer version of archive\n"
    )
    for command in (["search"], ["import", "."], ["db", "upgrade"]):
        result = invoke(cli, *command)
        assert (result.exit_code, result.output) == (1, message), command


def test_upgrade_refuses_other_databases(cli: CliRunner, database_path: Path) -> None:
    sqlite3.connect(database_path).execute("CREATE TABLE notes (x)").connection.commit()
    result = invoke(cli, "db", "upgrade")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {database_path} is not an archive database (it has other tables)\n",
    )
    connection = sqlite3.connect(database_path)
    tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == [("notes",)]
