"""The mutation score of each module from mutmut's last run (`make mutate` runs both).

    python tools/mutation_score.py                     # a table per module
    python tools/mutation_score.py --record FILE.md    # and add it, dated, to FILE.md

A mutant counts as killed when a test failed or ran out of time on it; one that no test
runs counts as survived. Skipped mutants (mutmut's `# pragma: no mutate`) are left out.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

KILLED = {"killed", "timeout", "caught by type check"}
LEFT_OUT = {"skipped"}
_KEY = re.compile(r"^\s*(?P<module>[\w.]+?)\.x[_ǁ].*:\s*(?P<status>[\w ]+)$")


def statuses(lines: list[str]) -> dict[str, Counter[str]]:
    """Each module's count of mutants per status, from `mutmut results --all true`."""
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        match = _KEY.match(line)
        if match:
            by_module[match["module"]][match["status"].strip()] += 1
    return dict(by_module)


def table(by_module: dict[str, Counter[str]]) -> str:
    rows = ["| module | mutants | killed | survived | not checked | score |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for module, counts in sorted(by_module.items()):
        total = sum(n for status, n in counts.items() if status not in LEFT_OUT)
        killed = sum(counts[s] for s in KILLED)
        unchecked = counts["not checked"]
        survived = total - killed - unchecked
        score = f"{100 * killed / (total - unchecked):.1f} %" if total > unchecked else "–"
        rows.append(f"| {module} | {total} | {killed} | {survived} | {unchecked} | {score} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="add the table, dated, to this Markdown file")
    args = parser.parse_args(argv)
    mutmut = Path(sys.executable).with_name("mutmut")
    out = subprocess.run([str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True).stdout
    by_module = statuses(out.splitlines())
    if not by_module:
        print("No mutation results: run `make mutate` first.", file=sys.stderr)
        return 1
    text = table(by_module)
    print(text)
    if args.record:
        with args.record.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {date.today().isoformat()}\n\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
