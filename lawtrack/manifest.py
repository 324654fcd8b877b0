"""Bill manifests under ``bills/``: which bill, its Bills API id, and where its text comes from (I/O shell)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from lawtrack.errors import LawtrackError
from lawtrack.formats.load import load_bill
from lawtrack.model.bill import Bill
from lawtrack.track.record import StageRecord


class BillInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str
    title: str
    session: str | None = None
    bills_api_id: int | None = None


class SourceInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str = "markdown"
    path: str
    url: str | None = None
    description: str | None = None


class VersionInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    path: str


class AmendsInfo(BaseModel):
    """An Act the bill amends, shown as a Keeling schedule on the bill's page."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str


class SiteInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    amendments: str | None = None  # folder of Markdown drafts, relative to the repository
    papers: list[str] = []  # amendment papers to show parsed


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    bill: BillInfo
    source: SourceInfo
    record: StageRecord | None = None
    versions: list[VersionInfo] = []
    amends: list[AmendsInfo] = []
    site: SiteInfo = SiteInfo()
    #: The manifest file itself; source paths are relative to its repository (the folder above ``bills/``).
    file: str = ""

    @property
    def root(self) -> Path:
        """The repository the manifest belongs to (the folder above ``bills/``)."""
        return Path(self.file).resolve().parent.parent if self.file else Path.cwd()

    def resolve(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    def source_path(self) -> Path:
        return self.resolve(self.source.path)

    def load(self) -> Bill:
        path = self.source_path()
        if not path.exists():
            raise LawtrackError(
                f"the text of {self.bill.title} is not at {path}",
                source=self.file,
                expected=f"the source file (download it from {self.source.url})" if self.source.url else None,
            )
        return load_bill(path)


def load_manifest(path: str | Path) -> Manifest:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LawtrackError(f"cannot read manifest: {exc.strerror or exc}", source=str(p)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise LawtrackError(f"manifest is not valid TOML: {exc}", source=str(p), line=line) from None
    try:
        return Manifest.model_validate({**data, "file": str(p)})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise LawtrackError(f"manifest field {where}: {first['msg']}", source=str(p),
                            expected="[bill] slug/title and [source] path") from None


def manifests(folder: str | Path = "bills") -> list[Manifest]:
    return [load_manifest(p) for p in sorted(Path(folder).glob("*.toml"))]
