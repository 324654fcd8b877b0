"""A bill's status from its stored snapshot (pure): title, current stage, timeline, amendments by decision."""

from __future__ import annotations

from collections import Counter
from typing import Any

from lawtrack.track.events import Snapshot


def status(bill_id: int, snap: Snapshot) -> dict[str, Any]:
    bill = snap.get(("bill", str(bill_id)), {})
    stages = sorted((v for (k, _), v in snap.items() if k == "stage"),
                    key=lambda s: (s.get("sortOrder") or 0, s.get("id") or 0))
    amendments = [v for (k, _), v in snap.items() if k == "amendment"]
    by_stage: dict[Any, Counter[str]] = {}
    for a in amendments:
        by_stage.setdefault(a.get("billStageId"), Counter())[a.get("decision") or "NoDecision"] += 1
    timeline = []
    for s in stages:
        dates = sorted((x.get("date") or "")[:10] for x in s.get("stageSittings") or [] if x.get("date"))
        timeline.append({
            "bill_stage_id": s.get("id"), "stage": s.get("description"), "house": s.get("house"),
            "dates": dates, "amendments": dict(by_stage.get(s.get("id"), Counter())),
        })
    current = bill.get("currentStage") or {}
    return {
        "bill_id": bill_id,
        "title": bill.get("shortTitle"),
        "long_title": bill.get("longTitle"),
        "current_stage": current.get("description"),
        "current_house": bill.get("currentHouse"),
        "is_act": bool(bill.get("isAct")),
        "timeline": timeline,
        "amendments": len(amendments),
        "amendments_by_decision": dict(Counter(a.get("decision") or "NoDecision" for a in amendments)),
    }
