"""The ``lawtrack`` command line (imperative shell): one module per command group, loaded only when used.

``run`` is the console entry point. ``lawtrack``, ``lawtrack --help`` and ``lawtrack --version`` are answered
from the command table in :mod:`lawtrack.cli.commands` without importing click or anything else; every other
invocation builds the click group (:data:`lawtrack.cli.app.main`), which imports a command's module only when
that command runs. ``from lawtrack.cli import main`` gives the click group (for ``CliRunner`` and scripts).
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["main", "run"]


def run(argv: list[str] | None = None) -> None:
    """Entry point of the ``lawtrack`` command."""
    args = sys.argv[1:] if argv is None else argv
    if args in ([], ["--help"], ["-h"], ["--version"]):
        from lawtrack.cli.commands import top_help, version_text

        sys.stdout.write(version_text() if args == ["--version"] else top_help())
        return
    from lawtrack.cli.app import main as group

    group(args=args, prog_name="lawtrack")


def __getattr__(name: str) -> Any:
    if name == "main":
        from lawtrack.cli.app import main as group

        return group
    raise AttributeError(f"module 'lawtrack.cli' has no attribute {name!r}")
