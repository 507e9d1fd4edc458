"""``python -m sociable``: the same entry point as the console script."""

from sociable.faces.cli.main import run

run()
