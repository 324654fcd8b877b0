"""Every kind of change event, from two hand-written snapshots of a bill's record."""

from __future__ import annotations

from typing import Any

from lawtrack.track.events import Snapshot, diff


def stage(sid: int, name: str, house: str, dates: list[str], order: int) -> dict[str, Any]:
    return {"id": sid, "stageId": 1, "sessionId": 1, "description": name, "house": house, "sortOrder": order,
            "stageSittings": [{"id": sid * 10 + i, "stageId": 1, "billStageId": sid, "billId": 7, "date": d}
                              for i, d in enumerate(dates)]}


def amendment(n: str, decision: str, sponsors: list[str], text: str, star: str | None = None) -> dict[str, Any]:
    return {"amendmentId": int(n), "billStageId": 1, "marshalledListText": n, "decision": decision,
            "statusIndicator": star, "sponsors": [{"name": s} for s in sponsors],
            "amendmentLines": [{"text": text}]}


BEFORE: Snapshot = {
    ("bill", "7"): {"billId": 7, "shortTitle": "Test Bill", "isAct": False,
                    "currentStage": {"description": "2nd reading", "house": "Commons"}},
    ("stage", "1"): stage(1, "2nd reading", "Commons", ["2024-01-10T00:00:00"], 1),
    ("amendment", "1:1"): amendment("1", "NoDecision", ["A Member"], "leave out “x”"),
    ("amendment", "1:2"): amendment("2", "NoDecision", ["B Member"], "leave out “y”", "★"),
    ("amendment", "1:3"): amendment("3", "Agreed", ["C Member"], "leave out “z”"),
    ("publication", "1"): {"id": 1, "title": "Bill as introduced", "displayDate": "2024-01-01"},
}

AFTER: Snapshot = {
    ("bill", "7"): {"billId": 7, "shortTitle": "Test Bill", "isAct": True,
                    "currentStage": {"description": "Royal Assent", "house": "Unassigned"}},
    ("stage", "1"): stage(1, "2nd reading", "Commons", ["2024-01-10T00:00:00", "2024-01-17T00:00:00"], 1),
    ("stage", "2"): stage(2, "Committee stage", "Commons", ["2024-02-01T00:00:00"], 2),
    ("amendment", "1:1"): amendment("1", "Agreed", ["A Member", "D Member"], "leave out “x”"),
    ("amendment", "1:2"): amendment("2", "NoDecision", ["B Member"], "leave out “y” and insert “w”", None),
    ("amendment", "1:3"): amendment("3", "Withdrawn", ["C Member"], "leave out “z”"),
    ("amendment", "2:4"): amendment("4", "NotMoved", ["E Member"], "leave out “v”"),
    ("publication", "1"): {"id": 1, "title": "Bill as introduced", "displayDate": "2024-01-01"},
    ("publication", "2"): {"id": 2, "title": "Explanatory notes", "displayDate": "2024-01-02"},
}


def test_every_kind_of_change_is_one_event() -> None:
    events = [(c.kind, c.key, c.summary) for c in diff(BEFORE, AFTER)]
    assert events == [
        ("stage-reached", "7", "Test Bill reached Royal Assent (Unassigned)"),
        ("royal-assent", "7", "Test Bill became an Act"),
        ("sittings-changed", "1", "Sitting dates of 2nd reading (Commons): 2024-01-10, 2024-01-17"),
        ("stage-added", "2", "Stage added: Committee stage (Commons)"),
        ("decision-recorded", "1:1", "Amendment 1: agreed"),
        ("sponsors-changed", "1:1", "Amendment 1: sponsors now A Member, D Member"),
        ("amendment-text-changed", "1:2", "Amendment 2: text changed"),
        ("star-changed", "1:2", "Amendment 2: star ★ → none"),
        ("decision-changed", "1:3", "Amendment 3: withdrawn"),
        ("amendment-tabled", "2:4", "Amendment 4 tabled"),
        ("decision-recorded", "2:4", "Amendment 4: not moved"),
        ("publication-added", "2", "Published: Explanatory notes"),
    ]


def test_the_first_snapshot_is_tracked_and_an_unchanged_one_says_nothing() -> None:
    first = diff({}, BEFORE)
    assert first[0].kind == "tracked" and first[0].summary == "Now tracking Test Bill"
    assert [c.kind for c in first].count("amendment-tabled") == 3
    assert diff(AFTER, AFTER) == []
    assert "tracked" not in {c.kind for c in diff(BEFORE, AFTER)}


