"""`python -m meetview` runs the command-line interface."""

from meetview.cli import main

main()
