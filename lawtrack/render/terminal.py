"""Terminal output with rich: inserted words underlined (green), left-out words struck through (red)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from lawtrack.diff.compare import BillDiff


def bill_diff_terminal(diff: BillDiff) -> Group:
    parts: list[Text] = [Text(f"{diff.old_title}: {diff.old_version} → {diff.new_version}", style="bold")]
    counts = ", ".join(f"{v} {k}" for k, v in sorted(diff.counts().items()))
    parts.append(Text(counts))
    for a, b in diff.renumbering():
        parts.append(Text(f"  {a} → {b}", style="dim"))
    for p in diff.provisions:
        if p.change == "unchanged":
            continue
        head = Text(f"\n{p.label}" + (f" — {p.heading}" if p.heading else "") + f"  [{p.change}]", style="bold")
        parts.append(head)
        if p.diff:
            body = Text()
            for s in p.diff:
                style = {"insert": "underline green", "delete": "strike red"}.get(s.op, "")
                body.append(s.text, style=style)
            parts.append(body)
    return Group(*parts)
