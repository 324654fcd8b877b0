"""What the bill model's frozen dataclasses share: pydantic's dump, copy, validate and schema methods.

The bill model (provisions, citations, metadata) and the comparison of two bills are read by every command that
loads a bill. They are frozen dataclasses, not pydantic models: pydantic costs ~35–60 ms to import and set up,
which was a fifth of a whole ``lawtrack diff`` (issue 12). The methods below keep the pydantic interface these
classes had, and import pydantic only when one of them is first called (through a ``TypeAdapter``, which validates
and serialises a dataclass exactly as it would a model of the same fields).

>>> import lawtrack
>>> p = lawtrack.load_bill("bills/social-housing-regulation/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"
...                        ).provision("clause 1(a)")
>>> p.model_dump(mode="json", include={"kind", "num"})
{'kind': 'paragraph', 'num': '(a)'}
>>> p.model_copy(update={"heading": "New"}).heading, p.heading
('New', None)
"""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from pydantic import TypeAdapter


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(cls: type) -> TypeAdapter[Any]:
    found = _ADAPTERS.get(cls)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[cls] = TypeAdapter(cls)
    return found


class Record:
    """Mixed into the model's frozen dataclasses. Copies are made with :func:`dataclasses.replace`."""

    __slots__ = ()

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with the fields in ``update`` replaced (not validated, as in pydantic)."""
        made = copy.deepcopy(self) if deep else self
        return dataclasses.replace(made, **(update or {}))  # type: ignore[type-var]

    def model_dump(self, **options: Any) -> Any:
        """The fields as a dict, nested records included; ``options`` as pydantic's (``mode="json"``,
        ``include``, ``exclude``, ``exclude_none``, ``exclude_defaults`` …)."""
        return _adapter(type(self)).dump_python(self, **options)

    def model_dump_json(self, **options: Any) -> str:
        return _adapter(type(self)).dump_json(self, **options).decode("utf-8")

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """The same as calling the class (a dataclass validates nothing either way)."""
        return cls(**values)

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """Build from a dict (or check an instance), validating and converting every field."""
        return _adapter(cls).validate_python(obj)  # type: ignore[no-any-return]

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        return _adapter(cls).json_schema()
