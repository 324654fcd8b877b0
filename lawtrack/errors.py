"""The one exception type lawtrack raises for bad input.

Every error names where it happened (file, line, column, or an amendment number) and what was expected, so that
a policy officer can find and fix the input without reading a traceback.
"""

from __future__ import annotations


class LawtrackError(Exception):
    """Bad input or an impossible request, with the place it was found.

    >>> import lawtrack
    >>> try:
    ...     lawtrack.load_bill("no-such-bill.xml")
    ... except lawtrack.LawtrackError as exc:
    ...     print(exc.source, "—", exc.message)
    no-such-bill.xml — cannot read file: No such file or directory
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(self.__str__())

    def where(self) -> str:
        parts = [self.source or "<input>"]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        return text
