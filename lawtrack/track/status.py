"""A bill's status from its stored snapshot (pure): title, current stage, timeline, amendments by decision."""

from __future__ import annotations

from collections import Counter
from typing import Any

from lawtrack.track.events import Snapshot
from lawtrack.track.stored import Record


def status(bill_id: int, snap: Snapshot) -> dict[str, Any]:
    record = Record(snap)
    bill = record.bill(bill_id)
    by_stage: dict[int | None, Counter[str]] = {}
    for a in record.amendments.values():
        by_stage.setdefault(a.bill_stage_id, Counter())[a.decision] += 1
    timeline = [{"bill_stage_id": s.id, "stage": s.description, "house": s.house, "dates": s.dates,
                 "amendments": dict(by_stage.get(s.id, Counter()))} for _, s in record.stages_in_order()]
    current = bill.current_stage
    return {
        "bill_id": bill_id,
        "title": bill.short_title,
        "long_title": bill.long_title,
        "current_stage": current.description if current else None,
        "current_house": bill.current_house,
        "is_act": bill.is_act,
        "timeline": timeline,
        "amendments": len(record.amendments),
        "amendments_by_decision": dict(Counter(a.decision for a in record.amendments.values())),
    }
