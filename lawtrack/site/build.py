"""Build the campaign site with MkDocs, atomically (shell).

Everything is built aside in ``build/site-work-<pid>/`` — the generated pages next to a copy of ``docs/``, and
the site MkDocs makes of them — and only then put in place: ``site/`` (and ``docs/bills/``) are at every moment
the old build or the new one, whole. A build that fails or is killed changes nothing; its leftovers are removed
by the next build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from lawtrack.errors import LawtrackError
from lawtrack.fileio import replace_dir, write_atomic
from lawtrack.site.generate import CSS, clear_leftovers, generate

_WORK = "site-work-"


def build(*, root: Path = Path("."), db: Path | None = None, site_dir: Path | None = None,
          builder: str = "mkdocs") -> Path:
    """Generate the pages and build the site; return the site folder (``site/`` unless ``site_dir``)."""
    root = root.resolve()
    site = (site_dir or root / "site").resolve()
    config = root / "mkdocs.yml"
    if not config.exists():
        raise LawtrackError("no mkdocs.yml", source=str(config), expected="the site's MkDocs configuration")
    scratch = root / "build"
    clear_leftovers(scratch, _WORK)
    work = scratch / f"{_WORK}{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    try:
        docs = work / "docs"
        shutil.copytree(root / "docs", docs, ignore=shutil.ignore_patterns("bills", ".bills.*", "lawtrack.css"))
        generate(docs / "bills", bills_dir=root / "bills", db=db)
        write_atomic(docs / "assets" / "lawtrack.css", CSS, sync=False)
        # the site's own configuration, pointed at the copy (MkDocs resolves INHERIT against this file)
        write_atomic(work / "mkdocs.yml", f"INHERIT: {config}\ndocs_dir: {docs}\nsite_dir: {work / 'site'}\n",
                     sync=False)
        _run(builder, work / "mkdocs.yml", root)
        if (root / "docs" / "bills").exists() or site_dir is None:
            replace_dir(docs / "bills", root / "docs" / "bills")  # for other builders and for reading
        site.parent.mkdir(parents=True, exist_ok=True)
        replace_dir(work / "site", site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return site


def _run(builder: str, config: Path, root: Path) -> None:
    if builder == "zensical":
        cmd = [sys.executable, "-m", "zensical", "build", "-f", str(config)]
    else:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        raise LawtrackError(f"{builder} build failed: {proc.stderr.strip()[-2000:]}", source=str(root / "mkdocs.yml"))
