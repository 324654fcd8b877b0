"""Word-level diff of two texts with diff-match-patch: tokens, not characters, so no word is ever split.

Texts are NFC-normalised and split into words, spaces and punctuation that re-join byte for byte; each distinct
token becomes one private-use character, diff-match-patch runs on those (with ``Diff_Timeout = 0``: the default
one-second timeout silently degrades long diffs to "delete all, insert all"), semantic cleanup follows, and the
result is mapped back to text. ``fast-diff-match-patch`` is used when installed (``lawtrack[fast]``); the pure
Python library is the reference and both give the same output.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal, NamedTuple

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*|\s+|[^\w\s]", re.UNICODE)
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})

Op = Literal["equal", "insert", "delete"]


class Segment(NamedTuple):
    op: Op
    text: str
    old_start: int  # offset in the old text (for insert: where it goes)
    new_start: int  # offset in the new text (for delete: where it was)


def tokenize(text: str) -> list[str]:
    """Words, runs of spaces and single punctuation marks; ``"".join(tokenize(t)) == t``."""
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != text:  # characters the pattern does not cover (unassigned code points)
        out, i = [], 0
        for m in _TOKEN.finditer(text):
            if m.start() > i:
                out.append(text[i : m.start()])
            out.append(m.group(0))
            i = m.end()
        if i < len(text):
            out.append(text[i:])
        return out
    return tokens


def _encode(a: list[str], b: list[str], key: dict[str, str]) -> tuple[str, str, list[str]]:
    """Each distinct key (in order of first use, ``a`` then ``b``) as one private-use character; the loops run in
    C (``dict.fromkeys``, ``map``), since a bill's word diffs encode hundreds of thousands of tokens."""
    keys_a, keys_b = list(map(key.__getitem__, a)), list(map(key.__getitem__, b))
    tokens = list(dict.fromkeys(keys_a + keys_b))
    table = {k: chr(0xF0000 + n) if n < 0xFFFE else chr(0x100000 + n - 0xFFFE) for n, k in enumerate(tokens)}
    return "".join(map(table.__getitem__, keys_a)), "".join(map(table.__getitem__, keys_b)), tokens


def _engine() -> Any:
    try:  # pragma: no cover - optional accelerator
        import fast_diff_match_patch  # type: ignore[import-not-found]

        return fast_diff_match_patch
    except ImportError:
        return None


_FAST = _engine()


def _dmp_diff(a: str, b: str, *, use_fast: bool | None = None) -> list[tuple[int, str]]:
    fast = _FAST if use_fast is None or use_fast else None
    if fast is not None:  # pragma: no cover - exercised only with the extra installed
        return [({"=": 0, "-": -1, "+": 1}[op], text) for op, text in
                fast.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False)]
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs]


def word_diff(old: str, new: str, *, fold_quotes: bool = False, fold_space: bool = False,
              use_fast: bool | None = None) -> list[Segment]:
    """Segments that turn ``old`` into ``new``: equal / delete / insert, each a run of whole tokens.

    >>> import lawtrack
    >>> [(s.op, s.text) for s in lawtrack.word_diff("the Secretary of State may", "the Secretary of State must")]
    [('equal', 'the Secretary of State '), ('delete', 'may'), ('insert', 'must')]

    With ``fold_quotes`` curly and straight quotes compare equal; with ``fold_space`` any run of whitespace
    equals any other. Equal segments carry the *new* text.
    """
    old = unicodedata.normalize("NFC", old)
    new = unicodedata.normalize("NFC", new)
    ta, tb = tokenize(old), tokenize(new)
    key: dict[str, str] = {}
    for tok in {*ta, *tb}:
        k = tok
        if fold_quotes:
            k = k.translate(_FOLD)
        if fold_space and k.isspace():
            k = " "
        key[tok] = k
    ca, cb, _ = _encode(ta, tb, key)
    out: list[Segment] = []
    ia = ib = 0  # token indexes
    oa = ob = 0  # character offsets
    for op, chars in _dmp_diff(ca, cb, use_fast=use_fast):
        n = len(chars)
        if op == 0:
            text_new = "".join(tb[ib : ib + n])
            text_old = "".join(ta[ia : ia + n])
            out.append(Segment("equal", text_new, oa, ob))
            oa += len(text_old)
            ob += len(text_new)
            ia += n
            ib += n
        elif op == -1:
            text = "".join(ta[ia : ia + n])
            out.append(Segment("delete", text, oa, ob))
            oa += len(text)
            ia += n
        else:
            text = "".join(tb[ib : ib + n])
            out.append(Segment("insert", text, oa, ob))
            ob += len(text)
            ib += n
    return out


def apply_segments(old: str, segments: list[Segment]) -> str:
    """Apply a diff to ``old``: the new text. Raises ``ValueError`` when the diff was not made from ``old``
    (a deleted or kept stretch is not where the diff says; kept text is compared with quotes and spaces folded,
    as the diff may have been)."""
    old = unicodedata.normalize("NFC", old)
    out: list[str] = []
    pos = 0
    for s in segments:
        if s.old_start != pos:
            raise ValueError(f"the diff expects offset {s.old_start} of the old text, not {pos}")
        if s.op == "insert":
            out.append(s.text)
            continue
        if s.op == "delete":
            if old[pos : pos + len(s.text)] != s.text:
                raise ValueError(f"the diff leaves out {s.text!r} at {pos}, but the old text has "
                                 f"{old[pos : pos + len(s.text)]!r}")
            pos += len(s.text)
            continue
        length = _equal_length(old, pos, s.text)
        if length is None:
            raise ValueError(f"the diff keeps {s.text!r} at {pos}, but the old text differs there")
        out.append(s.text)
        pos += length
    if pos != len(old):
        raise ValueError(f"the diff ends at offset {pos} of an old text of {len(old)} characters")
    return "".join(out)


def _equal_length(old: str, pos: int, kept: str) -> int | None:
    """How much of ``old`` from ``pos`` matches ``kept`` (new text) with quotes and space runs folded."""
    ta = tokenize(old[pos:])
    tb = tokenize(kept)
    length = 0
    for a, b in zip(ta, tb, strict=False):
        if a.translate(_FOLD) != b.translate(_FOLD) and not (a.isspace() and b.isspace()):
            return None
        length += len(a)
    return length if len(ta) >= len(tb) else None


def changed(segments: list[Segment]) -> bool:
    return any(s.op != "equal" for s in segments)
