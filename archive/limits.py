"""The limits that imports, searches and upkeep work within, and their defaults:
small, so that the command line can show them without loading the code that uses them."""

MAX_FILE_SIZE = 5 * 1024 * 1024
"""Files larger than this (5 MiB) are rejected as too_large without being read."""

BATCH_SIZE = 500
"""Files per transaction."""

MAX_MEMBERS = 1_000_000
"""Members read from one zip or tar archive at most."""

MAX_BYTES = 8 * 1024**3
"""Uncompressed bytes read from one zip or tar archive at most (8 GiB)."""

RANK_CANDIDATES = 10_000
"""Sorted by relevance, a query that matches more documents than this ranks only the
most recently imported this many (see :func:`archive.search.articles.search_documents`)."""

RECLEAN_BATCH = 200
"""Stored texts that ``archive db reclean`` cleans again per transaction."""

TRANSFER_BATCH = 1000
"""Rows that ``archive db transfer`` copies per transaction."""

STATISTICS_FIRST = 2000
"""Files after which an import first refreshes the planner's statistics, then again each time
it has twice as many (PostgreSQL; see ``Backend.refresh_statistics``)."""

JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024
"""Bytes of SQLite's write-ahead log kept after a checkpoint; the importer checkpoints past this."""

CACHE_KIB = 65536
"""SQLite's page cache per connection (64 MiB): the hash indexes are written at random places."""

COMPARE_CHUNK = 50_000
"""New documents compared with the stored ones per transaction (:mod:`archive.store.clusters`)."""

SCAN_BLOCK = 50_000
"""Stored signatures read at a time while comparing: 50,000 are 12.8 MB."""
