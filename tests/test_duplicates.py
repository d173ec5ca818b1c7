"""Near-duplicate clusters: signatures, comparing as articles arrive, dupes and db recluster."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sqlalchemy import Engine
from typer.testing import CliRunner

from archive.ingest.minhash import MIN_WORDS, as_array, signature, similarity
from archive.search.duplicates import list_clusters
from archive.store.matching import recluster
from tests.conftest import invoke, run_import, sql, write

WIRE = [
    (
        "Storm Henk: thousands without power as rivers burst their banks",
        [
            "Thousands of homes across the south of England were left without power on Tuesday "
            "after Storm Henk brought gusts of up to 94mph and more than a month's rain in a day.",
            "The Environment Agency issued 300 flood warnings, and the River Severn burst its "
            "banks at Tewkesbury, where residents were moved to a leisure centre overnight.",
            '"We have never seen the water rise this quickly," said Margaret Ellis, 71, who '
            'has lived on Church Street for forty years. "By midnight it was at the door."',
            "Network Rail said lines between Bristol and Cardiff would stay closed until at "
            "least Thursday while engineers inspect embankments for damage.",
            "The Met Office expects the rain to ease on Wednesday, but warned that river levels "
            "would keep rising for several days as water drains from saturated hills.",
        ],
    ),
    (
        "Bundestag beschließt Reform der Schuldenbremse nach hitziger Debatte",
        [
            "Der Bundestag hat am Freitag mit knapper Mehrheit eine Reform der Schuldenbremse "
            "beschlossen, die dem Bund zusätzliche Kredite für Investitionen erlaubt.",
            "Für den Entwurf stimmten 412 Abgeordnete, 231 votierten dagegen. Die Opposition "
            "kündigte an, vor dem Bundesverfassungsgericht in Karlsruhe zu klagen.",
            '„Wir investieren in Schienen, Brücken und Schulen, nicht in den Konsum", sagte '
            "Finanzminister Jörg Kukies in der Debatte. Kritiker sprechen von einem Dammbruch.",
            "Der Bundesrat soll sich in drei Wochen mit dem Gesetz befassen. Mehrere Länder "
            "hatten zuvor Nachbesserungen bei der Verteilung der Mittel gefordert.",
        ],
    ),
    (
        "В Петербурге открыли движение по новому мосту через Неву",
        [
            "В Санкт-Петербурге в субботу открыли движение по новому разводному мосту через "
            "Неву, строительство которого продолжалось почти шесть лет.",
            "По словам губернатора, мост длиной 1,2 километра разгрузит Володарский и "
            "Finnish мосты, а время в пути между районами сократится на двадцать минут.",
            "«Мы ждали этот мост с детства», — рассказала жительница Невского района Ольга "
            "Смирнова, которая одной из первых проехала по нему на автобусе.",
            "Разводить мост будут с апреля по ноябрь по ночам, график опубликуют на сайте "
            "комитета по транспорту. Общая стоимость работ составила 98 миллиардов рублей.",
        ],
    ),
]
UNRELATED = (
    "Local bakery wins national award for sourdough",
    [
        "A family bakery in Hebden Bridge has been named the best independent bakery in the "
        "country at an awards ceremony in London on Monday evening.",
        "Owner Priya Shah, who opened the shop in 2015 with a single oven, said the prize "
        "belonged to her staff, who start work at four every morning.",
        "The judges praised its rye sourdough and its cardamom buns, which sell out before "
        "ten on most Saturdays, and its work with the town's food bank.",
    ],
)


def article(date: str, url: str, title: str, paragraphs: list[str]) -> str:
    return f" date {date} {url}\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_wire(folder: Path) -> Path:
    """Each wire story, then re-published by three outlets with the edits outlets make."""
    for number, (title, paragraphs) in enumerate(WIRE):
        stem = f"story{number}"
        write(folder, f"{stem}-wire.txt", article(
            "2024-01-02", f"https://wire.example.com/{stem}", title, paragraphs
        ))  # fmt: skip
        write(folder, f"{stem}-a.txt", article(
            "2024-01-03", f"https://daily.example.org/{stem}", "LIVE: " + title + " - updates",
            [*paragraphs, "This story was first published by the wire. All rights reserved."],
        ))  # fmt: skip
        write(folder, f"{stem}-b.txt", article(
            "2024-01-03", f"https://news.example.net/{stem}", title, paragraphs[:-1]
        ))  # fmt: skip
        edited = [paragraphs[0].replace("a", "an", 1), *paragraphs[1:]]
        write(folder, f"{stem}-c.txt", article(
            "2024-01-04", f"https://herald.example.co.uk/{stem}", title.upper(), edited
        ))  # fmt: skip
    title, paragraphs = UNRELATED
    write(folder, "bakery.txt", article(
        "2024-01-02", "https://local.example.com/bakery", title, paragraphs
    ))  # fmt: skip
    return folder


def clusters_of(url: str) -> list[tuple[int, int, float]]:
    return [
        (row[0], row[1], round(row[2], 6))
        for row in sql(
            url,
            "SELECT cluster_id, document_id, similarity FROM duplicate_clusters "
            "ORDER BY cluster_id, document_id",
        )
    ]


def test_a_signature_estimates_the_share_of_phrases_in_common() -> None:
    title, paragraphs = WIRE[0]
    text = "\n\n".join(paragraphs)
    first = signature(text)
    assert first is not None and len(first) == 256
    assert signature(text) == first  # the same in every process: no per-run hash seed
    assert signature(" ".join(["word"] * (MIN_WORDS - 1))) is None
    copy = signature(text + "\n\nThis story was first published by the wire.")
    other = signature("\n\n".join(WIRE[1][1]))
    rows = as_array([first, first, copy, other])  # type: ignore[list-item]
    scores = similarity(rows[[0, 0, 0]], rows[[1, 2, 3]])
    assert scores[0] == 1.0
    assert 0.8 < scores[1] < 1.0
    assert scores[2] < 0.05
    assert isinstance(scores, np.ndarray)


def test_an_import_clusters_the_copies_and_nothing_else(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    summary = run_import(engine, write_wire(tmp_path / "in"))
    assert summary.counts["imported"] == 13
    rows = clusters_of(database_url)
    clusters: dict[int, list[int]] = {}
    for cluster_id, document_id, _ in rows:
        clusters.setdefault(cluster_id, []).append(document_id)
    titles = {row[0]: row[1] for row in sql(database_url, "SELECT id, url FROM documents")}
    grouped = sorted(sorted(titles[i].rsplit("/", 1)[1] for i in ids) for ids in clusters.values())
    assert grouped == [["story0"] * 4, ["story1"] * 4, ["story2"] * 4]
    assert summary.clustered == 9
    firsts = [(c, d, s) for c, d, s in rows if c == d]
    assert len(firsts) == 3 and all(s == 1.0 for _, _, s in firsts)
    assert all(0.55 <= s <= 1.0 for c, d, s in rows if c != d)
    assert sql(database_url, "SELECT count(*) FROM documents_to_compare")[0][0] == 0


def test_comparing_as_articles_arrive_gives_the_clusters_of_a_rebuild(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    folder = write_wire(tmp_path / "in")
    run_import(engine, *sorted(folder.glob("*-wire.txt")), folder / "bakery.txt")
    run_import(engine, *sorted(folder.glob("*-[ab].txt")))
    run_import(engine, *sorted(folder.glob("*-c.txt")))
    incremental = clusters_of(database_url)
    assert len(incremental) == 12
    summary = recluster(engine)
    assert (summary.compared, summary.clusters, summary.clustered, summary.signed) == (
        13, 3, 12, 0
    )  # fmt: skip
    assert clusters_of(database_url) == incremental


def test_dupes_lists_clusters_oldest_first_in_every_format(
    engine: Engine, cli: CliRunner, tmp_path: Path
) -> None:
    run_import(engine, write_wire(tmp_path / "in"))
    lines = invoke(cli, "dupes", "--format", "jsonl").output.splitlines()
    records = [json.loads(line) for line in lines]
    assert [(r["size"], len(r["ids"])) for r in records] == [(4, 4)] * 3
    for record in records:
        assert list(record) == ["cluster", "size", "ids", "articles"]
        assert record["cluster"] == min(record["ids"])  # the first stored: files in name order
        published = [a["published"] for a in record["articles"]]
        assert published == sorted(published) and published[0] == "2024-01-02"
        assert record["articles"][0]["source"] == "example.com"
        assert record["articles"][0]["url"].startswith("https://wire.example.com/")
    assert json.loads(invoke(cli, "dupes", "--format", "json").output) == records
    csv = invoke(cli, "dupes", "--format", "csv").output.splitlines()
    assert csv[0] == "cluster,size,id,published,source,similarity,title,url"
    assert len(csv) == 13
    table = invoke(cli, "dupes")
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == [
        "cluster", "size", "id", "published", "source", "similar", "title"
    ]  # fmt: skip
    assert "LIVE: Storm Henk" in table.output


def test_dupes_filters_and_limits(engine: Engine, cli: CliRunner, tmp_path: Path) -> None:
    run_import(engine, write_wire(tmp_path / "in"))
    picked = json.loads(invoke(cli, "dupes", "Bundestag", "--format", "json").output)
    assert len(picked) == 1 and picked[0]["size"] == 4
    assert json.loads(invoke(cli, "dupes", "--from", "2025", "--format", "json").output) == []
    assert len(json.loads(invoke(cli, "dupes", "--limit", "2", "--format", "json").output)) == 2
    assert json.loads(invoke(cli, "dupes", "--min-size", "5", "--format", "json").output) == []
    nothing = invoke(cli, "dupes", "--min-size", "5")
    assert (nothing.exit_code, nothing.output) == (0, "No clusters match.\n")
    strict = json.loads(invoke(cli, "dupes", "--threshold", "0.95", "--format", "json").output)
    kept = [article for cluster in strict for article in cluster["articles"]]
    assert 0 < len(kept) < 12
    assert all(a["similarity"] >= 0.95 or a["id"] in [c["cluster"] for c in strict] for a in kept)


def test_thresholds_below_the_built_one_need_a_rebuild(
    engine: Engine, cli: CliRunner, database_url: str, tmp_path: Path
) -> None:
    run_import(engine, write_wire(tmp_path / "in"))
    result = invoke(cli, "dupes", "--threshold", "0.3")
    assert (result.exit_code, result.output) == (
        2,
        "Error: --threshold 0.3 is below the 0.55 the clusters were built with - "
        "rebuild them with 'archive db recluster --threshold 0.3'\n",
    )
    for bad in ("0", "1.5"):
        result = invoke(cli, "db", "recluster", "--threshold", bad)
        assert (result.exit_code, result.output) == (
            2,
            f"Error: threshold {float(bad)} must be above 0 and at most 1, such as 0.55\n",
        )
    result = invoke(cli, "db", "recluster", "--threshold", "0.95")
    assert (result.exit_code, result.output) == (
        0,
        "Compared 13 articles at threshold 0.95: 2 clusters of 5 articles.\n",
    )
    assert sql(database_url, "SELECT value FROM settings") == [("0.95",)]
    assert len(clusters_of(database_url)) == 5
    result = invoke(cli, "db", "recluster", "--threshold", "0.55")
    assert result.output == "Compared 13 articles at threshold 0.55: 3 clusters of 12 articles.\n"


def test_a_recrawl_that_changes_the_story_leaves_its_cluster(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    folder = write_wire(tmp_path / "in")
    run_import(engine, folder)
    title, paragraphs = UNRELATED
    recrawl = write(tmp_path / "later", "recrawl.txt", article(
        "2024-01-03", "https://news.example.net/story0", title, [*paragraphs, "Updated."]
    ))  # fmt: skip
    summary = run_import(engine, recrawl)
    assert summary.counts["updated"] == 1
    [(document_id,)] = sql(
        database_url, "SELECT id FROM documents WHERE url = 'https://news.example.net/story0'"
    )
    [(bakery,)] = sql(
        database_url, "SELECT id FROM documents WHERE url = 'https://local.example.com/bakery'"
    )
    rows = clusters_of(database_url)
    assert (bakery, bakery, 1.0) in rows  # the re-crawl now copies the bakery story
    assert [row for row in rows if row[1] == document_id][0][0] == bakery
    assert sum(1 for row in rows if row[0] != bakery) == 11


def test_articles_left_uncompared_are_compared_by_the_next_import(
    engine: Engine, cli: CliRunner, database_url: str, tmp_path: Path
) -> None:
    folder = write_wire(tmp_path / "in")
    run_import(engine, folder)
    sql(database_url, "DELETE FROM duplicate_members")
    sql(
        database_url, "INSERT INTO documents_to_compare SELECT document_id FROM document_signatures"
    )
    result = invoke(cli, "dupes")
    assert result.output.startswith(
        "Note: 13 articles not compared yet (an import was stopped); the next import "
        "compares them, or run 'archive db recluster'\n"
    )
    run_import(engine, write(tmp_path / "more", "short.txt", article(
        "2024-02-01", "https://x.example.com/short", "Short", ["Too short to sign."]
    )))  # fmt: skip
    assert len(clusters_of(database_url)) == 12


def test_many_copies_of_one_text_make_one_cluster(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    """Sites serve one page under many URLs; each copy joins the first, in bounded work."""
    text = "Sorry, the page you were looking for could not be found. " * 4
    for number in range(150):
        write(tmp_path / "in", f"{number:03}.txt", article(
            "2024-01-02", f"https://site.example.com/missing/{number}", "Not found", [text]
        ))  # fmt: skip
    run_import(engine, tmp_path / "in")
    rows = clusters_of(database_url)
    assert len(rows) == 150
    assert len({cluster for cluster, _, _ in rows}) == 1
    assert {similarity for _, _, similarity in rows} == {1.0}


def test_documents_stored_before_clusters_are_signed_by_recluster(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    run_import(engine, write_wire(tmp_path / "in"))
    sql(database_url, "DELETE FROM duplicate_members")
    sql(database_url, "DELETE FROM document_signatures")
    summary = recluster(engine)
    assert (summary.signed, summary.compared, summary.clustered) == (13, 13, 12)


def test_the_python_api_lists_clusters(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, write_wire(tmp_path / "in"))
    with engine.connect() as connection:
        clusters = list_clusters(connection, min_size=4, limit=1)
    assert len(clusters) == 1 and clusters[0].size == 4
    first = [a.similarity for a in clusters[0].articles if a.id == clusters[0].id]
    assert first == [1.0]


def test_a_transfer_carries_the_clusters(engine: Engine, database_url: str, tmp_path: Path) -> None:
    from archive.store.transfer import transfer

    run_import(engine, write_wire(tmp_path / "in"))
    target = f"sqlite:///{tmp_path / 'copy.db'}"
    transfer(database_url, target)
    assert clusters_of(target) == clusters_of(database_url)
    assert len(clusters_of(target)) == 12


def test_search_collapse_shows_one_article_per_cluster(
    engine: Engine, cli: CliRunner, tmp_path: Path
) -> None:
    run_import(engine, write_wire(tmp_path / "in"))
    every = json.loads(invoke(cli, "search", "--format", "json", "--limit", "50").output)
    assert len(every) == 13 and {row["cluster_size"] for row in every} == {None}
    collapsed = json.loads(invoke(cli, "search", "--collapse", "--format", "json").output)
    assert sorted(row["cluster_size"] for row in collapsed) == [1, 4, 4, 4]
    assert invoke(cli, "search", "--collapse", "--count").output == "4\n"
    assert invoke(cli, "search", "Bundestag", "--collapse", "--count").output == "1\n"
    ranked = json.loads(invoke(cli, "search", "Storm", "--collapse", "--format", "json").output)
    assert [row["cluster_size"] for row in ranked] == [4]
    assert ranked[0]["snippet"] and ranked[0]["rank"] is not None
    second = json.loads(
        invoke(
            cli, "search", "--collapse", "--offset", "1", "--limit", "2", "--format", "json"
        ).output
    )
    assert [row["id"] for row in second] == [row["id"] for row in collapsed[1:3]]
    table = invoke(cli, "search", "--collapse")
    assert table.output.splitlines()[0].split() == [
        "id", "copies", "published", "source", "words", "title"
    ]  # fmt: skip


def test_an_archive_from_before_clusters_gets_them_with_recluster(
    engine: Engine, cli: CliRunner, database_url: str, tmp_path: Path
) -> None:
    from archive.store.engine import display_name, downgrade

    run_import(engine, write_wire(tmp_path / "in"))
    downgrade(engine, "0008")
    result = invoke(cli, "db", "upgrade")
    assert result.output == (
        f"{display_name(database_url)} upgraded from schema 0008 to 0010.\n"
        "Its articles have no near-duplicate clusters yet: run 'archive db recluster'.\n"
    )
    assert clusters_of(database_url) == []
    result = invoke(cli, "db", "recluster")
    assert result.output == (
        "Compared 13 articles (signed 13 first) at threshold 0.55: 3 clusters of 12 articles.\n"
    )


def test_three_crawls_of_one_article_in_one_import(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    title, paragraphs = WIRE[0]
    for number in range(3):
        write(tmp_path / "in", f"crawl{number}.txt", article(
            "2024-01-02", "https://wire.example.com/storm", title,
            [*paragraphs, f"Updated {number + 1} times."],
        ))  # fmt: skip
    summary = run_import(engine, tmp_path / "in")
    assert (summary.counts["imported"], summary.counts["updated"]) == (1, 2)
    [(stored,)] = sql(database_url, "SELECT signature FROM document_signatures")
    assert stored == signature("\n\n".join([*paragraphs, "Updated 3 times."]))
