"""The collector is paused inside the block and left as it was found after it, even when the block raises."""

from __future__ import annotations

import gc
import weakref

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


def test_what_was_made_inside_is_promoted_to_the_oldest_generation() -> None:
    gc.collect()
    with collector_paused():
        made = [[i] for i in range(5_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(m) in oldest for m in made)  # not left for young collections to scan
    assert gc.get_freeze_count() == 0  # and nothing is left frozen


def test_a_cycle_made_inside_is_still_collected() -> None:
    class Node:
        pass

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]
        ref = weakref.ref(a)
    del a, b
    gc.collect()
    assert ref() is None


def test_objects_the_process_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector_paused():
            _ = [[i] for i in range(1_000)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
