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
    inside is collected after. Nested use is safe: only the outermost block turns the collector back on."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
