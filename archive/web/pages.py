"""The pages that Datasette has no view for: an article, its original file, the chart.

Each reads through the archive's own functions, on a read-only engine per database file.
"""

from __future__ import annotations

import asyncio
import codecs
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup
from sqlalchemy import Connection, Engine

from archive.errors import ArchiveError, DocumentNotFound
from archive.search.documents import DocumentDetail, get_document, get_original
from archive.search.filters import Filters
from archive.search.plots import plot_counts
from archive.search.stats import PERIODS, Period, count_by_period
from archive.store.engine import open_database

Result = TypeVar("Result")


def served_database(datasette: Any) -> str | None:
    """The name of the archive that ``datasette`` serves (the metadata's
    ``plugins.archive.database``); None for a Datasette that serves none."""
    name = (datasette.plugin_config("archive") or {}).get("database")
    return name if isinstance(name, str) else None


@cache
def _engine(path: str) -> Engine:
    return open_database(f"sqlite:///{path}", read_only=True)


async def _read(datasette: Any, read: Callable[[Connection], Result]) -> Result:
    """``read`` on a connection to the served archive, in a thread of its own."""
    engine = _engine(str(datasette.get_database(served_database(datasette)).path))

    def run() -> Result:
        with engine.connect() as connection:
            return read(connection)

    return await asyncio.get_running_loop().run_in_executor(None, run)


async def _document(datasette: Any, request: Any) -> DocumentDetail:
    number = int(request.url_vars["id"])
    try:
        return await _read(datasette, lambda connection: get_document(connection, number))
    except DocumentNotFound:
        raise NotFound(f"There is no article {number}.") from None


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs, as the cleaned text separates them."""
    return [paragraph for paragraph in body.split("\n") if paragraph.strip()]


def _web_link(url: str | None) -> str | None:
    """``url`` when it is safe to link to: http or https only."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


async def article(datasette: Any, request: Any) -> Response:
    """An article to read: its text, where and when it was published, its flags and versions."""
    detail = await _document(datasette, request)
    context = {
        "article": detail.as_dict(),
        "paragraphs": paragraphs(detail.body),
        "link": _web_link(detail.summary.url),
        "database": served_database(datasette),
    }
    html = await datasette.render_template("archive_article.html", context, request=request)
    return Response.html(html)


async def original(datasette: Any, request: Any) -> Response:
    """The file as imported: as text in its encoding, or its bytes with ``?download``."""
    detail = await _document(datasette, request)
    data = await _read(datasette, lambda connection: get_original(connection, detail.summary.id))
    if "download" in request.args:
        return Response(
            data,
            content_type="application/octet-stream",
            headers={"content-disposition": f'attachment; filename="{detail.summary.id}.txt"'},
        )
    try:
        encoding = codecs.lookup(detail.encoding).name
    except LookupError:
        encoding = "utf-8"
    return Response.text(data.decode(encoding, errors="replace"))


async def chart(datasette: Any, request: Any) -> Response:
    """Articles per period and source, as ``archive stats --plot`` draws them."""
    by = request.args.get("by", "month")
    if by not in PERIODS:
        by = "month"
    period: Period = by
    counts = await _read(
        datasette, lambda connection: count_by_period(connection, Filters(), by=period)
    )
    svg = ""
    if counts.rows:
        try:
            svg = plot_counts(counts.rows, period, "svg").decode()
        except ArchiveError as error:
            svg = f"<p>{Markup.escape(str(error))}</p>"
        svg = svg[svg.index("<svg") :] if "<svg" in svg else svg
    context = {"svg": Markup(svg), "by": period, "periods": PERIODS, "rows": len(counts.rows)}
    html = await datasette.render_template("archive_chart.html", context, request=request)
    return Response.html(html)
