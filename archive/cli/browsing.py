"""archive search and archive show: find articles and read one."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from archive.escapes import escape_controls, escape_lines
from archive.limits import RANK_CANDIDATES

from .app import app, reading
from .formats.table import UNKNOWN_LABEL
from .options import (
    ArticleFormatOption,
    LimitOption,
    OffsetOption,
    filters_from_options,
    limit_option,
    offset_option,
)
from .output import emit, render

if TYPE_CHECKING:
    from archive.search.documents import DocumentDetail

SEARCH_COLUMNS = [
    ("id", "id"),
    ("published", "published"),
    ("source", "source"),
    ("word_count", "words"),
    ("title", "title"),
]

TEXT_SEARCH_COLUMNS = [
    ("id", "id"),
    ("published", "published"),
    ("source", "source"),
    ("title", "title"),
    ("snippet", "snippet"),
]


def _with_size(columns: list[tuple[str, str]], collapse: bool) -> list[tuple[str, str]]:
    """The table's columns, with the cluster's size after the id when collapsed."""
    return [columns[0], ("cluster_size", "copies"), *columns[1:]] if collapse else columns


QueryArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="QUERY",
        help='Words, "phrases", prefix*, OR, -excluded, title:word.',
        show_default=False,
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help="First date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.",
        show_default=False,
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="DATE",
        help="Last date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD (2024-06 ends on 06-30).",
        show_default=False,
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        metavar="DOMAIN",
        help="Source domain; rt.com also matches its subdomains; 'unknown' for none. Repeatable.",
        show_default=False,
    ),
]

LanguageOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        metavar="CODE",
        help="Language of the article: en, ru, de, ... Repeatable.",
        show_default=False,
    ),
]


class Sort(StrEnum):
    relevance = "relevance"
    newest = "newest"
    oldest = "oldest"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"
    original = "original"


SHOWN_TOTAL = 10_000
"""The table's footer counts matches up to this many, and says 'at least' beyond."""


@app.command()
def search(
    ctx: typer.Context,
    query: QueryArgument = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: SourceOption = None,
    language: LanguageOption = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    sort: Annotated[
        Sort | None,
        typer.Option(
            metavar="relevance|newest|oldest",
            help="Order of the results [default: relevance with a QUERY, else newest].",
            show_default=False,
        ),
    ] = None,
    output_format: ArticleFormatOption = "table",
    count: Annotated[
        bool, typer.Option("--count", help="Print only the number of matching articles.")
    ] = False,
    exact: Annotated[
        bool,
        typer.Option(
            "--exact",
            help=f"Rank every match by relevance. Without it, a query that matches more "
            f"than {RANK_CANDIDATES:,} articles ranks the {RANK_CANDIDATES:,} most recently "
            "imported of them, which is much faster.",
        ),
    ] = False,
    collapse: Annotated[
        bool,
        typer.Option(
            "--collapse",
            help="Show one article per cluster of near-duplicates (see 'archive dupes'), "
            "with the size of its cluster.",
        ),
    ] = False,
) -> None:
    """Find articles by words and phrases, dates and sources.

    QUERY: words (all must match), "exact phrases", prefix*, OR between two
    terms, -excluded, and title:word. Anything else is taken literally.

    JSON, JSON Lines and CSV always have the fields id, published,
    date_precision, source, host, url, title, word_count, rank, snippet and
    cluster_size. With a QUERY every result has a snippet; rank is set only
    when sorted by relevance, and null when sorted by date. Without a QUERY
    both are null. cluster_size is set only with --collapse.
    """
    from archive.search.articles import SUMMARY_FIELDS, count_documents, search_documents

    limit, offset = limit_option(limit), offset_option(offset)
    filters = filters_from_options(date_from, date_to, source, query, language)
    with reading(ctx) as connection:
        if count:
            emit(str(count_documents(connection, filters, collapse=collapse)))
            return
        results = search_documents(
            connection,
            filters,
            sort=sort.value if sort else None,
            limit=limit,
            offset=offset,
            exact=exact,
            collapse=collapse,
        )
        # Counted only as far as the table's footer needs: a common word matches millions.
        cap = max(SHOWN_TOTAL, offset + len(results) + 1)
        total = (
            count_documents(connection, filters, cap=cap, collapse=collapse)
            if output_format == "table" and len(results) == limit
            else None
        )
    rows = [result.as_dict() for result in results]
    if output_format == "table" and not rows:
        typer.echo("No articles match.", err=True)
        return
    if output_format == "table" and filters.text is not None:
        for row, result in zip(rows, results, strict=True):
            row["snippet"] = result.snippet  # with its markers, which a terminal shows in bold
        emit(render(rows, "table", _with_size(TEXT_SEARCH_COLUMNS, collapse)))
    else:
        emit(render(rows, output_format, _with_size(SEARCH_COLUMNS, collapse), SUMMARY_FIELDS))
    if total is not None and total > offset + len(rows):
        of = f"at least {total:,}" if total == cap else f"{total:,}"
        typer.echo(
            f"Showing {offset + 1}-{offset + len(rows)} of {of}; "
            f"see more with --offset {offset + len(rows)} or --limit",
            err=True,
        )


