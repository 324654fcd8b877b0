"""The cross-check of a parse against the paper's own markup reports every disagreement (and only those)."""

from __future__ import annotations

import pytest

from lawtrack.amendments.consistency import disagreements
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Amendment

INSTRUCTION = "Clause 5, page 4, line 12, leave out “may” and insert “must”"


def check(**markup: str) -> list[str]:
    amendment = Amendment(number="1", instruction=INSTRUCTION, **markup)
    return disagreements(amendment, parse_instruction(INSTRUCTION))


def test_agreeing_markup_gives_no_disagreement() -> None:
    assert check(type="substitute", target_provision="sec_5", target_page="p_4__ln_12") == []
    assert check() == []  # nothing to check against


@pytest.mark.parametrize(("markup", "words"), [
    ({"type": "leaveOut"}, "parsed as substitute but the paper says ukl:type=leaveOut"),
    ({"target_provision": "sec_6"}, "parsed target Clause 5 but the paper says targetProvision=sec_6"),
    ({"target_provision": "sched_2"}, "parsed target Schedule None but the paper says targetProvision=sched_2"),
    ({"target_page": "p_4__ln_13"}, "parsed line 12 but the paper says targetPage=p_4__ln_13"),
    ({"target_page": "p_5__ln_12"}, "parsed page 4 but the paper says targetPage=p_5__ln_12"),
    ({"target_page": "page four"}, "unrecognised targetPage=page four"),
    ({"target_provision": "amnd_12"}, "the paper says this amends amnd_12, but the instruction names a provision"),
    ({"target_provision": "part_2"}, "unrecognised targetProvision=part_2"),
])
def test_each_disagreement_is_reported(markup: dict[str, str], words: str) -> None:
    assert check(**markup) == [words]


def test_an_unparsed_instruction_has_no_disagreements_to_report() -> None:
    amendment = Amendment(number="1", instruction="frobnicate", type="insert")
    assert disagreements(amendment, parse_instruction("frobnicate")) == []


@pytest.mark.parametrize(("instruction", "target", "agrees"), [
    ("Schedule, page 12, line 21, leave out “x”", "sch", True),
    ("Schedule 2, page 12, line 21, leave out “x”", "sch", False),
    ("Title, line 9, at end insert “; and for connected purposes”", "longTitle", True),
    ("Clause 1, page 1, line 9, at end insert “x”", "longTitle", False),
])
def test_the_sole_schedule_and_the_long_title_are_targets(instruction: str, target: str, agrees: bool) -> None:
    amendment = Amendment(number="1", instruction=instruction, target_provision=target)
    assert (disagreements(amendment, parse_instruction(instruction)) == []) is agrees


@pytest.mark.parametrize(("instruction", "markup", "problems"), [
    # every spelling of the sole Schedule, and of the long title
    ("Schedule, page 12, line 21, leave out “x”", {"target_provision": "sched"}, []),
    ("Schedule, page 12, line 21, leave out “x”", {"target_provision": "schedule"}, []),
    ("Schedule 1, page 12, line 21, leave out “x”", {"target_provision": "sch"}, []),  # "Schedule 1" of one
    ("Schedule 2, page 12, line 21, leave out “x”", {"target_provision": "sched"},
     ["parsed target Schedule 2 but the paper says targetProvision=sched (the sole Schedule)"]),
    ("Clause 1, page 1, line 9, leave out “x”", {"target_provision": "schedule"},
     ["parsed no Schedule but the paper says targetProvision=schedule"]),
    ("Leave out Schedule 2", {"target_provision": "sch"},
     ["parsed target Schedule 2 but the paper says targetProvision=sch (the sole Schedule)"]),
    ("Title, line 9, leave out “x”", {"target_provision": "title"}, []),
    ("Title, line 9, leave out “x”", {"target_provision": "preface__longTitle"}, []),
    ("Clause 1, page 1, line 9, leave out “x”", {"target_provision": "title"},
     ["parsed target Clause 1, page 1, line 9 but the paper says targetProvision=title (the long title)"]),
    # numbered Schedules, in both spellings, by the address or by "leave out Schedule N"
    ("Schedule 2, page 12, line 21, leave out “x”", {"target_provision": "sch_2"}, []),
    ("Schedule 2, page 12, line 21, leave out “x”", {"target_provision": "sched_2"}, []),
    ("Leave out Schedule 2", {"target_provision": "sched_2"}, []),
    ("Leave out Schedule 2", {"target_provision": "sched_3"},
     ["parsed target Schedule 2 but the paper says targetProvision=sched_3"]),
    # a target deeper than the clause or Schedule is within it
    ("Schedule 2, page 12, line 21, leave out “x”", {"target_provision": "sched_2__para_3"}, []),
    ("Schedule 2, page 12, line 21, leave out “x”", {"target_provision": "sched_3__para_3"},
     ["parsed target Schedule 2 but the paper says targetProvision=sched_3__para_3"]),
    ("Clause 5, page 4, line 12, leave out “x”", {"target_provision": "sec_5__subsec_2"}, []),
    ("Clause 5, page 4, line 12, leave out “x”", {"target_provision": "sec_15__subsec_2"},
     ["parsed target Clause 5 but the paper says targetProvision=sec_15__subsec_2"]),
    # the line of "leave out lines N to M" is its first line
    ("Clause 5, page 4, leave out lines 12 to 14", {"target_page": "p_4__ln_12"}, []),
    ("Clause 5, page 4, leave out lines 12 to 14", {"target_page": "p_4__ln_14"},
     ["parsed line 12 but the paper says targetPage=p_4__ln_14"]),
    ("Clause 5, page 4, line 12, leave out “x”", {"target_page": "ln_12"}, []),  # no page given: the line alone
])
def test_targets_table(instruction: str, markup: dict[str, str], problems: list[str]) -> None:
    amendment = Amendment(number="1", instruction=instruction, **markup)
    assert disagreements(amendment, parse_instruction(instruction)) == problems
