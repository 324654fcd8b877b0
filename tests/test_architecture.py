"""The import rule (ARCHITECTURE.md): the core imports no I/O library and touches no file; nothing imports a
floor above its own; module-level imports have no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "lawtrack"

#: Floors, bottom first. A module may import its own package and anything on a lower floor.
FLOORS: dict[str, int] = {
    "lawtrack.errors": 0,
    "lawtrack.gcpause": 0,
    "lawtrack.fileio": 1,
    "lawtrack.model": 1,
    "lawtrack.formats": 2,
    "lawtrack.outline": 3,
    "lawtrack.amendments": 3,
    "lawtrack.track": 4,
    "lawtrack.diff": 4,
    "lawtrack.render": 5,
    "lawtrack.drafting": 5,
    "lawtrack.acts": 5,
    "lawtrack.manifest": 6,
    "lawtrack.site": 7,
    "lawtrack.cli": 8,
    "lawtrack.__main__": 9,
}

#: The imperative shell: everything else is the functional core.
SHELL = {
    "lawtrack.fileio", "lawtrack.manifest", "lawtrack.formats.load", "lawtrack.amendments.load",
    "lawtrack.track.client", "lawtrack.track.store", "lawtrack.track.sync", "lawtrack.site.generate",
    "lawtrack.site.build", "lawtrack.__main__",
    "lawtrack.render.terminal",  # builds rich renderables for the terminal the CLI prints to
}
SHELL_PACKAGES = ("lawtrack.cli",)

IO_LIBRARIES = {"requests", "requests_cache", "urllib3", "sqlite3", "click", "rich", "subprocess", "shutil",
                "socket", "http", "urllib.request", "platformdirs", "tempfile", "os", "io", "mkdocs", "glob"}
#: Calls that touch the file system (``str.replace`` and ``re.glob``-like names are left out as ambiguous).
FILE_CALLS = {"open", "read_bytes", "read_text", "write_bytes", "write_text", "mkdir", "unlink", "iterdir", "rglob",
              "rmdir", "touch", "exists", "is_file", "is_dir", "stat"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _floor(module: str) -> int | None:
    best = None
    for prefix, floor in FLOORS.items():
        if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, floor)
    return best[1] if best else None


def _group(module: str) -> str:
    return next(p for p in sorted(FLOORS, key=len, reverse=True) if module == p or module.startswith(p + "."))


def _is_core(module: str) -> bool:
    return module not in SHELL and not module.startswith(SHELL_PACKAGES) and module != "lawtrack"


class _Imports(ast.NodeVisitor):
    """Every import in a module: (name, line, module level?, only under TYPE_CHECKING?)."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.found: list[tuple[str, int, bool, bool]] = []
        self.depth = 0
        self.type_checking = 0
        self.calls: list[tuple[str, int]] = []

    def _add(self, name: str, line: int) -> None:
        self.found.append((name, line, self.depth == 0, self.type_checking > 0))

    def visit_If(self, node: ast.If) -> None:
        is_tc = isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        self.type_checking += is_tc
        for child in node.body:
            self.visit(child)
        self.type_checking -= is_tc
        for child in node.orelse:
            self.visit(child)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:  # relative imports are not used in lawtrack
            self._add(f"<relative>{node.module}", node.lineno)
        elif node.module:
            self._add(node.module, node.lineno)
            for alias in node.names:
                self._add(f"{node.module}.{alias.name}", node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in FILE_CALLS:
            self.calls.append((name, node.lineno))
        self.generic_visit(node)


def _scan(module: str, path: Path) -> _Imports:
    visitor = _Imports(module)
    visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
    return visitor


MODULES = _modules()
SCANS = {m: _scan(m, p) for m, p in MODULES.items()}


def test_every_module_has_a_floor() -> None:
    missing = [m for m in MODULES if m != "lawtrack" and _floor(m) is None]
    assert missing == [], f"give these a floor in FLOORS (and ARCHITECTURE.md): {missing}"


def test_nothing_imports_a_floor_above_its_own() -> None:
    wrong = []
    modules = set(MODULES)
    for module, scan in SCANS.items():
        if module == "lawtrack":
            continue  # the public face re-exports everything, lazily
        own = _floor(module)
        for name, line, _top, _tc in scan.found:
            assert not name.startswith("<relative>"), f"{module}:{line}: relative import"
            if not name.startswith("lawtrack"):
                continue
            target = name if name in modules else name.rsplit(".", 1)[0]
            if target == "lawtrack" or target not in modules:
                continue
            floor = _floor(target)
            assert own is not None and floor is not None
            if _group(target) != _group(module) and floor >= own:
                wrong.append(f"{module}:{line} imports {target} (floor {floor} ≥ {own})")
    assert wrong == [], "\n".join(wrong)


def test_the_model_imports_only_the_floor_below() -> None:
    for module, scan in SCANS.items():
        if module.startswith("lawtrack.model"):
            for name, line, _top, _tc in scan.found:
                if name.startswith("lawtrack"):
                    assert name.startswith(("lawtrack.model", "lawtrack.errors")), f"{module}:{line}: {name}"


def test_the_core_imports_no_io_library_and_touches_no_file() -> None:
    wrong = []
    for module, scan in SCANS.items():
        if not _is_core(module):
            continue
        for name, line, _top, tc in scan.found:
            root = name.split(".")[0]
            if not tc and (root in IO_LIBRARIES or name in IO_LIBRARIES):
                wrong.append(f"{module}:{line} imports {name}")
        wrong += [f"{module}:{line} calls {call}()" for call, line in scan.calls]
    assert wrong == [], "\n".join(wrong)


def test_module_level_imports_have_no_cycle() -> None:
    modules = set(MODULES)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, scan in SCANS.items():
        for name, _line, top, tc in scan.found:
            if top and not tc and name.startswith("lawtrack"):
                target = name if name in modules else name.rsplit(".", 1)[0]
                if target in modules and target != module:
                    graph[module].add(target)
    # packages import their own submodules from __init__; a submodule importing its package is the usual
    # Python pattern, so edges from a module to one of its ancestors are not cycles here
    for module in graph:
        graph[module] = {t for t in graph[module] if not module.startswith(t + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join([*stack[stack.index(nxt):], nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_import_lawtrack_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, lawtrack; heavy = [m for m in ('pydantic', 'lxml', 'click', 'rich', 'requests') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(("args", "allowed"), [(["--help"], set()), (["--version"], set()),
                                                (["diff", "--help"], {"click"}), (["track", "--help"], {"click"})])
def test_a_commands_help_loads_only_the_command_line(args: list[str], allowed: set[str]) -> None:
    """Start-up (issue 12): help is answered without the model, the XML parser or the HTTP client; a command
    imports its own module only when it runs."""
    import subprocess
    import sys

    code = ("import sys\nfrom lawtrack.cli import run\nsys.argv = ['lawtrack', *sys.argv[1:]]\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pydantic', 'lxml', 'click', 'rich', 'requests', 'yaml', 'markdown_it', "
            "'diff_match_patch', 'mkdocs') if m in sys.modules]\nsys.stderr.write(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Usage" in out.stdout or "lawtrack" in out.stdout
    assert set(filter(None, out.stderr.strip().split(","))) == allowed


def test_a_diff_page_loads_neither_the_amendments_engine_nor_the_tracker(tmp_path: Path) -> None:
    """Start-up (issue 12): ``lawtrack diff --format html`` imports what a diff needs — not the amendment parser
    and appliers (the HTML renderer names Keeling types only in annotations: 13 ms of imports), nor the tracker."""
    import subprocess
    import sys

    old, new = sorted((ROOT / "bills" / "social-housing-regulation").glob("*.xml"))[:2]
    page, loaded = tmp_path / "diff.html", tmp_path / "loaded.txt"
    code = ("import sys\nfrom lawtrack.cli import run\ntry:\n    run(sys.argv[2:])\nexcept SystemExit:\n    pass\n"
            "names = ('lawtrack.amendments', 'lawtrack.track', 'requests', 'mkdocs')\n"
            "open(sys.argv[1], 'w').write(','.join(m for m in names if m in sys.modules))")
    subprocess.run([sys.executable, "-c", code, str(loaded), "diff", str(old), str(new), "--format", "html", "-o",
                    str(page)], capture_output=True, text=True, check=True, cwd=ROOT)
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    assert loaded.read_text(encoding="utf-8") == ""
