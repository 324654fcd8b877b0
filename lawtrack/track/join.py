"""Join Bills API amendments with LawMaker amendments: same ``dNum`` (case-insensitive), else number + stage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lawtrack.amendments.model import Amendment
from lawtrack.track.stored import StoredAmendment


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("stage", "").split())


def join(api_items: Iterable[dict[str, Any] | StoredAmendment], papers: Iterable[Amendment]
         ) -> list[tuple[StoredAmendment, Amendment | None]]:
    """Each API amendment with the paper amendment it is, or None when none (or more than one) could be."""
    paper_list = list(papers)
    by_dnum = {a.dnum.lower(): a for a in paper_list if a.dnum}
    by_number: dict[str, list[Amendment]] = {}
    for a in paper_list:
        by_number.setdefault(a.number, []).append(a)
    out = []
    for raw in api_items:
        item = raw if isinstance(raw, StoredAmendment) else StoredAmendment.model_validate(raw)
        found = by_dnum.get(item.d_num.lower()) if item.d_num else None
        if found is None:
            candidates = by_number.get(item.marshalled_list_text or "", [])
            stage = _norm(item.stage_name)
            matching = [a for a in candidates if not stage or _norm(a.stage) == stage] or candidates
            found = matching[0] if len(matching) == 1 else None
        out.append((item, found))
    return out
