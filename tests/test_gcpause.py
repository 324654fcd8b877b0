"""The collector is paused inside the block and left as it was found after it, even when the block raises."""

from __future__ import annotations

import gc

import pytest

from lawtrack.amendments.apply import apply
from lawtrack.gcpause import collector_paused
from tests import minibill


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost block turns it back on
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_apply_leaves_the_collector_on() -> None:
    apply(minibill.bill(), [])
    assert gc.isenabled()
