from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect
from typer.testing import CliRunner

from archive.store.engine import display_name, head_revision
from tests.conftest import invoke, sql


def test_upgrade_creates_then_reports_up_to_date(cli: CliRunner, database_url: str) -> None:
    database_path = display_name(database_url)
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
        1,
        "Error: none.db does not exist - run 'archive db upgrade' to create it\n",
    )


def test_commands_refuse_a_newer_schema(cli: CliRunner, database_url: str) -> None:
    invoke(cli, "db", "upgrade")
    sql(database_url, "UPDATE alembic_version SET version_num = '9999'")
    message = (
        f"Error: {display_name(database_url)} has schema 9999, "
        f"newer than this version's {head_revision()} "
        "- install a newer version of archive\n"
    )
    for command in (["search"], ["import", "."], ["db", "upgrade"]):
        result = invoke(cli, *command)
        assert (result.exit_code, result.output) == (1, message), command


def test_upgrade_refuses_other_databases(cli: CliRunner, database_url: str) -> None:
    sql(database_url, "CREATE TABLE notes (x integer)")
    result = invoke(cli, "db", "upgrade")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {display_name(database_url)} is not an archive database (it has other tables)\n",
    )
    engine = create_engine(database_url)
    assert inspect(engine).get_table_names() == ["notes"]
    engine.dispose()


@pytest.mark.sqlite
def test_check_finds_a_drifted_index_and_reindex_repairs_it(
    cli: CliRunner, seeded: Engine, database_path: Path
) -> None:
    result = invoke(cli, "db", "check")
    assert (result.exit_code, result.output) == (
        0,
        f"{database_path} is sound: the database and its full-text index check out.\n",
    )
    connection = sqlite3.connect(database_path)
    # Changes made behind the triggers' back: an index entry lost, a row added unindexed.
    connection.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, body) "
        "SELECT 'delete', id, title, body FROM documents WHERE id = 1"
    )
    connection.execute("DROP TRIGGER documents_fts_insert")
    connection.execute(
        "INSERT INTO documents (published, date_precision, title, title_derived, body, "
        "word_count, encoding, text_sha256, original_sha256, original, created_at, updated_at) "
        "VALUES ('2024-01-01', 'day', 'Unindexed', 0, 'zebra', 1, 'utf-8', 'a', 'b', x'00', "
        "'2024-01-01', '2024-01-01')"
    )
    connection.commit()
    connection.close()
    result = invoke(cli, "db", "check")
    assert (result.exit_code, result.output) == (
        1,
        "Error: the full-text index lacks 2 documents and has 0 that no longer exist - "
        "run 'archive db reindex'\n",
    )
    assert invoke(cli, "search", "zebra", "--count").output == "0\n"
    result = invoke(cli, "db", "reindex")
    assert (result.exit_code, result.output) == (
        0,
        "Rebuilt the full-text index of 29 documents.\n",
    )
    assert invoke(cli, "db", "check").exit_code == 0
    assert invoke(cli, "search", "zebra", "--count").output == "1\n"
    assert invoke(cli, "search", "ultimatum", "--format", "ids").output == "1\n"


def test_reindex_keeps_the_folding(cli: CliRunner, seeded: Engine) -> None:
    before = invoke(cli, "search", "прошел", "--format", "ids").output
    assert before == "6\n"
    invoke(cli, "db", "reindex")
    assert invoke(cli, "search", "прошел", "--format", "ids").output == before


def test_optimize(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "db", "optimize")
    assert (result.exit_code, result.output) == (0, "Optimized the full-text index.\n")
    assert invoke(cli, "search", "ultimatum", "--format", "ids").output == "1\n"


@pytest.mark.sqlite
def test_check_reports_a_damaged_file(cli: CliRunner, seeded: Engine, database_path: Path) -> None:
    seeded.dispose()
    data = bytearray(database_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Break the headers of every b-tree page after the schema's.
    for page in range(1, len(data) // page_size):
        data[page * page_size : page * page_size + 8] = b"\x07" * 8
    database_path.write_bytes(bytes(data))
    result = invoke(cli, "db", "check")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output
