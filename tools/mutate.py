"""Mutation testing of the core modules, each against the tests that cover it (`make mutate`).

    python tools/mutate.py                      # every module below, then the score of each
    python tools/mutate.py app.dates merge      # only these
    python tools/mutate.py --scores             # the scores of the last runs, without running
    python tools/mutate.py --scores --record docs/mutation-scores.md   # and add them, dated

mutmut reads one test selection for everything it mutates, and a survivor runs every test that
reaches the mutated function. Run over all core modules with all their tests at once, a surviving
date mutant would also run the slow merge properties. So each module gets a folder of its own,
mutants/MODULE/, holding links to app/, db/ and tests/ and a pyproject.toml that is this one plus
the module's `only_mutate` and test selection; mutmut runs there and keeps its results there for
the next run (a mutant whose function did not change is not run again). `mutmut browse` in that
folder shows what survived.

mutmut keeps a verdict until the mutated function changes, so a test written for a survivor would
not be seen by the next run: each run therefore tries the last run's survivors again. After a
larger change to a module's tests, `rm -rf mutants/MODULE` starts that module afresh.

Property tests run under the hypothesis profile `mutate` (few examples, derandomized), so a
mutant's verdict does not depend on the examples a run happened to draw.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutants"
LINKED = ("app", "db", "tests")

# A mutant counts as killed when a test failed or ran out of time on it; one that no test runs
# counts as survived. Skipped mutants (mutmut's `# pragma: no mutate`) are left out.
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


@dataclass(frozen=True)
class Target:
    mutate: tuple[str, ...]  # the files mutated
    tests: tuple[str, ...]  # the tests run on them (mutmut picks, per mutant, those that reach it)
    options: tuple[str, ...] = ()  # more pytest options for choosing them (e.g. `-k`)


# Seven quick tests of the merge that between them go through every step of a merge (see "merge-quick").
_MERGE_QUICK = tuple(
    f"tests/app/test_merge{name}" for name in (
        ".py::test_first_merge_brings_everything",
        ".py::test_the_report_names_what_came_and_a_new_row_brings_its_history[False]",
        ".py::test_different_fields_of_one_row_both_survive",
        ".py::test_conflict_settled_logged_and_reported_once[mine-h\\xe4r]",
        ".py::test_other_file_is_checked_and_left_unchanged",
        ".py::test_a_merge_refuses_a_wrong_preference_and_itself",
        "_settings.py::test_closed_days_this_copy_has_gain_the_others_and_an_unreadable_setting_there_is_passed_over",
    ))

TARGETS: dict[str, Target] = {
    # The dates: the values (app/dates.py), reading what a person writes (app/date_text.py) and the
    # periods of the calendar (app/date_periods.py).
    "app.dates": Target(("app/dates.py", "app/date_text.py", "app/date_periods.py"), (
        "tests/app/test_dates.py", "tests/app/test_date_edges.py", "tests/app/test_date_forms.py",
        "tests/app/test_date_english.py")),
    "app.validation": Target(("app/validation.py",), (
        "tests/app/test_validation.py", "tests/app/test_budget_follow_up.py")),
    # The scheduling does not depend on the storage: its tests on the file only (each run of a test
    # on the server would start a PostgreSQL cluster of its own for every mutant).
    "app.schedule": Target(("app/schedule.py",), ("tests/app/test_schedule.py", "tests/app/test_schedule_edges.py"),
                           ("-k", "not server")),
    # The history on the file only: each run of a test on the server starts a PostgreSQL cluster of its
    # own, too slow for every mutant; what only a server runs is tried on its own ("db.history-server").
    # db/history_records.py holds the records' SQL, and how many go onto a server at once.
    "db.history": Target(("db/history.py", "db/history_records.py"),
                         ("tests/db/test_history.py", "tests/db/test_history_edges.py"), ("-k", "not server")),
    # The history's mutants that only a server run can tell, against its tests on the server:
    # `mutmut run NAME...` in mutants/db.history-server/ for the survivors of "db.history". Every test of
    # tests/db/test_history_copy.py is on a server, also those whose names do not say so.
    "db.history-server": Target(("db/history.py", "db/history_records.py"), (
        "tests/db/test_history.py", "tests/db/test_history_edges.py", "tests/db/test_history_copy.py"),
        ("-k", "server or test_history_copy")),
    # The merge: the policy (app/merge.py) and the reading and writing of both files (db/merge.py, db/merge_write.py).
    "merge": Target(("app/merge.py", "db/merge.py", "db/merge_write.py"), (
        "tests/app/test_merge.py", "tests/app/test_merge_history.py", "tests/db/test_merge_cli.py",
        "tests/app/test_merge_property.py", "tests/app/test_merge_copy_in_sql.py")),
    # The merge against its fast tests only (no property tests): minutes instead of hours on a loaded
    # machine; what it leaves unkilled may still be killed by the properties of "merge".
    "merge-fast": Target(("app/merge.py", "db/merge.py", "db/merge_write.py"), (
        "tests/app/test_merge.py", "tests/app/test_merge_history.py", "tests/db/test_merge_cli.py",
        "tests/app/test_merge_settings.py",
        "tests/app/test_merge_copy_in_sql.py::test_every_kind_of_row_comes_across_the_same_way_in_sql")),
    # A first sieve for "merge-fast": seven of its quick tests that between them go through every step of a
    # merge (a first merge, rows taken as they are and by a staging table, a three-way merge, a conflict and
    # its log, the early checks, the settings), about 2 s a mutant instead of 10. Run by name on the mutants
    # merge-fast has not checked; the ones they leave alive are run by name in merge-fast against all of its
    # tests, so a mutant counts as survived only when every test of merge-fast lets it pass.
    "merge-quick": Target(("app/merge.py", "db/merge.py", "db/merge_write.py"), _MERGE_QUICK),
    # A second sieve, between "merge-quick" and "merge-fast": the same seven tests and the merge's tests of the
    # history and of writing (tests/app/test_merge_history.py, each a second or two), by name on what merge-quick
    # leaves alive. `apply`, `_copy` and `_take` are reached by every test of merge-fast, so a mutant of theirs
    # that survives runs all of them (a minute or more a mutant on a loaded machine); here most are killed at once.
    "merge-mid": Target(("app/merge.py", "db/merge.py", "db/merge_write.py"), (
        *_MERGE_QUICK, "tests/app/test_merge_history.py")),
    # The merge's branches only a team server takes (`Side.descended` reads whole lines of records there; the
    # log lines and settings a merge writes go as one statement, with names PostgreSQL tells by case), against
    # their tests on the server: `mutmut run NAME...` in mutants/merge-server/ for survivors of "merge-fast".
    "merge-server": Target(("app/merge.py", "db/merge.py"), (
        "tests/db/test_merge_side.py", "tests/app/test_merge_history.py"), ("-k", "server")),
    # A side's reading on both backends (descent, the records another side lacks), by name: `mutmut run NAME...` in
    # mutants/merge-side/ for `Side` functions the merge's other targets leave alive or reach with no test.
    "merge-side": Target(("db/merge.py",), ("tests/db/test_merge_side.py",)),
    # The sync (app/sync.py) and what of the merge's files only a sync uses (`SteadySide`, `Take.read_now` and the
    # rows a `Take` reads, a `Take` into a server), against the sync's tests, all with a team server: a cluster of
    # its own for every mutant, 20 s or more each. `mutmut run NAME...` in mutants/sync-server/ for those functions
    # and for what "merge-fast" leaves alive of `_take`.
    "sync-server": Target(("app/sync.py", "db/merge.py", "db/merge_write.py"), (
        "tests/app/test_sync.py", "tests/app/test_sync_one_pass.py", "tests/app/test_sync_kill.py")),
}


def toml_list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(json.dumps(item) for item in items) + "]"


def prepare(name: str, target: Target) -> Path:
    """mutants/NAME/: links to the sources and tests, and the module's own pyproject.toml."""
    folder = WORK / name
    folder.mkdir(parents=True, exist_ok=True)
    for part in LINKED:
        link = folder / part
        if not link.is_symlink():
            link.symlink_to(Path("..", "..", part))
    base = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = base.rstrip("\n") + (
        f"\nonly_mutate = {toml_list(target.mutate)}"
        f"\npytest_add_cli_args_test_selection = {toml_list(target.tests + target.options)}\n")
    settings = tomllib.loads(text)["tool"]["mutmut"]
    if settings.get("only_mutate") != list(target.mutate):
        raise SystemExit("pyproject.toml: [tool.mutmut] must be its last table (tools/mutate.py adds to it)")
    config = folder / "pyproject.toml"
    if not config.exists() or config.read_text(encoding="utf-8") != text:
        before = (tomllib.loads(config.read_text(encoding="utf-8"))["tool"]["mutmut"].get("only_mutate", [])
                  if config.exists() else list(target.mutate))
        if before != list(target.mutate):
            # mutmut maps tests to functions again only for new tests: the functions of a file newly
            # mutated would have none, and their mutants would count as reached by no test. And it
            # mutates a file only when its copy is older than the file: a copy made unmutated stays so.
            (folder / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
            for path in set(target.mutate) - set(before):
                (folder / "mutants" / path).unlink(missing_ok=True)
        config.write_text(text, encoding="utf-8")
    return folder


def mutmut(folder: Path, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, UPPDRAG_HYPOTHESIS="mutate", QT_QPA_PLATFORM="offscreen")
    command = [str(Path(sys.executable).with_name("mutmut")), *args]
    return subprocess.run(command, cwd=folder, env=env, text=True, capture_output=capture, check=False)


def not_killed(folder: Path) -> list[str]:
    """The mutants that survived the last run in `folder`, or that no test reached."""
    if not (folder / "mutants").is_dir():
        return []
    out = mutmut(folder, "results", capture=True).stdout
    return [line.split(":")[0].strip() for line in out.splitlines()
            if line.rstrip().endswith((": survived", ": no tests"))]


def run(name: str, jobs: int) -> int:
    """mutmut over one module: the new and changed mutants, then the last run's survivors again."""
    folder = prepare(name, TARGETS[name])
    survivors = not_killed(folder)
    done = mutmut(folder, "run", "--max-children", str(jobs))
    if done.returncode == 0 and survivors:
        print(f"== {name}: the {len(survivors)} survivors of the last run again", flush=True)
        done = mutmut(folder, "run", "--max-children", str(jobs), *survivors)
    return done.returncode


def scores(names: list[str]) -> str:
    by_module = {}
    for name in names:
        folder = WORK / name
        if not (folder / "mutants").is_dir():
            continue
        out = mutmut(folder, "results", "--all", "true", capture=True).stdout
        by_module.update(statuses(out.splitlines()))
    return table(by_module) if by_module else ""


# mutmut 3.8 signals a mutant's process id with SIGXCPU when its time is up, also when that run has
# ended. Ids are handed out again once they reach pid_max; with Linux's default of 32768 and other
# programs starting many processes, the id can be another program's by then, which stops with "CPU time
# limit exceeded".
ROOMY_PID_MAX = 1 << 22


def pid_reuse_warning(pid_max_file: Path = Path("/proc/sys/kernel/pid_max")) -> str:
    """A warning when process ids come round again soon enough for mutmut to signal another program."""
    try:
        pid_max = int(pid_max_file.read_text())
    except (OSError, ValueError):
        return ""
    if pid_max >= ROOMY_PID_MAX:
        return ""
    return (f"Warning: kernel.pid_max is {pid_max}. mutmut may stop other programs of this machine (their process "
            f"ids are handed out again); run this on a machine of its own, or raise it first: "
            f"sysctl kernel.pid_max={ROOMY_PID_MAX}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=f"of {', '.join(TARGETS)} (all by default)")
    parser.add_argument("--scores", action="store_true", help="only print the scores of the last runs")
    parser.add_argument("--record", type=Path, help="add the scores, dated, to this Markdown file")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.modules if name not in TARGETS]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; known: {', '.join(TARGETS)}")
    names = args.modules or [name for name in TARGETS if "-" not in name]  # not the partial runs
    if not args.scores:
        warning = pid_reuse_warning()
        if warning:
            print(warning, file=sys.stderr, flush=True)
        for name in names:
            print(f"== {name}: {', '.join(TARGETS[name].mutate)}", flush=True)
            code = run(name, args.jobs)
            if code != 0:
                print(f"mutmut stopped on {name} (exit code {code})", file=sys.stderr)
                return code
    text = scores(names)
    if not text:
        print("No mutation results: run `make mutate` first.", file=sys.stderr)
        return 1
    print(text)
    if args.record:
        with args.record.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {date.today().isoformat()}\n\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
