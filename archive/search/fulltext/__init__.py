"""Full-text search behind one small interface, one module per database backend.

A backend turns a parsed :class:`~archive.search.grammar.TextQuery` into a selectable
of ``(document_id, rank)`` rows (higher rank is more relevant), writes
snippets for the few documents shown, and maintains its index (see
:class:`~archive.search.fulltext.base.FullTextBackend`). Each is the module
named after its SQLAlchemy dialect (``sqlite.py``, ``postgresql.py``), and
the database backend of the same name (:mod:`archive.backends`) holds it as
``full_text``.
"""