def test_decision_data_says_before_and_after() -> None:
    change = next(c for c in diff(BEFORE, AFTER) if c.kind == "decision-changed")
    assert change.data == {"before": "Agreed", "after": "Withdrawn"}
    sponsors = next(c for c in diff(BEFORE, AFTER) if c.kind == "sponsors-changed")
    assert sponsors.data == {"before": ["A Member"], "after": ["A Member", "D Member"]}


def test_a_stored_record_that_does_not_fit_names_the_entity_and_field() -> None:
    import pytest

    from lawtrack import LawtrackError
    from lawtrack.track.stored import Record

    with pytest.raises(LawtrackError) as info:
        Record({("amendment", "1:9"): {"marshalledListText": "9", "sponsors": [{"name": ["not", "a", "name"]}]}})
    assert "stored amendment 1:9" in str(info.value) and "sponsors.0.name" in str(info.value)
    record = Record({("amendment", "1:9"): {"marshalledListText": "9", "sponsors": None, "decision": None}})
    assert record.amendments["1:9"].sponsors == [] and record.amendments["1:9"].decision == "NoDecision"


def test_every_event_names_its_entity_and_carries_its_data() -> None:
    """Hand-checked against BEFORE/AFTER above: what each event is about and the data a feed or script reads."""
    assert [(c.kind, c.entity, c.key, c.data) for c in diff(BEFORE, AFTER)] == [
        ("stage-reached", "bill", "7", {"stage": "Royal Assent", "house": "Unassigned"}),
        ("royal-assent", "bill", "7", {}),
        ("sittings-changed", "stage", "1", {"before": ["2024-01-10"], "after": ["2024-01-10", "2024-01-17"]}),
        ("stage-added", "stage", "2", {"dates": ["2024-02-01"]}),
        ("decision-recorded", "amendment", "1:1", {"before": "NoDecision", "after": "Agreed"}),
        ("sponsors-changed", "amendment", "1:1", {"before": ["A Member"], "after": ["A Member", "D Member"]}),
        ("amendment-text-changed", "amendment", "1:2", {}),
        ("star-changed", "amendment", "1:2", {}),
        ("decision-changed", "amendment", "1:3", {"before": "Agreed", "after": "Withdrawn"}),
        ("amendment-tabled", "amendment", "2:4", {"decision": "NotMoved"}),
        ("decision-recorded", "amendment", "2:4", {"decision": "NotMoved"}),
        ("publication-added", "publication", "2", {"date": "2024-01-02"}),
    ]
    assert [(c.kind, c.entity, c.key, c.data) for c in diff({}, BEFORE)] == [
        ("tracked", "bill", "7", {}),
        ("stage-added", "stage", "1", {"dates": ["2024-01-10"]}),
        ("amendment-tabled", "amendment", "1:1", {"decision": "NoDecision"}),
        ("amendment-tabled", "amendment", "1:2", {"decision": "NoDecision"}),
        ("amendment-tabled", "amendment", "1:3", {"decision": "Agreed"}),
        ("decision-recorded", "amendment", "1:3", {"decision": "Agreed"}),
        ("publication-added", "publication", "1", {"date": "2024-01-01"}),
    ]


def test_the_mirror_cases_say_none_and_keep_unknown_decisions() -> None:
    """The other way round: sittings that go, a star that comes, a decision lawtrack has no label for."""
    before: Snapshot = {**AFTER, ("amendment", "1:2"): amendment("2", "NoDecision", ["B Member"], "t", None),
                        ("amendment", "2:5"): amendment("5", "NoDecision", ["F Member"], "u")}
    after: Snapshot = {**AFTER, ("stage", "2"): stage(2, "Committee stage", "Commons", [], 2),
                       ("amendment", "1:2"): amendment("2", "NoDecision", ["B Member"], "t", "☆"),
                       ("amendment", "2:5"): amendment("5", "ReferredToACommittee", ["F Member"], "u"),
                       ("amendment", "2:6"): amendment("6", "ReferredToACommittee", ["G Member"], "s")}
    assert [(c.kind, c.summary) for c in diff(before, after)] == [
        ("sittings-changed", "Sitting dates of Committee stage (Commons): none"),
        ("star-changed", "Amendment 2: star none → ☆"),
        ("decision-recorded", "Amendment 5: ReferredToACommittee"),
        ("amendment-tabled", "Amendment 6 tabled"),
        ("decision-recorded", "Amendment 6: ReferredToACommittee"),
    ]
