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
    # Checked object by object: the freeze count alone drops whenever some frozen object elsewhere in the test
    # process is freed by reference counting during the block, which made a count comparison flaky.
    kept = [[i] for i in range(100)]
    gc.freeze()
    try:
        with collector_paused():
            made = [[i] for i in range(1_000)]
        # Frozen objects are in none of the three generations gc.get_objects reports.
        tracked = {id(o) for generation in range(3) for o in gc.get_objects(generation=generation)}
        assert not any(id(k) in tracked for k in kept)  # still frozen: the block did not unfreeze the process
        assert gc.get_freeze_count() >= len(kept)
        assert all(id(m) in tracked for m in made)  # what the block made was not frozen with them
    finally:
        gc.unfreeze()
