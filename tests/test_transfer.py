"""db transfer: a whole archive to another database and back, resumed, refused, verified."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from archive.errors import DatabaseError
from archive.store.engine import open_database
from archive.store.transfer import TABLES, fingerprint, transfer
from tests.conftest import SEEDS, invoke, run_import, sql, write


def exported(runner: CliRunner, url: str) -> str:
    """Every article as JSON lines, with its versions and original, as `export` writes it."""
    result = invoke(runner, "--db", url, "export", "--format", "jsonl", "-")
    assert result.exit_code == 0, result.output
    return result.stdout


def originals(url: str) -> list[tuple[int, bytes]]:
    rows = sql(
        url,
        "SELECT id, original FROM documents UNION ALL "
        "SELECT -id, original FROM document_versions ORDER BY 1",
    )
    return [(row[0], bytes(row[1])) for row in rows]


def test_a_transfer_copies_everything_and_the_copy_answers_alike(
    seeded: Engine, tmp_path: Path, cli: CliRunner
) -> None:
    source = str(seeded.url)
    target = tmp_path / "copy.db"
    summary = transfer(source, f"sqlite:///{target}")
    assert summary.rows == summary.copied
    assert summary.rows["documents"] == 28 and summary.rows["document_versions"] == 1
    assert not summary.resumed
    assert exported(cli, f"sqlite:///{target}") == exported(cli, source)
    assert originals(f"sqlite:///{target}") == originals(source)
    for command in (["stats", "--by", "month"], ["sources"], ["search", "harbour"]):
        ours = invoke(cli, "--db", source, *command)
        theirs = invoke(cli, "--db", str(target), *command)
        assert (theirs.exit_code, theirs.output) == (ours.exit_code, ours.output)
    # The copy is an archive like any other: new articles take new ids.
    copy = open_database(f"sqlite:///{target}")
    folder = tmp_path / "new"
    write(folder, "a.txt", " date 2024-07-01\nA New Headline\nA body that nobody has seen yet.")
    assert run_import(copy, folder).counts["imported"] == 1
    with copy.connect() as connection:
        assert connection.scalar(text("SELECT max(id) FROM documents")) == 29
    copy.dispose()


def test_an_interrupted_transfer_goes_on_where_it_stopped(seeded: Engine, tmp_path: Path) -> None:
    target = f"sqlite:///{tmp_path / 'copy.db'}"
    seen: list[tuple[str, int]] = []

    def stop_in_documents(table: str, done: int, total: int) -> None:
        seen.append((table, done))
        if table == "documents" and done >= 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        transfer(str(seeded.url), target, batch_size=5, on_progress=stop_in_documents)
    assert ("documents", 10) in seen
    summary = transfer(str(seeded.url), target, batch_size=5)
    assert summary.resumed
    assert summary.copied["sources"] == 0 and summary.copied["documents"] == 18
    again = transfer(str(seeded.url), target)
    assert not any(again.copied.values())
    with seeded.connect() as ours:
        expected = fingerprint(ours)
    copy = open_database(target)
    with copy.connect() as theirs:
        assert fingerprint(theirs) == expected
    copy.dispose()


def test_a_target_that_holds_another_archive_is_refused(seeded: Engine, tmp_path: Path) -> None:
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", create=True)
    run_import(other, SEEDS / "005_9c526837c3c2e092.txt")
    other.dispose()
    with pytest.raises(DatabaseError, match="already holds another archive"):
        transfer(str(seeded.url), f"sqlite:///{tmp_path / 'other.db'}")
    with pytest.raises(DatabaseError, match="is the archive itself"):
        transfer(str(seeded.url), str(seeded.url))


def test_a_refused_target_is_left_as_it_was(seeded: Engine, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    transfer(str(seeded.url), f"sqlite:///{target}")
    # The archive goes on (a new source), and the copy is then changed by hand.
    write(tmp_path / "new", "a.txt", " date 2024-07-01\nhttps://new.example/a\nA Headline\nA body.")
    run_import(seeded, tmp_path / "new")
    sql(f"sqlite:///{target}", "UPDATE import_items SET path = 'elsewhere' WHERE id = 31")
    copy = open_database(f"sqlite:///{target}")
    with copy.connect() as connection:
        before = fingerprint(connection)
    with pytest.raises(DatabaseError, match="holds another archive .its import_items differ"):
        transfer(str(seeded.url), f"sqlite:///{target}")
    with copy.connect() as connection:
        assert fingerprint(connection) == before
    copy.dispose()


def test_a_resumed_transfer_brings_changed_rows_up_to_date(seeded: Engine, tmp_path: Path) -> None:
    target = f"sqlite:///{tmp_path / 'copy.db'}"

    def stop_in_documents(table: str, done: int, total: int) -> None:
        if table == "documents" and done >= 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        transfer(str(seeded.url), target, batch_size=5, on_progress=stop_in_documents)
    # The run was copied while it ran; it has finished since, and documents have changed.
    with seeded.begin() as connection:
        connection.execute(text("UPDATE import_runs SET status = 'interrupted', skipped = 3"))
        connection.execute(text("UPDATE documents SET title = 'Retitled' WHERE id IN (2, 10)"))
    summary = transfer(str(seeded.url), target, batch_size=3)
    assert summary.resumed and summary.copied["documents"] == 18
    copy = open_database(target)
    with copy.connect() as connection:
        assert connection.execute(text("SELECT status, skipped FROM import_runs")).all() == [
            ("interrupted", 3)
        ]
        assert connection.execute(
            text("SELECT id FROM documents WHERE title = 'Retitled' ORDER BY id")
        ).all() == [(2,), (10,)]
    copy.dispose()


def test_a_copy_that_differs_from_its_source_is_an_error_naming_the_table(
    seeded: Engine, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    transfer(str(seeded.url), f"sqlite:///{target}")
    for change, table in [
        ("UPDATE import_items SET message = 'x' WHERE id = 3", "import_items"),
        ("UPDATE sources SET created_at = '2001-01-01 00:00:00' WHERE id = 1", "sources"),
    ]:
        copy = tmp_path / f"{table}.db"
        shutil.copy(target, copy)
        sql(f"sqlite:///{copy}", change)
        with pytest.raises(DatabaseError, match=f"does not match its source: {table} differ"):
            transfer(str(seeded.url), f"sqlite:///{copy}")


def test_the_command_reports_refuses_and_resumes(
    seeded: Engine, tmp_path: Path, cli: CliRunner
) -> None:
    source = str(seeded.url)
    result = invoke(cli, "--db", source, "db", "transfer", str(tmp_path / "copy.db"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Transferred ")
    assert result.stdout.endswith(
        "copy.db: 28 documents, 1 earlier version, 15 sources, 1 import run; the copy matches.\n"
    )
    result = invoke(cli, "--db", source, "db", "transfer", str(tmp_path / "copy.db"))
    assert result.exit_code == 0 and result.stdout.startswith("Nothing to copy")
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    open_database(empty, create=True).dispose()
    result = invoke(cli, "--db", empty, "db", "transfer", str(tmp_path / "empty-copy.db"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Transferred ") and ": 0 documents," in result.stdout
    for target, code, message in [
        (source, 1, "is the archive itself - name another database"),
        ("", 2, "name the new archive: a file path or a database URL"),
        (str(tmp_path / "no" / "x.db"), 1, "the folder"),
    ]:
        result = invoke(cli, "--db", source, "db", "transfer", target)
        assert result.exit_code == code
        assert result.output.startswith("Error: ") and message in result.output
        assert result.output.count("\n") == 1


@pytest.mark.postgres
def test_sqlite_to_postgres_and_back_gives_the_same_archive(
    seeded: Engine, tmp_path: Path, cli: CliRunner, pg_urls: Callable[[], str]
) -> None:
    source = str(seeded.url)
    # Stopped part way, the copy on the server can already take new rows.
    half = pg_urls()

    def stop_in_documents(table: str, done: int, total: int) -> None:
        if table == "documents" and done >= 14:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        transfer(source, half, batch_size=7, on_progress=stop_in_documents)
    engine = open_database(half)
    write(tmp_path / "one", "a.txt", " date 2024-07-01\nA New Headline\nA body nobody has seen.")
    assert run_import(engine, tmp_path / "one").counts["imported"] == 1
    engine.dispose()

    server = pg_urls()
    summary = transfer(source, server, batch_size=7)
    assert summary.rows["documents"] == 28
    back = tmp_path / "back.db"
    transfer(server, f"sqlite:///{back}", batch_size=7)
    assert exported(cli, server) == exported(cli, source)
    assert exported(cli, f"sqlite:///{back}") == exported(cli, source)
    assert originals(f"sqlite:///{back}") == originals(source)
    for command in (["stats", "--by", "month"], ["sources"]):
        ours = invoke(cli, "--db", source, *command)
        theirs = invoke(cli, "--db", server, *command)
        assert theirs.output == ours.output
    # The server's sequences go on after the copied ids.
    engine = open_database(server)
    folder = tmp_path / "new"
    write(folder, "a.txt", " date 2024-07-01\nA New Headline\nA body that nobody has seen yet.")
    assert run_import(engine, folder).counts["imported"] == 1
    with engine.connect() as connection:
        for table in TABLES:
            assert connection.scalar(text(f"SELECT count(DISTINCT id) FROM {table.name}")) == (
                connection.scalar(text(f"SELECT count(*) FROM {table.name}"))
            )
        assert connection.scalar(text("SELECT max(id) FROM documents")) == 29
    engine.dispose()
