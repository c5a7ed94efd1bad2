"""`python -m assistant` runs the same entry point as the `newsdesk` script."""

from assistant.cli import entry

entry()
