"""Run the command line: ``python -m archive``."""

from archive.cli import main

main()
