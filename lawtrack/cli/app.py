"""The click group. Commands are looked up in :data:`lawtrack.cli.commands.COMMANDS` and imported on first use."""

from __future__ import annotations

import importlib
from typing import Any

import click

from lawtrack.cli.commands import COMMANDS, EPILOG, SUMMARY
from lawtrack.cli.common import Group


class LazyGroup(Group):
    """A group whose subcommands live in their own modules, imported only when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attribute, short = entry
        command: Any = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):  # pragma: no cover - a wrong table entry
            raise TypeError(f"{module}.{attribute} is not a click command")
        command.short_help = short
        return command


@click.group(cls=LazyGroup, help=f"{SUMMARY}\n\n{EPILOG}")
@click.version_option(package_name="lawtrack", message="%(prog)s, version %(version)s")
def main() -> None:
    pass
