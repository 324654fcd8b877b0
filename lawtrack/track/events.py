"""Change events from two snapshots of a bill's record (pure).

A snapshot maps (kind, key) to the JSON of one entity: the bill, a stage, an amendment, a publication.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from lawtrack.track.models import DECISION_LABELS

Snapshot = dict[tuple[str, str], dict[str, Any]]


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # tracked, stage-reached, royal-assent, stage-added, sittings-changed, amendment-tabled, …
    entity: str  # "bill", "stage", "amendment", "publication"
    key: str
    summary: str
    data: dict[str, Any] = {}


def _sittings(stage: dict[str, Any]) -> list[str]:
    return sorted((s.get("date") or "")[:10] for s in stage.get("stageSittings") or [])


def _sponsors(a: dict[str, Any]) -> list[str]:
    return [s.get("name") or "" for s in a.get("sponsors") or []]


def _text(a: dict[str, Any]) -> list[str]:
    return [line.get("text") or "" for line in a.get("amendmentLines") or []] or list(a.get("summaryText") or [])


def _label(a: dict[str, Any]) -> str:
    return a.get("marshalledListText") or a.get("dNum") or str(a.get("amendmentId"))


def diff(old: Snapshot, new: Snapshot) -> list[Change]:
    """What changed from ``old`` to ``new``, in a stable order."""
    out: list[Change] = []
    bill_keys = [k for k in new if k[0] == "bill"]
    for key in bill_keys:
        b, before = new[key], old.get(key)
        title = b.get("shortTitle") or key[1]
        if before is None:
            out.append(Change(kind="tracked", entity="bill", key=key[1], summary=f"Now tracking {title}"))
        stage = (b.get("currentStage") or {}).get("description")
        house = (b.get("currentStage") or {}).get("house")
        old_stage = ((before or {}).get("currentStage") or {}).get("description")
        if stage and stage != old_stage and before is not None:
            out.append(Change(kind="stage-reached", entity="bill", key=key[1],
                              summary=f"{title} reached {stage} ({house})", data={"stage": stage, "house": house}))
        if b.get("isAct") and not (before or {}).get("isAct"):
            out.append(Change(kind="royal-assent", entity="bill", key=key[1], summary=f"{title} became an Act"))
    for key in sorted((k for k in new if k[0] == "stage"),
                      key=lambda k: (new[k].get("sortOrder") or 0, new[k].get("id") or 0)):
        s, before = new[key], old.get(key)
        name = f"{s.get('description')} ({s.get('house')})"
        if before is None:
            out.append(Change(kind="stage-added", entity="stage", key=key[1], summary=f"Stage added: {name}",
                              data={"dates": _sittings(s)}))
        elif _sittings(s) != _sittings(before):
            out.append(Change(kind="sittings-changed", entity="stage", key=key[1],
                              summary=f"Sitting dates of {name}: {', '.join(_sittings(s)) or 'none'}",
                              data={"before": _sittings(before), "after": _sittings(s)}))
    for key in sorted(k for k in new if k[0] == "amendment"):
        a, before = new[key], old.get(key)
        label = _label(a)
        decision = a.get("decision") or "NoDecision"
        if before is None:
            out.append(Change(kind="amendment-tabled", entity="amendment", key=key[1],
                              summary=f"Amendment {label} tabled", data={"decision": decision}))
            if decision != "NoDecision":
                out.append(Change(kind="decision-recorded", entity="amendment", key=key[1],
                                  summary=f"Amendment {label}: {DECISION_LABELS.get(decision, decision)}",
                                  data={"decision": decision}))
            continue
        old_decision = before.get("decision") or "NoDecision"
        if decision != old_decision:
            kind = "decision-recorded" if old_decision == "NoDecision" else "decision-changed"
            out.append(Change(kind=kind, entity="amendment", key=key[1],
                              summary=f"Amendment {label}: {DECISION_LABELS.get(decision, decision)}",
                              data={"before": old_decision, "after": decision}))
        if _text(a) != _text(before):
            out.append(Change(kind="amendment-text-changed", entity="amendment", key=key[1],
                              summary=f"Amendment {label}: text changed"))
        if _sponsors(a) != _sponsors(before):
            out.append(Change(kind="sponsors-changed", entity="amendment", key=key[1],
                              summary=f"Amendment {label}: sponsors now {', '.join(_sponsors(a))}",
                              data={"before": _sponsors(before), "after": _sponsors(a)}))
        if (a.get("statusIndicator") or "") != (before.get("statusIndicator") or ""):
            out.append(Change(kind="star-changed", entity="amendment", key=key[1],
                              summary=f"Amendment {label}: star {before.get('statusIndicator') or 'none'} → "
                                      f"{a.get('statusIndicator') or 'none'}"))
    for key in sorted(k for k in new if k[0] == "publication"):
        if key not in old:
            p = new[key]
            out.append(Change(kind="publication-added", entity="publication", key=key[1],
                              summary=f"Published: {p.get('title')}", data={"date": p.get("displayDate")}))
    return out
