"""One recogniser per instruction form, tried in order (as markdown-it-py has one rule per module).

Each recogniser takes a :class:`~lawtrack.amendments.instructions.cursor.Cursor` just after the address and
returns an operation, leaving the cursor after what it read, or ``None`` (the parser resets the cursor).
"""

from __future__ import annotations

from collections.abc import Callable

from lawtrack.amendments.instructions.cursor import Cursor
from lawtrack.amendments.instructions.rules import (
    insert_words,
    leave_out_clause,
    leave_out_lines,
    leave_out_provisions,
    leave_out_range,
    leave_out_words,
    new_provision,
)
from lawtrack.amendments.model import Operation

Rule = Callable[[Cursor], Operation | None]

#: Order matters only where forms share a prefix: "leave out Clause", "leave out lines", "leave out from",
#: "leave out subsection" are all tried before plain "leave out “words”".
RULES: tuple[tuple[str, Rule], ...] = (
    ("new-provision", new_provision.recognise),
    ("leave-out-clause", leave_out_clause.recognise),
    ("leave-out-lines", leave_out_lines.recognise),
    ("leave-out-range", leave_out_range.recognise),
    ("leave-out-provisions", leave_out_provisions.recognise),
    ("leave-out-words", leave_out_words.recognise),
    ("insert-words", insert_words.recognise),
)
