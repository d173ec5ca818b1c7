"""archive serve on the command line: its errors, its warning, and serving during an import."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.conftest import SEEDS, invoke
from tests.test_browser import free_port

pytestmark = pytest.mark.sqlite

COUNT = "select+count(*)+as+n+from+documents"
WITHOUT_DATASETTE = (
    "import sys; sys.modules['datasette'] = None; sys.modules['datasette.app'] = None; "
    "from archive.cli import main; main()"
)


def start(database: Path, *args: str, code: str = "from archive.cli import main; main()"):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-c", code, "--db", str(database), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def stopped() -> Iterator[list[subprocess.Popen[str]]]:
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def test_without_the_web_extra_serve_says_what_to_install(
    seeded: Engine, database_path: Path
) -> None:
    process = start(database_path, "serve", code=WITHOUT_DATASETTE)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert stderr == (
        "Error: serving needs Datasette - install it with: pip install 'news-archive[web]'\n"
    )


def test_serve_refuses_what_it_cannot_serve(cli: CliRunner, tmp_path: Path) -> None:
    result = invoke(cli, "--db", str(tmp_path / "missing.db"), "serve")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'missing.db'} does not exist")
    result = invoke(cli, "--db", "postgresql+psycopg://127.0.0.1/test", "serve")
    assert (result.exit_code, result.output) == (
        2,
        "Error: serve needs a SQLite file - copy the archive into one with "
        "'archive db transfer FILE.db' and serve that with --db FILE.db\n",
    )


def test_a_port_in_use_is_one_error_line(cli: CliRunner, seeded: Engine) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = invoke(cli, "serve", "--port", str(port))
    assert (result.exit_code, result.output) == (
        2,
        f"Error: port {port} on 127.0.0.1 is in use - choose another with --port\n",
    )


def test_serve_is_local_with_sql_and_warns_on_another_host_without_it(
    seeded: Engine, database_path: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    port = free_port()
    local = start(database_path, "serve", "--port", str(port))
    stopped.append(local)
    assert local.stderr is not None
    line = local.stderr.readline()
    assert line == (
        f"Serving {database_path} at http://127.0.0.1:{port}/archive - press Ctrl-C to stop.\n"
    )
    assert get(f"http://127.0.0.1:{port}/archive.json?sql=select+1")[0] == 200

    other = free_port()
    network = start(database_path, "serve", "--host", "0.0.0.0", "--port", str(other))
    stopped.append(network)
    assert network.stderr is not None
    assert network.stderr.readline() == (
        "Warning: listening on 0.0.0.0: the archive is visible on the network; "
        "arbitrary SQL is off (--allow-sql turns it on).\n"
    )
    assert network.stderr.readline().startswith(f"Serving {database_path} at http://0.0.0.0:")
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(f"http://127.0.0.1:{other}/archive.json?sql=select+1")
    assert refused.value.code == 403
    assert get(f"http://127.0.0.1:{other}/archive/search.json?q=harbour")[0] == 200


def test_ctrl_c_stops_the_server_quietly(seeded: Engine, database_path: Path) -> None:
    import signal

    process = start(database_path, "serve", "--port", str(free_port()))
    assert process.stderr is not None
    assert process.stderr.readline().startswith("Serving ")
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr) == (0, "Stopped.\n")


@pytest.mark.slow
def test_pages_answer_while_an_import_writes_the_same_file(
    tmp_path: Path, database_path: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = "The harbour council met again on Tuesday to discuss the repairs. " * 20
    for number in range(3000):
        (corpus / f"{number:05d}.txt").write_text(
            f" date 2024-{number % 12 + 1:02d}-01 https://news{number % 5}.example/{number}\n"
            f"Harbour story {number}\n{story} Number {number}.\n"
        )
    assert (
        subprocess.run(
            [sys.executable, "-m", "archive", "--db", str(database_path), "import", str(SEEDS)],
            capture_output=True,
        ).returncode
        == 0
    )
    port = free_port()
    server = start(database_path, "serve", "--port", str(port))
    stopped.append(server)
    assert server.stderr is not None and server.stderr.readline().startswith("Serving ")
    importing = start(database_path, "import", str(corpus), "--batch-size", "50")
    stopped.append(importing)
    seen = []
    while importing.poll() is None:
        for path in ("/archive/articles.json?_size=1&_shape=objects", "/archive/search?q=harbour",
                     "/-/article/1", "/-/chart"):  # fmt: skip
            status, _ = get(f"http://127.0.0.1:{port}{path}")
            assert status == 200
        _, body = get(f"http://127.0.0.1:{port}/archive.json?sql={COUNT}&_shape=array")
        seen.append(json.loads(body)[0]["n"])
        time.sleep(0.05)
    assert importing.returncode == 0
    assert seen == sorted(seen) and len(seen) > 1
    _, body = get(f"http://127.0.0.1:{port}/archive/articles.json?_size=0")
    assert json.loads(body)["filtered_table_rows_count"] == 28 + 3000


def test_open_opens_the_archive_in_the_browser_once_it_answers(
    seeded: Engine, database_path: Path, tmp_path: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    opened = tmp_path / "opened.txt"
    browser = f"{sys.executable} -c 'import sys; open(sys.argv[1], \"w\").write(sys.argv[2])'"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "archive", "--db", str(database_path), "serve", "--open",
         "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BROWSER": f"{browser} {opened} %s"},
    )  # fmt: skip
    stopped.append(process)
    assert process.stderr is not None
    assert process.stderr.readline().startswith("Serving ")
    deadline = time.monotonic() + 20
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.1)
    assert opened.read_text() == f"http://127.0.0.1:{port}/archive"
