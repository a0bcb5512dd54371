"""``python -m yearbook.cli``: the ``yearbook`` command."""

from yearbook.cli import main

main()
