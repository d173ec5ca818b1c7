"""Originals are kept byte for byte, whatever their encoding, and cleaning can be redone."""

from __future__ import annotations

import codecs
import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from archive.search.documents import get_original
from archive.store.maintenance import reclean
from archive.store.models import Document
from tests.conftest import run_import, write
from tests.test_clean import SEED_CLEAN

WORDS = st.sampled_from(
    ["Министр", "заявил", "ёлка", "Straße", "café", "news", "talks", "Ukraine.", "said,", "3.5"]
)
counter = itertools.count()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=5
    ),  # fmt: skip
    variant=st.sampled_from(["utf-8", "utf-8-bom", "crlf", "cr", "cp1251", "koi8-r"]),
)
def test_any_file_comes_back_byte_for_byte(
    engine: Engine, tmp_path: Path, lines: list[str], variant: str
) -> None:
    text = f" date 2024-01-0{next(counter) % 9 + 1}\nЗаголовок статьи номер {next(counter)}\n"
    text += "\n".join(lines) + "\n"
    if variant in ("cp1251", "koi8-r"):
        text = text.replace("Straße", "Strasse").replace("café", "cafe")
        data = text.encode(variant)
    else:
        newline = {"crlf": "\r\n", "cr": "\r"}.get(variant, "\n")
        data = text.replace("\n", newline).encode("utf-8")
        if variant == "utf-8-bom":
            data = codecs.BOM_UTF8 + data
    path = write(tmp_path / "round", f"{next(counter)}.txt", data)
    summary = run_import(engine, path)
    assert summary.counts["rejected"] == 0
    with Session(engine) as session:
        document_id = session.scalar(select(Document.id).order_by(Document.id.desc()).limit(1))
        assert get_original(session, str(document_id)) == data


def test_reclean_repairs_old_text_from_the_originals(seeded: Engine) -> None:
    with Session(seeded) as session, session.begin():
        session.execute(
            update(Document)
            .where(Document.id == 1)
            .values(body="stale text", word_count=2, language=None, text_cleaned=False)
        )
    progress: list[tuple[int, int]] = []
    summary = reclean(
        seeded, batch_size=10, on_batch=lambda done, total: progress.append((done, total))
    )
    assert (summary.checked, summary.changed, summary.unreadable) == (29, 1, 0)
    assert progress[-1] == (29, 29) and len(progress) == 4
    with Session(seeded) as session:
        document = session.get(Document, 1)
        assert document is not None
        assert document.body == "\n".join(SEED_CLEAN)
        assert (document.word_count, document.language, document.text_cleaned) == (250, "en", True)
    again = reclean(seeded)
    assert (again.checked, again.changed) == (29, 0)
