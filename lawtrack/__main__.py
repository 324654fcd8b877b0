"""``python -m lawtrack`` runs the ``lawtrack`` command."""

from lawtrack.cli import run

run()
