"""The archive whatever its file is called (issue 15, point 8).

``metadata.yml`` describes the archive under the database name ``zhuzhou``
(its canned queries, tables, facets and the dashboard's charts), and the
article page is the template ``row-zhuzhou-articles.html``: Datasette looks
both up by the name of the file it serves, so ``archive-2026.db`` had none of
them (canned queries 404, the generic row page). At startup the plugin finds
the database that holds the archive (``articles_fts``) and gives it what
``metadata.yml`` says of ``zhuzhou``; the templates' loader serves
``row-zhuzhou-*.html`` (and every other ``*-zhuzhou-*`` template) for the
served name.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from datasette.utils import to_css_class
from jinja2 import Environment, FileSystemLoader, Template

if TYPE_CHECKING:
    from collections.abc import MutableMapping

    from datasette.app import Datasette
    from datasette.database import Database

# The name metadata.yml and the templates describe the archive under.
DESCRIBED_AS = "zhuzhou"


async def archive_database(datasette: Datasette) -> Database:
    """The database holding the archive (``articles_fts``), whatever its file is called."""
    for db in datasette.databases.values():
        if not db.is_memory and await db.table_exists("articles_fts"):
            return db
    return next(iter(datasette.databases.values()))


def described_for(metadata: dict[str, Any], name: str) -> dict[str, Any]:
    """*metadata* with what it says of ``zhuzhou`` said of *name*: the
    database's entry, and every dashboard chart and filter's ``db``. A copy:
    the caller's dict (a test's fixture) stays as it was."""
    if name == DESCRIBED_AS:
        return metadata
    moved = copy.deepcopy(metadata)
    databases = moved.get("databases") or {}
    if DESCRIBED_AS in databases and name not in databases:
        databases[name] = databases.pop(DESCRIBED_AS)
    for dashboard in ((moved.get("plugins") or {}).get("datasette-dashboards") or {}).values():
        for part in ("charts", "filters"):
            for item in (dashboard.get(part) or {}).values():
                if item.get("db") == DESCRIBED_AS:
                    item["db"] = name
    return moved


class ArchiveTemplates(FileSystemLoader):
    """The archive's templates, with ``row-<served name>-articles.html`` (and
    any ``<kind>-<served name>[-<table>].html``) loaded from the
    ``row-zhuzhou-articles.html`` on disk. The template keeps its on-disk
    name, so ``extra_template_vars`` hooks that compare ``template`` with
    ``row-zhuzhou-articles.html`` still see that name."""

    served: str | None = None  # the archive's css name, set at startup

    def canonical(self, name: str) -> str:
        if not self.served or self.served == DESCRIBED_AS:
            return name
        pattern = rf"^(_?[a-z]+(?:-row)?)-{re.escape(self.served)}(-.+)?\.html$"
        return re.sub(pattern, rf"\1-{DESCRIBED_AS}\2.html", name)

    def load(
        self,
        environment: Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        return super().load(environment, self.canonical(name), globals)


async def describe_archive(datasette: Datasette, loaders: list[Any]) -> None:
    """At startup: metadata.yml's ``zhuzhou`` and its templates for the archive
    Datasette serves, under whatever name."""
    name = (await archive_database(datasette)).name
    # Datasette 0.65 has no public way to replace its metadata after start.
    datasette._metadata_local = described_for(datasette._metadata_local, name)
    for loader in loaders:
        if isinstance(loader, ArchiveTemplates):
            loader.served = to_css_class(name)
