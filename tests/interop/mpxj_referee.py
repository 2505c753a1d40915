"""MPXJ, the reader most project tools use for MS Project files, as the referee of the MSPDI files.

MPXJ runs on Java in a process of its own (tests.interop.mpxj_child), started once for the whole test
run; its view of a file comes back as plain Python values.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Task:
    uid: int
    guid: str
    name: str
    level: int
    parent: int | None
    start: date | None
    finish: date | None
    milestone: bool
    summary: bool
    predecessors: frozenset[tuple[int, str, float, str]]  # (uid, type, lag amount, lag unit)
    text: tuple[str, ...]  # Text1 and Text2: the vague dates Uppdrag keeps


@dataclass(frozen=True)
class View:
    title: str
    guid: str
    tasks: list[Task]
    resources: dict[str, tuple[str, float | None]]  # GUID → (name, max units in percent)
    assignments: set[tuple[int, str, float]]  # (task uid, resource GUID, units in percent)
    working: Callable[[date], bool]  # the default calendar's isWorkingDate


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


class Referee:
    """The MPXJ process: one request at a time."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.interop.mpxj_child"], cwd=ROOT, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(self, **request: Any) -> Any:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self.proc.stdout.readline() or '{"error": "MPXJ process ended"}')
        assert "error" not in answer, answer["error"]
        return answer["ok"]

    def read(self, path: Path) -> View:
        data = self.ask(op="read", path=str(path))
        tasks = [Task(t["uid"], t["guid"], t["name"], t["level"], t["parent"], _day(t["start"]), _day(t["finish"]),
                      t["milestone"], t["summary"], frozenset(tuple(p) for p in t["predecessors"]), tuple(t["text"]))
                 for t in data["tasks"]]
        return View(data["title"], data["guid"], tasks, {g: (n, u) for g, (n, u) in data["resources"].items()},
                    {tuple(a) for a in data["assignments"]},  # type: ignore[misc]
                    lambda d: bool(self.ask(op="working", path=str(path), days=[d.isoformat()])[0]))

    def build(self, path: Path) -> None:
        self.ask(op="build", path=str(path))

    def rewrite(self, source: Path, target: Path) -> None:
        self.ask(op="rewrite", source=str(source), target=str(target))

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.proc.stdout.close()