@app.command()
def show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID|URL", help="Document id or URL.")],
    output_format: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            metavar="text|json|original",
            help="Output format; original writes the file's exact bytes.",
        ),
    ] = ShowFormat.text,
    version: Annotated[
        int | None,
        typer.Option(
            "--version",
            metavar="N",
            help="Show version N instead, as 'archive history' numbers them (1: the oldest).",
        ),
    ] = None,
) -> None:
    """Show one article with its metadata, by id or by URL."""
    from archive.search.documents import get_document, get_original

    if version is not None:
        show_version(ctx, reference, version, output_format)
        return
    with reading(ctx) as connection:
        if output_format is ShowFormat.original:
            stdout = typer.get_binary_stream("stdout")
            stdout.write(get_original(connection, reference))
            stdout.flush()
            return
        document = get_document(connection, reference)
    if output_format is ShowFormat.json:
        emit(json.dumps(document.as_dict(), ensure_ascii=False, indent=2))
    else:
        emit(render_document(document))


def show_version(ctx: typer.Context, reference: str, number: int, output_format: str) -> None:
    """``archive show --version N``: one earlier text, or the current one, with its facts."""
    from archive.search.history import check_version as checked
    from archive.search.history import get_history, get_version_original

    with reading(ctx) as connection:
        if output_format == ShowFormat.original:
            stdout = typer.get_binary_stream("stdout")
            stdout.write(get_version_original(connection, reference, number))
            stdout.flush()
            return
        versions = get_history(connection, reference)
    version = versions[checked(number, len(versions), reference) - 1]
    if output_format == ShowFormat.json:
        record = {"id": version.document_id, "of": len(versions), **version.as_dict()}
        emit(json.dumps({**record, "body": version.body}, ensure_ascii=False, indent=2))
        return
    current = (
        "the current text" if version.current else f"the current text is version {len(versions)}"
    )
    fields = [
        ("id", str(version.document_id)),
        ("version", f"{version.number} of {len(versions)} ({current})"),
        ("stored", version.stored_at.strftime("%Y-%m-%d %H:%M:%S")),
        ("published", version.published),
        ("words", str(version.word_count)),
        ("sha256", version.text_sha256),
        ("file", version.file),
    ]
    emit(render_text(version.title, fields, version.body))


def render_document(document: DocumentDetail) -> str:
    """An article as text: title, metadata lines, then the body."""
    summary = document.summary
    fields = [
        ("id", str(summary.id)),
        (
            "published",
            summary.published
            + ("" if document.date_source == "header" else f" (from the {document.date_source})"),
        ),
        ("source", summary.source or UNKNOWN_LABEL),
        ("host", summary.host),
        ("url", summary.url),
        ("label", document.label),
        ("title", "derived from the first sentence" if document.title_derived else None),
        ("url date", document.url_date),
        ("site id", document.site_article_id),
        ("language", document.language),
        ("words", str(summary.word_count)),
        ("encoding", document.encoding),
        ("flags", ", ".join(document.flags) or None),
        ("cleaning", document.cleaning),
        ("versions", f"{len(document.versions)} earlier" if document.versions else None),
        ("files", ", ".join(document.files) or None),
    ]
    return render_text(summary.title, fields, document.body)


def render_text(title: str, fields: list[tuple[str, str | None]], body: str) -> str:
    """An article as ``show`` prints it: the title, a line for each field that has a value,
    then the body; control characters escaped."""
    lines = [escape_controls(title), ""]
    lines += [f"{name + ':':<11}{escape_controls(value)}" for name, value in fields if value]
    return "\n".join([*lines, "", escape_lines(body)])
