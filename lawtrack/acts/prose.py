"""An amending provision's words made easy to read by rule (pure).

The quotations are taken out first, with the instruction lexer (so nothing inside a quotation is ever read as
an instruction), and stand as ``«0»``, ``«1»`` …; each quoted structure stands as U+FFFC. Then the Act being
amended becomes ``ACT`` (by its short title or an abbreviation the bill defines), any other Act ``OTHERACT``,
"that Act" ``THATACT`` and "this Act" ``THISACT``; descriptive parentheses ("(interpretation)", "(see section
61(1))") go, while the ones that change the meaning stay ("(but before the “or” at the end)", "(together with
the “or” at the end of it)", "(in each place it occurs)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lawtrack.amendments.instructions.lexer import LexError, tokenize
from lawtrack.amendments.model import OBJECT

QUOTE = re.compile(r"«(\d+)»")
_OTHER_ACT = re.compile(
    r"\b(?:the\s+)?(?!(?:In|After|Before|For|Omit|At|Section|Schedule|Part|Chapter|Where|Until)\b)"
    r"[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|\([A-Z][\w ]*\)|and|of|for|the|on|in|to|with|etc\.?))*?"
    r"\s+Act\s+\d{4}\b")
_SHORT_OTHER = re.compile(r"\bthe\s+\d{4}\s+Act\b")
#: Parentheses that say something about the change itself, not about the provision named before them.
_KEEP = re.compile(r"\((?:but\s|together\s|in\s+(?:each|both|the\s+\w+)\s+place|where\s+it|and\s)", re.I)


@dataclass(frozen=True)
class Prose:
    """The masked words, the quotations they stand for, and notes on how unbalanced quotations were read."""

    masked: str
    quotes: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def quote(self, token: str) -> str:
        m = QUOTE.fullmatch(token.strip())
        return self.quotes[int(m.group(1))] if m else ""


class Unreadable(ValueError):
    """The words cannot be split into prose and quotations."""


def _close_unclosed(text: str) -> str | None:
    """An instruction whose last quotation never closes ("substitute “provision … (as the case may be)."): read
    it to the end of the sentence."""
    if text.count("“") <= text.count("”"):
        return None
    m = re.search(r"[.;,]?\s*$", text)
    end = m.start() if m else len(text)
    return text[:end] + "”" + text[end:]


def mask(text: str, names: Sequence[str]) -> Prose:
    """Mask ``text`` (one provision's own words, quoted structures already U+FFFC). Raises :class:`Unreadable`."""
    text = " ".join(text.split())
    notes: list[str] = []
    try:
        tokens = tokenize(text)
    except LexError:
        try:
            tokens = tokenize(text, lenient=True)
        except LexError as exc:
            closed = _close_unclosed(text)
            if closed is None:
                raise Unreadable(f"{exc.reason} (character {exc.position + 1})") from None
            try:
                tokens = tokenize(closed, lenient=True)
            except LexError as exc2:
                raise Unreadable(f"{exc2.reason} (character {exc2.position + 1})") from None
            notes.append("the last quotation is not closed; read to the end of the sentence")
            text = closed
        notes.extend(t.note for t in tokens if t.note)
    out: list[str] = []
    quotes: list[str] = []
    pos = 0
    for tok in tokens:
        if tok.kind != "quote":
            continue
        out.append(text[pos : tok.start])
        words = tok.text
        if re.search(r"—\s*“\(", words) and words.count("“") > words.count("”"):
            words = re.sub(r"—\s*“(?=\()", "— ", words)  # “— “(i) …”: a list opened inside the quotation
            notes.append("a stray opening quotation mark before a list inside the quoted words is left out")
        out.append(f"«{len(quotes)}»")
        quotes.append(words)
        pos = tok.end
        if tok.open_ended:
            out.append(" ")
    out.append(text[pos:])
    masked = "".join(out)
    masked = _acts(masked, names)
    masked = strip_parentheticals(masked)
    masked = re.sub(r"(?<=[a-z])\(", " (", masked)  # "paragraph(2)(q)"
    masked = re.sub(r"\s*" + OBJECT + r"\s*", " " + OBJECT + " ", masked)
    masked = " ".join(masked.split())
    return Prose(masked, tuple(quotes), tuple(notes))


def _acts(masked: str, names: Sequence[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        bare = name[4:] if name.lower().startswith("the ") else name
        masked = re.sub(r"\b(?:[Tt]he\s+)?" + re.escape(bare) + r"\b", "ACT", masked)
    if "Act" in masked:
        masked = _OTHER_ACT.sub("OTHERACT", masked)
        masked = _SHORT_OTHER.sub("OTHERACT", masked)
    masked = re.sub(r"\bthat\s+Act\b", "THATACT", masked)
    return re.sub(r"\bthis\s+Act\b", "THISACT", masked)


def strip_parentheticals(masked: str) -> str:
    """Remove descriptive parentheses (balanced; any with a space inside, or one word that is not a label such
    as "(commissioners)"), keeping those in :data:`_KEEP`."""
    out: list[str] = []
    i = 0
    n = len(masked)
    while i < n:
        ch = masked[i]
        if ch == "(":
            depth = 0
            j = i
            while j < n:
                if masked[j] == "(":
                    depth += 1
                elif masked[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            inner = masked[i : j + 1]
            word = inner[1:-1]
            # one word is descriptive ("(fees)", "(commissioners)") unless it can be a label: "(a)", "(aa)",
            # "(zb)", "(iv)", "(viii)"
            descriptive = " " in inner or (len(word) >= 4 and word.isalpha() and not set(word) <= set("ivxlcdm"))
            if j < n and descriptive and not _KEEP.match(inner):
                while out and out[-1] == " ":
                    out.pop()
                i = j + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)
