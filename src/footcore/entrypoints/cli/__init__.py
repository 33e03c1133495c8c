"""The `footcore` command line: `main` runs it (the console script and `python -m footcore`)."""

from footcore.entrypoints.cli.main import main

__all__ = ["main"]
