import sys

# sqlite-utils imports pandas whenever it is installed, only to map a pandas
# Timestamp to a column type, which the ingest never writes: 0.1–0.4 s of the
# run's start-up, before any worker forks (docs/BENCHMARKS.md, "Session 24").
# pandas is only a development dependency (the README's example); without it,
# as in a plain install, sqlite-utils does exactly what it does with it here.
sys.modules.setdefault("pandas", None)  # type: ignore[assignment]

from ingest.cli import main  # noqa: E402

main()
