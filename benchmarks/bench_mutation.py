"""Issue 14: the score of the last `make mutation` (docs/mutation.md), copied into docs/benchmarks.md."""

from __future__ import annotations

from benchmarks.common import ROOT


def run() -> str:
    page = ROOT / "docs" / "mutation.md"
    if not page.exists():
        return "## Mutation testing (issue 14)\n\nNo run yet: `make mutation` writes docs/mutation.md."
    table = [line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    when = next((line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("`make mutation`")),
                "")
    return "\n".join(["## Mutation testing (issue 14)", "", when, "", *table, "",
                      "Details, survivors and the modules not yet run: [mutation.md](mutation.md)."])
