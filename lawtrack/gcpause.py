"""Pause Python's cyclic garbage collector around work that makes many small objects and no reference cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block the cyclic collector does not run: the reader and ``apply`` make hundreds of thousands of
    small objects, and a collection would only re-scan them, again and again as the heap grows (12-20% of a large
    bill's load, 15% of applying 1,000 amendments to it). Reference counting still frees everything; a cycle made
    inside is collected after. Nested use is safe: only the outermost block turns the collector back on.

    What the block made is a model that lives on, so on the way out it goes straight to the oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``: two list splices) rather than being scanned by the first young
    collection after the block and again by the middle one (11 ms after a large bill's load). A cycle made
    inside is then collected by the next full collection. If the process has frozen objects of its own (a
    server that forks), they are left frozen and nothing is moved."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
