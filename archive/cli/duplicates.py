"""archive dupes and archive db recluster: the same story, re-published by several outlets."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from archive.errors import ArchiveError, InvalidOption

from .app import app, database, reading
from .browsing import FromOption, LanguageOption, QueryArgument, SourceOption, ToOption
from .database import db_app
from .options import FormatOption, filters_from_options
from .output import emit, plural, render

ThresholdOption = Annotated[
    float | None,
    typer.Option(
        metavar="T",
        help="Estimated share of five-word phrases in common, above 0 and at most 1.",
    ),
]


@app.command(short_help="List clusters of near-duplicate articles: one story, re-published.")
def dupes(
    ctx: typer.Context,
    query: QueryArgument = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: SourceOption = None,
    language: LanguageOption = None,
    min_size: Annotated[
        int, typer.Option("--min-size", metavar="N", help="Clusters of at least N articles.")
    ] = 2,
    threshold: ThresholdOption = None,
    limit: Annotated[int, typer.Option(metavar="N", help="Show at most this many clusters.")] = 20,
    output_format: FormatOption = "table",
) -> None:
    """List clusters of articles that are the same text, re-published with small edits.

    Largest first; within a cluster, oldest first: the first is the likely
    original. Filters keep the clusters that hold at least one matching
    article. --threshold above the one the clusters were built with keeps
    only the articles at least that similar; 'archive db recluster' builds
    them with another. JSON Lines writes a cluster per line, {"cluster": N,
    "size": N, "ids": [...], "articles": [...]}; CSV, an article per row.
    """
    from archive.search.duplicates import CLUSTER_FIELDS, list_clusters
    from archive.store.clusters import check_threshold, waiting

    filters = filters_from_options(date_from, date_to, source, query, language)
    if limit < 1:
        raise InvalidOption(f"--limit {limit} would show no clusters - use --limit 1 or more")
    if threshold is not None:
        check_threshold(threshold)
    with reading(ctx) as connection:
        clusters = list_clusters(
            connection,
            filters,
            min_size=min_size,
            threshold=threshold,
            limit=limit,
        )
        left = waiting(connection)
    if left:
        typer.echo(
            f"Note: {plural(left, 'article')} not compared yet (an import was stopped); "
            "the next import compares them, or run 'archive db recluster'",
            err=True,
        )
    if output_format in ("json", "jsonl"):
        records = [cluster.as_dict() for cluster in clusters]
        if output_format == "json":
            emit(json.dumps(records, ensure_ascii=False, indent=2))
        else:
            emit("\n".join(json.dumps(record, ensure_ascii=False) for record in records))
        return
    if output_format == "table" and not clusters:
        typer.echo("No clusters match.", err=True)
        return
    rows = [row for cluster in clusters for row in cluster.rows()]
    if output_format == "table":
        for row in rows:
            row["similarity"] = f"{row['similarity']:.2f}"
    columns = [
        ("cluster", "cluster"),
        ("size", "size"),
        ("id", "id"),
        ("published", "published"),
        ("source", "source"),
        ("similarity", "similar"),
        ("title", "title"),
    ]
    emit(render(rows, output_format, columns, CLUSTER_FIELDS))


@db_app.command("recluster", short_help="Build the near-duplicate clusters again.")
def recluster_command(ctx: typer.Context, threshold: ThresholdOption = None) -> None:
    """Compare every signed article again and rebuild the clusters, with --threshold if given.

    The threshold is kept for later imports. Articles stored before clusters
    existed are signed first. Stop it at any time: the next import, or running
    it again, finishes it.
    """
    from archive.store.clusters import check_threshold
    from archive.store.matching import recluster

    if threshold is not None:
        check_threshold(threshold)
    try:
        with database(ctx) as engine:
            summary = recluster(engine, threshold=threshold)
    except KeyboardInterrupt:
        raise ArchiveError(
            "interrupted; run 'archive db recluster' again to finish the clusters"
        ) from None
    signed = f" (signed {summary.signed:,} first)" if summary.signed else ""
    emit(
        f"Compared {plural(summary.compared, 'article')}{signed} at threshold "
        f"{summary.threshold}: {plural(summary.clusters, 'cluster')} of "
        f"{plural(summary.clustered, 'article')}."
    )
