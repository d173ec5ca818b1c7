"""Reading the archive: the query grammar, full-text backends, search, stats and export."""
