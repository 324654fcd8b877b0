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
