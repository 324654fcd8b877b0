"""Change events from two snapshots of a bill's record (pure).

A snapshot maps (kind, key) to the JSON of one entity: the bill, a stage, an amendment, a publication.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from lawtrack.track.models import DECISION_LABELS
from lawtrack.track.stored import Record

Snapshot = dict[tuple[str, str], dict[str, Any]]


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # tracked, stage-reached, royal-assent, stage-added, sittings-changed, amendment-tabled, …
    entity: str  # "bill", "stage", "amendment", "publication"
    key: str
    summary: str
    data: dict[str, Any] = {}


def diff(old: Snapshot, new: Snapshot) -> list[Change]:
    """What changed from ``old`` to ``new``, in a stable order."""
    before, after = Record(old), Record(new)
    out: list[Change] = []
    for key, b in after.bills.items():
        was = before.bills.get(key)
        title = b.short_title or key
        if was is None:
            out.append(Change(kind="tracked", entity="bill", key=key, summary=f"Now tracking {title}"))
        stage = b.current_stage.description if b.current_stage else None
        house = b.current_stage.house if b.current_stage else None
        old_stage = was.current_stage.description if was is not None and was.current_stage else None
        if stage and stage != old_stage and was is not None:
            out.append(Change(kind="stage-reached", entity="bill", key=key,
                              summary=f"{title} reached {stage} ({house})", data={"stage": stage, "house": house}))
        if b.is_act and not (was is not None and was.is_act):
            out.append(Change(kind="royal-assent", entity="bill", key=key, summary=f"{title} became an Act"))
    for key, s in after.stages_in_order():
        was_stage = before.stages.get(key)
        if was_stage is None:
            out.append(Change(kind="stage-added", entity="stage", key=key, summary=f"Stage added: {s.name}",
                              data={"dates": s.dates}))
        elif s.dates != was_stage.dates:
            out.append(Change(kind="sittings-changed", entity="stage", key=key,
                              summary=f"Sitting dates of {s.name}: {', '.join(s.dates) or 'none'}",
                              data={"before": was_stage.dates, "after": s.dates}))
    for key in sorted(after.amendments):
        a, was_a = after.amendments[key], before.amendments.get(key)
        label = a.label
        if was_a is None:
            out.append(Change(kind="amendment-tabled", entity="amendment", key=key,
                              summary=f"Amendment {label} tabled", data={"decision": a.decision}))
            if a.decision != "NoDecision":
                out.append(Change(kind="decision-recorded", entity="amendment", key=key,
                                  summary=f"Amendment {label}: {DECISION_LABELS.get(a.decision, a.decision)}",
                                  data={"decision": a.decision}))
            continue
        if a.decision != was_a.decision:
            kind = "decision-recorded" if was_a.decision == "NoDecision" else "decision-changed"
            out.append(Change(kind=kind, entity="amendment", key=key,
                              summary=f"Amendment {label}: {DECISION_LABELS.get(a.decision, a.decision)}",
                              data={"before": was_a.decision, "after": a.decision}))
        if a.text != was_a.text:
            out.append(Change(kind="amendment-text-changed", entity="amendment", key=key,
                              summary=f"Amendment {label}: text changed"))
        if a.sponsor_names != was_a.sponsor_names:
            out.append(Change(kind="sponsors-changed", entity="amendment", key=key,
                              summary=f"Amendment {label}: sponsors now {', '.join(a.sponsor_names)}",
                              data={"before": was_a.sponsor_names, "after": a.sponsor_names}))
        if (a.status_indicator or "") != (was_a.status_indicator or ""):
            out.append(Change(kind="star-changed", entity="amendment", key=key,
                              summary=f"Amendment {label}: star {was_a.status_indicator or 'none'} → "
                                      f"{a.status_indicator or 'none'}"))
    for key in sorted(after.publications):
        if key not in before.publications:
            pub = after.publications[key]
            out.append(Change(kind="publication-added", entity="publication", key=key,
                              summary=f"Published: {pub.title}", data={"date": pub.display_date}))
    return out
