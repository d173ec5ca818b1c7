"""archive serve in a real browser: headless Chromium, driven as a reader would click."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.conftest import ROOT, SEED_TITLE

pytestmark = pytest.mark.sqlite

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(os.environ.get("ARCHIVE_TEST_ARTIFACTS", ROOT / "test-artifacts"))
"""Where the screenshots go; CI keeps the folder."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(seeded: Engine, database_path: Path) -> Iterator[str]:
    """The address of 'archive serve' on the imported seeds, stopped after the test."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import main; main()", "--db",
         str(database_path), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert process.stderr is not None
    line = process.stderr.readline()
    try:
        assert line.startswith("Serving "), line
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def browser() -> Iterator[Any]:
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("no browser: install Debian's chromium and chromium-driver (.ci/run does)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1200,1000"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def test_a_reader_searches_reads_an_article_and_filters_by_source(
    served: str, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    browser.get(served + "/")
    assert "News archive" in browser.title
    browser.find_element(By.LINK_TEXT, "the search").click()

    browser.find_element(By.NAME, "q").send_keys("ultimatum")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    results = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(results) == 1
    assert SEED_TITLE in results[0].text
    results[0].find_element(By.CSS_SELECTOR, "td.col-id a").click()

    assert browser.find_element(By.TAG_NAME, "h1").text == SEED_TITLE
    assert "Most moves by the West" in browser.find_element(By.CLASS_NAME, "body").text
    browser.save_screenshot(str(ARTIFACTS / "article.png"))

    browser.get(served + "/archive/articles")
    facet = browser.find_element(By.CSS_SELECTOR, ".facet-info[data-column=source]")
    facet.find_element(By.LINK_TEXT, "sputnikglobe.com").click()
    assert "source=sputnikglobe.com" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(rows) == 1 and SEED_TITLE in rows[0].text
    browser.save_screenshot(str(ARTIFACTS / "facet.png"))
    assert time.monotonic() - started < 60
