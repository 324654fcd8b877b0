"""Terminal output with rich: inserted words underlined (green), left-out words struck through (red)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group
from rich.text import Text

from lawtrack.diff.compare import BillDiff
from lawtrack.diff.exact import ExactDiff


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


def exact_diff_text(diff: ExactDiff, *, escape: Callable[[str], str] = str) -> str:
    """``lawtrack diff --ignore-renumbering`` as text: what still differs once renumbering is set aside."""
    lines = [f"{diff.units} units compared; "
             + ("identical apart from renumbering." if diff.identical else f"{len(diff.differences)} differ:")]
    lines += [f"- {d.kind} {escape(d.old_ref or '(none)')} → {escape(d.new_ref or '(none)')}: {escape(d.reason)}"
              for d in diff.differences]
    if diff.renumbering:
        lines += ["", "Renumbered: " + ", ".join(f"{a} → {b}" for a, b in diff.renumbering)]
    return "\n".join(lines) + "\n"
