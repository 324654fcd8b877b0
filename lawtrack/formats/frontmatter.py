"""YAML front matter of Markdown bills and amendment drafts, read safely (pure).

The loader is PyYAML's safe loader with three changes, because front matter is people's text:

- **no aliases** (``*anchor``): an alias "bomb" of a few hundred bytes expands to gigabytes; front matter never
  needs one, so it is refused with its line;
- **numbers and dates stay text**: ``number: 96`` is the amendment "96", ``paper_date: 2024-02-30`` is a string
  the reader checks itself (an impossible date, a 5,000-digit number or a bad ``!!timestamp`` never crash);
- **bounded**: front matter longer than :data:`MAX_FRONT_MATTER` characters is refused.

Every problem is a :class:`LawtrackError` naming the file and the line.
"""

from __future__ import annotations

from typing import Any

import yaml

from lawtrack.errors import LawtrackError
from lawtrack.formats.xmlsafe import XML_INVALID

MAX_FRONT_MATTER = 64 * 1024

_PLAIN_TYPES = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")


class _Loader(yaml.SafeLoader):
    """Safe loader without aliases, reading numbers and dates as text."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise LawtrackError("front matter uses a YAML alias (*name), which lawtrack does not read",
                                line=event.start_mark.line + 2, expected="plain values; write the text out")
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _PLAIN_TYPES]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


#: libyaml's parser and composer where PyYAML has them (5× faster; a site reads thousands of drafts), with the
#: same resolvers. Its composer cannot be overridden to refuse aliases, so the events are checked first. Front
#: matter it refuses is read again by the pure-Python loader, so every error has that loader's message and line.
_FAST: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        pass

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FAST = _FastLoader


def _no_alias(block: str) -> None:
    """Refuse an alias (``*name``) with its line, before anything is built from it."""
    for event in yaml.parse(block, Loader=_FAST or _Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            raise LawtrackError("front matter uses a YAML alias (*name), which lawtrack does not read",
                                line=mark.line + 2 if mark is not None else 2,
                                expected="plain values; write the text out")


class FrontMatter:
    """Front matter as read: its data, the line each top-level key is on, and the lines after it."""

    def __init__(self, data: dict[str, Any], key_lines: dict[str, int], lines: list[str], offset: int) -> None:
        self.data = data
        self.key_lines = key_lines
        self.lines = lines  # the document after the closing ``---``
        self.offset = offset  # how many lines the front matter took (so ``lines[i]`` is line offset + i + 1)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 2)


def read_front_matter(text: str, source: str) -> FrontMatter:
    """Split ``---`` front matter from the rest of a Markdown document and read it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter({}, {}, lines, 0)
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise LawtrackError("front matter opened with '---' is never closed", source=source, line=1,
                            expected="a closing '---' line")
    block = "\n".join(lines[1:end])
    if len(block) > MAX_FRONT_MATTER:
        raise LawtrackError(f"front matter is {len(block):,} characters long", source=source, line=2,
                            expected=f"at most {MAX_FRONT_MATTER:,}")
    data, key_lines = _load(block, source)
    for key, value in data.items():  # "\u0000" in a quoted YAML value is a NUL once read
        bad = next((m for s in [key, *_strings(value)] if (m := XML_INVALID.search(s))), None)
        if bad is not None:
            raise LawtrackError(f"front matter '{key}' contains the control character U+{ord(bad.group()):04X}",
                                source=source, line=key_lines.get(key, 2),
                                expected="text without control characters")
    return FrontMatter(data, key_lines, lines[end + 1 :], end + 1)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _load(block: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    if not block.strip():
        return {}, {}
    if _FAST is not None:
        try:
            return _load_with(_FAST, block, source)
        except LawtrackError:
            pass  # read again by the pure-Python loader, whose message and line are the ones people get
    return _load_with(_Loader, block, source)


def _load_with(kind: type[Any], block: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    loader = kind(block)
    try:
        if kind is _FAST:
            _no_alias(block)
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise LawtrackError("front matter is not a mapping", source=source, line=2,
                                expected="'key: value' lines")
        key_lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        data: Any = {}
        for key_node, value_node in node.value:  # value by value, so an error has the line of its own value
            try:
                key = loader.construct_object(key_node, deep=True)
                data[key] = loader.construct_object(value_node, deep=True)
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a bad !!timestamp, !!float …
                raise LawtrackError(f"front matter has a value YAML cannot read: {exc}", source=source,
                                    line=value_node.start_mark.line + 2, expected="plain text values") from None
    except LawtrackError as exc:  # raised by the loader, which does not know the file
        raise LawtrackError(exc.message, source=source, line=exc.line, expected=exc.expected) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc)
        raise LawtrackError(f"front matter is not valid YAML: {problem}", source=source, line=line,
                            expected="'key: value' lines") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise LawtrackError("front matter is not a mapping", source=source, line=2, expected="'key: value' lines")
    return {str(k): v for k, v in data.items()}, key_lines
