"""Hand-kept stage records (in ``bills/*.toml``) for bills outside the API or offline, as store snapshots.

A record holds facts with their sources: stages and dates in both Houses, Royal Assent, and amendments with
numbers, sponsors and decisions. It loads into the same store as API data and is superseded when a sync from
the API succeeds.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from lawtrack.track.events import Snapshot


class RecordStage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    house: str | None = None  # "Commons", "Lords"; None for Royal Assent
    stage: str
    dates: list[str] = []
    note: str | None = None
    sources: list[str] = []


class RecordAmendment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number: str
    stage: str  # the stage's name as in ``stages``, e.g. "Report stage"
    house: str
    sponsors: list[str] = []
    heading: str | None = None
    decision: str = "NoDecision"  # a Bills API decision value
    decision_inferred: bool = False
    note: str | None = None
    draft: str | None = None  # our Markdown draft of it under amendments/, if any
    sources: list[str] = []


class StageRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    long_title: str | None = None
    sponsors: list[str] = []
    stages: list[RecordStage] = []
    amendments: list[RecordAmendment] = []
    sources: list[str] = []


def _house(h: str | None) -> str:
    return {"commons": "Commons", "lords": "Lords"}.get((h or "").lower(), "Unassigned")


def record_snapshot(bill_id: int, title: str, record: StageRecord) -> Snapshot:
    stage_ids: dict[tuple[str, str], int] = {}
    snap: Snapshot = {}
    stages_out = []
    for i, st in enumerate(record.stages, start=1):
        sid = -i  # record stages have negative ids: never confused with the API's
        stage_ids[(_house(st.house), st.stage.lower())] = sid
        data: dict[str, Any] = {
            "id": sid, "stageId": 0, "sessionId": 0, "description": st.stage, "abbreviation": None,
            "house": _house(st.house), "sortOrder": i,
            "stageSittings": [{"id": -1000 * i - k, "stageId": 0, "billStageId": sid, "billId": bill_id,
                               "date": f"{d}T00:00:00"} for k, d in enumerate(st.dates)],
            "note": st.note, "sources": st.sources,
        }
        snap[("stage", str(sid))] = data
        stages_out.append(data)
    last = stages_out[-1] if stages_out else None
    is_act = any(s.stage.lower() == "royal assent" for s in record.stages)
    snap[("bill", str(bill_id))] = {
        "billId": bill_id, "shortTitle": title, "longTitle": record.long_title,
        "currentHouse": last["house"] if last else "Unassigned", "isAct": is_act,
        "currentStage": last, "sponsors": [{"member": {"name": n}} for n in record.sponsors],
        "sources": record.sources, "lastUpdate": max((d for s in record.stages for d in s.dates), default=None),
    }
    for a in record.amendments:
        found = stage_ids.get((_house(a.house), a.stage.lower()))
        key = f"{found if found is not None else 'record'}:{a.number}"
        snap[("amendment", key)] = {
            "amendmentId": 0, "billId": bill_id, "billStageId": found, "marshalledListText": a.number,
            "decision": a.decision, "decisionInferred": a.decision_inferred, "statusIndicator": None,
            "sponsors": [{"name": n, "isLead": i == 0, "sortOrder": i + 1} for i, n in enumerate(a.sponsors)],
            "mainHeader": a.heading, "summaryText": [a.heading] if a.heading else [], "note": a.note,
            "draft": a.draft, "sources": a.sources, "stageName": a.stage, "house": _house(a.house),
        }
    return snap
