"""The package layout keeps the data's one direction of travel
(docs/ARCHITECTURE.md): text → parse → extract → rows → write → serve, each
module importing only the steps below it."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

PACKAGES = ("ingest", "explorer", "zhfts")

# Module or package → what else of this project it may import (the longest
# name that matches a module is its rule; a package's modules may import each
# other). A new module needs a rule here, and a line in ARCHITECTURE.md.
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "ingest": (),
    "zhfts": (),
    "ingest.model": (),
    # The work guard's counter: every step charges it (docs/ROBUSTNESS.md).
    "ingest.work": (),
    "ingest.text": ("ingest.model", "ingest.work"),
    "ingest.parse": ("ingest.model", "ingest.text", "ingest.work"),
    "ingest.extract": ("ingest.model", "ingest.text", "ingest.work"),
    # Rows are built from the model alone: no extractor, no database.
    "ingest.store.ids": (),
    "ingest.store.rows": (
        "ingest.model",
        "ingest.text.fold",
        "ingest.store.ids",
        "ingest.store.source_text",
    ),
    # A source text's codec: pure, shared by the writer's rows and the site.
    "ingest.store.source_text": (),
    # The writer and the archive file: the schema, rows and the tokenizer,
    # never a parser or an extractor.
    "ingest.store.schema": ("zhfts", "ingest.store.source_text"),
    "ingest.store.write": ("ingest.store.rows", "ingest.store.ids", "ingest.store.schema", "zhfts"),
    "ingest.store.archive": ("ingest.store.rows", "ingest.store.write"),
    "ingest.manifest": ("ingest.model",),
    "ingest.pipeline": (
        "ingest.work",
        "ingest.manifest",
        "ingest.model",
        "ingest.text",
        "ingest.parse",
        "ingest.extract",
        "ingest.store",
    ),
    "ingest.cli": ("ingest.pipeline", "ingest.manifest", "ingest.store.archive"),
    "ingest.__main__": ("ingest.cli",),
    # The site may use the ingest's pure helpers, never its writer.
    "explorer": (
        "zhfts",
        "ingest.text.fold",
        "ingest.extract.places",
        "ingest.store.schema",
        "ingest.store.source_text",
    ),
}
# Third-party modules that only the store's writer and the site may use.
DATABASE_MODULES = ("sqlite_utils", "sqlite3")
MAY_USE_DATABASE = (
    "ingest.store.write",
    "ingest.store.archive",
    "ingest.store.schema",
    "ingest.pipeline",
    "ingest.cli",
    "explorer",
    "zhfts",
)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def rule_for(module: str) -> str:
    return max((r for r in MAY_IMPORT if within(module, (r,))), key=len)


def test_every_module_imports_only_the_steps_below_it() -> None:
    known = modules()
    wrong = []
    for module, path in known.items():
        rule = rule_for(module)
        allowed = (*MAY_IMPORT[rule], rule)
        for name in imported(path):
            if name in known and not within(name, allowed):
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_only_the_writer_and_the_site_open_databases() -> None:
    wrong = [
        f"{module} imports {name}"
        for module, path in modules().items()
        if not within(module, MAY_USE_DATABASE)
        for name in imported(path)
        if within(name, DATABASE_MODULES)
    ]
    assert wrong == []


def test_row_building_imports_no_extractor() -> None:
    names = imported(modules()["ingest.store.rows"])
    assert not [n for n in names if within(n, ("ingest.extract", "ingest.parse"))]


def test_the_wheel_holds_templates_data_and_the_compiled_tokenizer(tmp_path: Path) -> None:
    """The README's Publish section installs this wheel into a published
    Datasette: it must carry everything the site and the ingest load."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("zhuzhou_news_archive-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "explorer/templates/row-zhuzhou-articles.html" in names
    assert "ingest/extract/data/stopwords.txt" in names
    assert [n for n in names if n.startswith("zhfts/_zhtok.") and n.endswith(".so")]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "zhuzhou = explorer.plugin" in zipfile.ZipFile(wheel).read(entry_points).decode()
