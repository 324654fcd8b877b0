"""One recogniser per form of an Act's amending provision, tried in order (first match wins).

Each module has ``recognise(action, prose, ctx) -> Read | None`` over the masked words of one action (see
:mod:`lawtrack.acts.prose`). To add a form: a module here, listed in :data:`RULES`, and table-driven cases
quoting real bills in ``tests/test_keeling_forms.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from lawtrack.acts.prose import Prose
from lawtrack.acts.rules import (
                                    headings,
                                    insert_provisions,
                                    insert_words,
                                    omit_provisions,
                                    omit_words,
                                    renumber,
                                    substitute_provisions,
                                    substitute_words,
)
from lawtrack.acts.rules.common import Ctx, Read

Recogniser = Callable[[str, Prose, Ctx], "Read | None"]

RULES: tuple[tuple[str, Recogniser], ...] = (
    ("substitute words", substitute_words.recognise),
    ("omit words", omit_words.recognise),
    ("insert words", insert_words.recognise),
    ("heading", headings.recognise),
    ("renumber", renumber.recognise),
    ("insert provisions", insert_provisions.recognise),
    ("substitute provisions", substitute_provisions.recognise),
    ("omit provisions", omit_provisions.recognise),
)
