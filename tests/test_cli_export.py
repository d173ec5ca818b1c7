from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.conftest import SEEDS, invoke


def test_export_originals_byte_for_byte(cli: CliRunner, seeded: Engine, tmp_path: Path) -> None:
    result = invoke(cli, "export", str(tmp_path / "out"), "--format", "original")
    assert (result.exit_code, result.stderr) == (0, f"Exported 28 articles to {tmp_path}/out.\n")
    exported = sorted((tmp_path / "out").iterdir())
    assert len(exported) == 28
    for path in exported:
        name = path.name.split("_", 1)[1]
        assert path.read_bytes() == (SEEDS / name).read_bytes(), name


def test_export_records_with_filters(cli: CliRunner, seeded: Engine, tmp_path: Path) -> None:
    target = tmp_path / "russian.jsonl"
    result = invoke(cli, "export", str(target), "--lang", "ru", "--from", "2022")
    assert (result.exit_code, result.stderr) == (0, f"Exported 2 articles to {target}.\n")
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [record["id"] for record in records] == [5, 28]
    assert {record["language"] for record in records} == {"ru"}
    result = invoke(cli, "export", "-", "ultimatum", "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["id"] == "1" and row["body"].startswith("Most moves by the West")


def test_export_refuses_to_overwrite_or_follow_symlinks(
    cli: CliRunner, seeded: Engine, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("keep me\n")
    result = invoke(cli, "export", str(target))
    assert (result.exit_code, result.output) == (
        2,
        f"Error: {target} exists - use --force to replace it\n",
    )
    assert target.read_text() == "keep me\n"
    assert invoke(cli, "export", str(target), "--force").exit_code == 0
    assert len(target.read_text().splitlines()) == 28

    secret = tmp_path / "secret.txt"
    secret.write_text("do not touch\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(secret)
    result = invoke(cli, "export", str(link), "--force")
    assert (result.exit_code, result.output) == (
        2,
        f"Error: {link} is a symlink; it is never written through - name another file\n",
    )
    assert secret.read_text() == "do not touch\n"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_export_original_needs_a_folder(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "export", "-", "--format", "original")
    assert (result.exit_code, result.output) == (
        2,
        "Error: --format original writes files: name a folder, not -\n",
    )
