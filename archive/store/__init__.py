"""The database: its models, the engine factory, writing documents and import runs, upkeep."""
