"""Random edits of a real print, as a new print would make them (for drafting round-trip properties).

Each edit takes the LawMaker tree of a bill and a seeded ``random.Random`` and changes one thing the way a later
print of a bill changes it: words in a clause, in quoted law text, in a heading, a cross-heading, the long title, a
definition, a Schedule paragraph; sub-provisions, clauses and Schedule paragraphs added or left out. Each returns a
short description of what it did, or ``None`` when the chosen provision offers nothing to edit.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable
from copy import deepcopy
from typing import Any

from lxml import etree

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
WORDS = ("relevant", "appropriate", "specified", "reasonable", "written", "prescribed")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_OWN = "not(ancestor::a:quotedStructure)"


def _xpath(el: Any, path: str) -> list[Any]:
    found = el.xpath(path, namespaces=NS)
    return found if isinstance(found, list) else []


def _fresh_ids(el: etree._Element, rng: random.Random) -> None:
    for node in el.iter():
        if isinstance(node.tag, str) and node.get("GUID"):
            node.set("GUID", "_" + str(uuid.UUID(int=rng.getrandbits(128))))
        if isinstance(node.tag, str) and node.get("eId"):
            node.set("eId", node.get("eId", "") + "_x" + str(rng.randrange(10**6)))


def _text_slots(el: etree._Element) -> list[tuple[etree._Element, str]]:
    """(element, "text" | "tail") for every run of words directly inside ``el`` (its text and its inline children's
    text and tails), skipping processing instructions."""
    slots: list[tuple[etree._Element, str]] = []
    if el.text and _WORD.search(el.text):
        slots.append((el, "text"))
    for child in el:
        if isinstance(child.tag, str) and child.text and _WORD.search(child.text) and len(child) == 0:
            slots.append((child, "text"))
        if child.tail and _WORD.search(child.tail):
            slots.append((child, "tail"))
    return slots


def _change_words(el: etree._Element, rng: random.Random, *, repeated: bool = False) -> str | None:
    slots = _text_slots(el)
    if not slots:
        return None
    node, which = rng.choice(slots)
    text = getattr(node, which) or ""
    words = _WORD.findall(text)
    if repeated:
        twice = [w for w in set(words) if words.count(w) >= 2]
        if not twice:
            return None
        target = rng.choice(sorted(twice))
        nth = rng.randrange(1, words.count(target))
    else:
        target = rng.choice(words)
        nth = 0
    hits = [m for m in re.finditer(rf"\b{target}\b", text)]
    m = hits[min(nth, len(hits) - 1)]
    action = rng.choice(["replace", "delete", "insert"])
    if action == "delete" and len(words) > 1:  # a word left out takes a space with it
        s, e = m.span()
        if s > 0 and text[s - 1] == " ":
            s -= 1
        elif e < len(text) and text[e] == " ":
            e += 1
        new = text[:s] + text[e:]
    else:
        word = rng.choice(WORDS) if action == "replace" else f"{target} {rng.choice(WORDS)}"
        new = text[: m.start()] + word + text[m.end() :]
    setattr(node, which, new)
    return f"{action} {target!r}"


def _own_sections(root: etree._Element) -> list[Any]:
    return _xpath(root, f"//a:body//a:section[{_OWN}]")


def words(root: etree._Element, rng: random.Random) -> str | None:
    ps = [p for p in _xpath(rng.choice(_own_sections(root)), f".//a:p[{_OWN}]")]
    return _change_words(rng.choice(ps), rng) if ps else None


def repeated_words(root: etree._Element, rng: random.Random) -> str | None:
    ps = [p for p in _xpath(root, f"//a:body//a:p[{_OWN}]")
          if len(_WORD.findall(p.text or "")) != len(set(_WORD.findall(p.text or "")))]
    return _change_words(rng.choice(ps), rng, repeated=True) if ps else None


def quoted_words(root: etree._Element, rng: random.Random) -> str | None:
    ps = _xpath(root, "//a:quotedStructure//a:p")
    return _change_words(rng.choice(ps), rng) if ps else None


def heading(root: etree._Element, rng: random.Random) -> str | None:
    hs = [h for h in _xpath(root, f"//a:body//a:section[{_OWN}]/a:heading") if _text_slots(h)]
    if not hs:
        return None
    return _change_words(rng.choice(hs), rng)


def crossheading(root: etree._Element, rng: random.Random) -> str | None:
    hs = [h for h in _xpath(root, f"//a:hcontainer[@name='crossheading'][{_OWN}]/a:heading"
                                  f" | //a:part[{_OWN}]/a:heading | //a:chapter[{_OWN}]/a:heading") if _text_slots(h)]
    return _change_words(rng.choice(hs), rng) if hs else None


def long_title(root: etree._Element, rng: random.Random) -> str | None:
    found = _xpath(root, "//a:longTitle//a:p")
    return _change_words(found[0], rng) if found else None


def definition(root: etree._Element, rng: random.Random) -> str | None:
    defs = [d for d in _xpath(root, f"//a:body//a:def[{_OWN}]") if d.text and _WORD.search(d.text)]
    if not defs:
        return None
    d = rng.choice(defs)
    return _change_words(d.getparent(), rng)


def schedule_words(root: etree._Element, rng: random.Random) -> str | None:
    ps = _xpath(root, f"//a:hcontainer[@name='schedule']//a:p[{_OWN}]")
    return _change_words(rng.choice(ps), rng) if ps else None


def _drop(candidates: list[Any], rng: random.Random, what: str) -> str | None:
    siblings = [c for c in candidates if len(_xpath(c.getparent(), f"./a:{etree.QName(c).localname}")) > 1]
    if not siblings:
        return None
    victim = rng.choice(siblings)
    victim.getparent().remove(victim)
    return f"{what} left out"


def _add(candidates: list[Any], rng: random.Random, what: str) -> str | None:
    if not candidates:
        return None
    model = rng.choice(candidates)
    copy = deepcopy(model)
    _fresh_ids(copy, rng)
    p = _xpath(copy, ".//a:p")
    if p and p[0].text:
        p[0].text = f"{rng.choice(WORDS)} {p[0].text}"
    model.addnext(copy)
    return f"{what} added"


def drop_subsection(root: etree._Element, rng: random.Random) -> str | None:
    return _drop(_xpath(rng.choice(_own_sections(root)), "./a:subsection"), rng, "subsection")


def add_subsection(root: etree._Element, rng: random.Random) -> str | None:
    return _add(_xpath(rng.choice(_own_sections(root)), "./a:subsection"), rng, "subsection")


def drop_paragraph(root: etree._Element, rng: random.Random) -> str | None:
    return _drop(_xpath(rng.choice(_own_sections(root)), f".//a:subsection/a:level[{_OWN}]"
                                                         f" | .//a:subsection/a:paragraph[{_OWN}]"), rng, "paragraph")


def drop_clause(root: etree._Element, rng: random.Random) -> str | None:
    section = rng.choice(_own_sections(root))
    section.getparent().remove(section)
    return "clause left out"


def add_clause(root: etree._Element, rng: random.Random) -> str | None:
    section = rng.choice(_own_sections(root))
    copy = deepcopy(section)
    _fresh_ids(copy, rng)
    h = copy.find(f"{{{AKN}}}heading")
    if h is not None:
        h.text = f"New provision {rng.randrange(10_000)}"
    num = copy.find(f"{{{AKN}}}num")
    if num is not None and rng.random() < 0.7:  # numbered as a clerk numbers it (65A); else a duplicate number
        for child in list(num):
            num.remove(child)
        num.text = "".join(section.find(f"{{{AKN}}}num").itertext()).strip() + "A"
    section.addnext(copy)
    return "clause added"


def _schedule_paragraphs(root: etree._Element) -> list[Any]:
    return _xpath(root, f"//a:hcontainer[@name='schedule']//a:paragraph[{_OWN}][not(ancestor::a:paragraph)]"
                        "[a:num]")


def drop_schedule_paragraph(root: etree._Element, rng: random.Random) -> str | None:
    return _drop(_schedule_paragraphs(root), rng, "Schedule paragraph")


def add_schedule_paragraph(root: etree._Element, rng: random.Random) -> str | None:
    return _add(_schedule_paragraphs(root), rng, "Schedule paragraph")


def quoted_number(root: etree._Element, rng: random.Random) -> str | None:
    """A number in text inserted into another Act changes ("(2A)" becomes "(2B)"): law text, drafted whole."""
    found = []
    for n in _xpath(root, "//a:quotedStructure//a:num"):
        if re.fullmatch(r"\(?\d+[A-Z]?\)?", "".join(n.itertext()).strip()):
            slots = [(n, "text")] + [(c, "tail") for c in n]
            found += [(node, slot) for node, slot in slots if re.search(r"\d", getattr(node, slot) or "")]
    if not found:
        return None
    node, slot = rng.choice(found)
    setattr(node, slot, re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + 7), getattr(node, slot), count=1))
    return "quoted number changed"


def add_paragraph(root: etree._Element, rng: random.Random) -> str | None:
    return _add(_xpath(rng.choice(_own_sections(root)), f".//a:subsection/a:level[{_OWN}]"), rng, "paragraph")


def add_schedule_part(root: etree._Element, rng: random.Random) -> str | None:
    """A new Part at the end of a Schedule that has Parts (a copy of its last, numbered on)."""
    scheds = [s for s in _xpath(root, f"//a:hcontainer[@name='schedule'][{_OWN}]") if _xpath(s, "./a:part")]
    if not scheds:
        return None
    last = _xpath(rng.choice(scheds), "./a:part")[-1]
    copy = deepcopy(last)
    _fresh_ids(copy, rng)
    num = copy.find(f"{{{AKN}}}num")
    if num is not None:
        text = "".join(num.itertext())
        for child in list(num):
            num.remove(child)
        num.text = re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + 1), text.strip(), count=1)
    last.addnext(copy)
    return "Schedule Part added"


def punctuation(root: etree._Element, rng: random.Random) -> str | None:
    """"; and" becomes "; or", a closing semicolon a full stop — the small changes between prints."""
    ps = [p for p in _xpath(root, f"//a:body//a:p[{_OWN}]") if p.text and re.search(r"(; and|; or|;)\s*$", p.text)]
    if not ps:
        return None
    p = rng.choice(ps)
    text = p.text or ""
    p.text = re.sub(r"; and\s*$", "; or", text) if "; and" in text else re.sub(r";(\s*)$", r".\1", text)
    return "punctuation"


EDITS: dict[str, Callable[[etree._Element, random.Random], str | None]] = {
    "words": words, "repeated-words": repeated_words, "quoted-words": quoted_words, "heading": heading,
    "crossheading": crossheading, "long-title": long_title, "definition": definition,
    "schedule-words": schedule_words, "drop-subsection": drop_subsection, "add-subsection": add_subsection,
    "drop-paragraph": drop_paragraph, "drop-clause": drop_clause, "add-clause": add_clause,
    "drop-schedule-paragraph": drop_schedule_paragraph, "add-schedule-paragraph": add_schedule_paragraph,
    "quoted-number": quoted_number, "add-paragraph": add_paragraph, "add-schedule-part": add_schedule_part,
    "punctuation": punctuation,
}


def strip_lines(root: etree._Element) -> None:
    """The print without its page/line markers (``<?L page-line?>``), as some LawMaker output comes."""
    for pi in list(root.iter(etree.ProcessingInstruction)):
        if isinstance(pi, etree._ProcessingInstruction) and pi.target == "L":
            parent = pi.getparent()
            if parent is None:
                continue
            tail = pi.tail or ""
            prev = pi.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(pi)


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)
