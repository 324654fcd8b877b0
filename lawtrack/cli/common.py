"""What the command modules share: error handling (exit 2, no traceback), JSON output, consoles, bill loading."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lawtrack.errors import LawtrackError

if TYPE_CHECKING:
    from rich.console import Console

    from lawtrack.model.bill import Bill


def fail(exc: LawtrackError) -> None:
    click.echo(f"lawtrack: error: {exc}", err=True)
    sys.exit(2)


class Group(click.Group):
    """A group that turns :class:`LawtrackError` into one line on standard error and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LawtrackError as exc:
            fail(exc)


@cache
def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@cache
def err() -> Console:
    """A console on standard error, for progress displays."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def tell(message: str) -> None:
    """A line for the user on standard error, as written (no markup: file names and titles have brackets)."""
    click.echo(message, err=True)


def esc(value: object) -> str:
    """``value`` as text for a rich markup string: bill, amendment and API text shown as written ("[HL]",
    "[/x]" are words, not styles)."""
    from rich.markup import escape

    return escape(str(value))


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def json_format(as_json: bool, fmt: str, default: str) -> str:
    """``--json`` (every command that prints has it) as the command's ``--format json``; a different
    ``--format`` beside it is a usage error, not a silent choice."""
    if not as_json:
        return fmt
    if fmt not in (default, "json"):
        raise click.UsageError(f"--json and --format {fmt} ask for two different outputs; give one")
    return "json"


#: Input files: existence, folders and file types are checked by lawtrack's loaders, whose messages name the
#: file and say what was expected.
INPUT = click.Path(path_type=Path)
OUTPUT = click.Path(dir_okay=False, path_type=Path)


def load_bill_arg(path: Path) -> Bill:
    """A bill from LawMaker XML, Markdown, or a ``bills/*.toml`` manifest (its source text)."""
    if path.suffix == ".toml":
        from lawtrack.manifest import load_manifest

        return load_manifest(path).load()
    from lawtrack.formats.load import load_bill

    return load_bill(path)


def convert(bill: Bill, suffix: str) -> bytes:
    """A bill written in the format its output file's suffix names."""
    if suffix == ".xml":
        from lawtrack.formats.lawmaker import write_lawmaker

        return write_lawmaker(bill.tree())
    if suffix in (".md", ".markdown"):
        from lawtrack.formats.markdown_writer import write_markdown

        return write_markdown(bill).encode("utf-8")
    if suffix == ".json":
        from lawtrack.formats.json_bill import write_json

        return write_json(bill).encode("utf-8")
    raise LawtrackError(f"cannot write a bill as {suffix or 'a file without a suffix'}", expected=".xml, .md or .json")


def write_output(path: Path, data: bytes | str) -> None:
    from lawtrack.fileio import write_atomic

    write_atomic(path, data)


db_option = click.option("--db", help="SQLite database (default: $LAWTRACK_DB or the user data directory).")
