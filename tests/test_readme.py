"""The README cannot drift from the schema or the CLI."""

from __future__ import annotations

import sys

from conftest import ROOT

from ingest.cli import main

sys.path.insert(0, str(ROOT / "scripts"))
from readme_schema import schema_markdown

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("make serve")
    assert first_block.splitlines()[1].startswith("make test")


def test_readme_schema_section_is_generated_from_the_schema() -> None:
    section = README.split("<!-- schema -->\n", 1)[1].split("<!-- /schema -->", 1)[0]
    assert section == schema_markdown(), "run: python scripts/readme_schema.py"


def test_every_cli_option_is_documented_in_the_readme() -> None:
    for param in main.params:
        for flag in getattr(param, "opts", []):
            if flag.startswith("-"):
                assert f"`{flag}" in README, flag
