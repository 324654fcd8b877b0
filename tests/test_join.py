"""Joining Bills API amendments with LawMaker amendments: dNum first (any case), else number and stage."""

from __future__ import annotations

from lawtrack.amendments.model import Amendment
from lawtrack.track.join import join


def paper(number: str, dnum: str | None, stage: str) -> Amendment:
    return Amendment(number=number, dnum=dnum, stage=stage, instruction="Leave out Clause 1")


def test_dnum_wins_over_the_number_and_ignores_case() -> None:
    papers = [paper("7", "HoC238", "Report Stage"), paper("238", None, "Report Stage")]
    [(_, found)] = join([{"dNum": "hoc238", "marshalledListText": "238", "stageName": "Report stage"}], papers)
    assert found is papers[0]


def test_without_a_dnum_the_number_and_stage_decide() -> None:
    papers = [paper("5", None, "Committee Stage"), paper("5", None, "Report Stage")]
    items = [{"marshalledListText": "5", "stageName": "Report stage"},
             {"marshalledListText": "5", "stageName": "Committee stage"},
             {"marshalledListText": "5"},  # no stage: two candidates, so no guess
             {"marshalledListText": "6", "stageName": "Report stage"}]
    assert [found for _, found in join(items, papers)] == [papers[1], papers[0], None, None]


def test_an_unknown_dnum_falls_back_to_the_number() -> None:
    papers = [paper("NC1", "HoC1", "Report Stage")]
    [(_, found)] = join([{"dNum": "HoC999", "marshalledListText": "NC1", "stageName": "Report Stage"}], papers)
    assert found is papers[0]
