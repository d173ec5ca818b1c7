"""Files to rows: find and read input files, then decode, parse, clean, enrich and prepare them.

The pure steps (decode, parse, clean, enrich) are siblings that know nothing
of each other; :mod:`archive.ingest.prepare` calls them in order, and
:mod:`archive.ingest.importer` stores what they give through
:mod:`archive.store.documents`.
"""
