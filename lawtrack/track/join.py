"""Join Bills API amendments with LawMaker amendments: same ``dNum`` (case-insensitive), else number + stage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lawtrack.amendments.model import Amendment


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("stage", "").split())


def join(api_items: Iterable[dict[str, Any]], papers: Iterable[Amendment]) -> list[tuple[dict[str, Any],
                                                                                       Amendment | None]]:
    paper_list = list(papers)
    by_dnum = {a.dnum.lower(): a for a in paper_list if a.dnum}
    by_number: dict[str, list[Amendment]] = {}
    for a in paper_list:
        by_number.setdefault(a.number, []).append(a)
    out = []
    for item in api_items:
        found = by_dnum.get((item.get("dNum") or "").lower()) if item.get("dNum") else None
        if found is None:
            candidates = by_number.get(item.get("marshalledListText") or "", [])
            stage = _norm(item.get("stageName"))
            matching = [a for a in candidates if not stage or _norm(a.stage) == stage] or candidates
            found = matching[0] if len(matching) == 1 else None
        out.append((item, found))
    return out
