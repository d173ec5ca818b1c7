"""The browser front end: Datasette with the archive's metadata, search, pages and chart.

Needs the ``web`` extra (Datasette and matplotlib); nothing else in the package imports it.
"""
