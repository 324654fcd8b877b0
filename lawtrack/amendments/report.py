"""One row per amendment of a paper: parse, meaning and cross-checks (pure; for the CLI, JSON and the site)."""

from __future__ import annotations

from typing import Any

from lawtrack.amendments.consistency import disagreements
from lawtrack.amendments.explain import describe, describe_operation
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import AmendmentPaper, Parsed


def paper_rows(paper: AmendmentPaper) -> list[dict[str, Any]]:
    rows = []
    for a in paper.amendments:
        parsed = parse_instruction(a.instruction, a.inserted)
        ok = isinstance(parsed, Parsed)
        problems = disagreements(a, parsed)
        rows.append({
            "number": a.number,
            "dnum": a.dnum,
            "type": a.type,
            "target": {"provision": a.target_provision, "page": a.target_page,
                       "address": str(parsed.address) if isinstance(parsed, Parsed) else None},
            "proposer": a.proposer.model_dump() if a.proposer else None,
            "supporters": [p.model_dump() for p in a.supporters],
            "star": a.star,
            "heading": a.heading,
            "instruction": a.instruction.replace("\ufffc", "[…]"),
            "operations": [parsed.operation.model_dump(mode="json", exclude_none=True,
                                                       exclude={"insert": {"structure"}})]
            if isinstance(parsed, Parsed) else [],
            "meaning": describe_operation(parsed.operation) if isinstance(parsed, Parsed) else None,
            "summary": describe(parsed) if isinstance(parsed, Parsed) else None,
            "error": None if isinstance(parsed, Parsed) else parsed.reason,
            "consistent": ok and not problems,
            "disagreements": problems,
            "explanatory_statement": a.explanatory_statement,
        })
    return rows
