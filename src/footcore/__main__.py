"""`python -m footcore` runs the command line, as the `footcore` console script does."""

from footcore.entrypoints.cli import main

main()
