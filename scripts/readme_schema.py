"""Print the README's schema section from ingest/store/schema.py and metadata.yml.

    python scripts/readme_schema.py

tests/test_readme.py fails when the README's section differs from this output.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ingest.store.schema import TABLES

SQL_TYPES = {int: "INTEGER", str: "TEXT", float: "REAL", bytes: "BLOB"}
COMMON = {
    "source_id": "The source file the row came from",
    "line_start": "First line in the source file (1-based)",
    "line_end": "Last line in the source file",
}
ROOT = Path(__file__).resolve().parent.parent


def schema_markdown() -> str:
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    tables = metadata["databases"]["zhuzhou"]["tables"]
    out: list[str] = []
    for t in TABLES:
        meta = tables.get(t.name, {})
        out.append(f"### `{t.name}`\n\n{meta.get('description', '')}\n")
        out.append("| column | type | references | meaning |\n|---|---|---|---|")
        refs = dict(t.foreign_keys)
        described = meta.get("columns", {})
        for col, typ in t.columns.items():
            sql_type = SQL_TYPES[typ]
            ref = f"`{refs[col]}.id`" if col in refs else ""
            meaning = described.get(col, COMMON.get(col, "primary key" if col == t.pk else ""))
            out.append(f"| `{col}` | {sql_type} | {ref} | {meaning} |")
        if t.fts:
            out.append(
                f"\nFull-text indexed: {', '.join(f'`{c}`' for c in t.fts)} (`{t.name}_fts`)."
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(schema_markdown(), end="")
