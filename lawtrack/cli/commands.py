"""The command table: every top-level command, the module that defines it and its one-line help.

Imports nothing, so ``lawtrack --help`` and ``lawtrack --version`` answer without loading click (a test checks
that this help is exactly what click prints for the group).
"""

from __future__ import annotations

import textwrap

SUMMARY = "lawtrack: UK bills, their amendments and their progress through Parliament."
EPILOG = "Run 'lawtrack COMMAND --help' for a command's options and examples."

#: name → (module, attribute, one-line help). Keep each help short enough for one line of ``--help``.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "apply": ("lawtrack.cli.amendments", "apply_cmd", "Apply amendments to a bill (pure: one outcome each)."),
    "bill": ("lawtrack.cli.bill", "bill", "Read, show and convert bills (LawMaker XML or Markdown)."),
    "demo": ("lawtrack.cli.demo", "demo", "The main job, offline: model bills/, build the site."),
    "diff": ("lawtrack.cli.diff", "diff_cmd", "Compare two versions of a bill, word by word."),
    "draft": ("lawtrack.cli.draft", "draft_cmd", "Draft the amendments that turn one version into another."),
    "explain": ("lawtrack.cli.amendments", "explain_cmd", "Show how lawtrack reads an amendment instruction."),
    "export-paper": ("lawtrack.cli.amendments", "export_paper", "Write amendments as a LawMaker amendment paper."),
    "keeling": ("lawtrack.cli.keeling", "keeling_cmd", "What a bill does to an Act: the Keeling schedule."),
    "paper": ("lawtrack.cli.amendments", "paper_cmd", "Read an amendment paper: one row per amendment."),
    "site": ("lawtrack.cli.site", "site", "Build the campaign site from bills/ with MkDocs."),
    "track": ("lawtrack.cli.track", "track", "Track bills through Parliament with the Bills API."),
}


def version_text() -> str:
    from lawtrack import __version__

    return f"lawtrack, version {__version__}\n"


def top_help(width: int = 80) -> str:
    """The group's ``--help``, laid out as click lays it out."""
    lines = ["Usage: lawtrack [OPTIONS] COMMAND [ARGS]...", ""]
    lines += textwrap.wrap(SUMMARY, width, initial_indent="  ", subsequent_indent="  ")
    lines += [""]
    lines += textwrap.wrap(EPILOG, width, initial_indent="  ", subsequent_indent="  ")
    lines += ["", "Options:", "  --version  Show the version and exit.", "  --help     Show this message and exit.",
              "", "Commands:"]
    first = max(len(name) for name in COMMANDS) + 2
    for name in sorted(COMMANDS):
        lines.append(f"  {name.ljust(first)}{COMMANDS[name][2]}")
    return "\n".join(lines) + "\n"
