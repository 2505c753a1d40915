"""The process that runs MPXJ for the tests: `python -m tests.interop.mpxj_child`, one JSON request a line
on stdin, one JSON answer a line on stdout.

The Java virtual machine lives here and never in the test process: it takes over signals (SIGSEGV) and
the main thread's stack, and a deep Python recursion or a Qt test after it in the same process can then
end the whole run with a segmentation fault.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _start() -> None:
    import jpype
    import mpxj  # noqa: F401 - puts MPXJ's jars on the class path

    jpype.startJVM("-Xmx512m", "-Djava.awt.headless=true")
    import jpype.imports


def _day(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


_projects: dict[str, Any] = {}


def _project(path: str) -> Any:
    from org.mpxj.reader import UniversalProjectReader

    if path not in _projects:
        _projects.clear()
        _projects[path] = UniversalProjectReader().read(path)
    return _projects[path]


def read(path: str) -> dict[str, Any]:
    project = _project(path)
    tasks = []
    for t in project.getTasks():
        uid = int(t.getUniqueID())
        if uid == 0:
            continue  # the project summary task MPXJ adds
        parent = t.getParentTask()
        tasks.append({
            "uid": uid, "guid": str(t.getGUID() or "").lower(), "name": str(t.getName() or ""),
            "level": int(t.getOutlineLevel()),
            "parent": int(parent.getUniqueID()) if parent is not None and int(parent.getUniqueID()) != 0 else None,
            "start": _day(t.getStart()), "finish": _day(t.getFinish()), "milestone": bool(t.getMilestone()),
            "summary": bool(t.getSummary()),
            "predecessors": [[int(r.getPredecessorTask().getUniqueID()), str(r.getType()),
                              float(r.getLag().getDuration()), str(r.getLag().getUnits())] for r in t.getPredecessors()],
            "text": [str(t.getText(1) or ""), str(t.getText(2) or "")],
        })
    resources = {}
    for r in project.getResources():
        if r.getName() is None:
            continue
        units = r.getMaxUnits()
        resources[str(r.getGUID() or "").lower()] = [str(r.getName()), None if units is None else float(units.doubleValue())]
    assignments = [[int(a.getTask().getUniqueID()), str(a.getResource().getGUID()).lower(), float(a.getUnits().doubleValue())]
                   for a in project.getResourceAssignments() if a.getResource() is not None]
    props = project.getProjectProperties()
    return {"title": str(props.getProjectTitle() or ""), "guid": str(props.getGUID() or ""), "tasks": tasks,
            "resources": resources, "assignments": assignments}


def working(path: str, days: list[str]) -> list[bool]:
    from java.time import LocalDate

    calendar = _project(path).getDefaultCalendar()
    return [bool(calendar.isWorkingDate(LocalDate.parse(d))) for d in days]


def rewrite(source: str, target: str) -> None:
    from org.mpxj.writer import FileFormat, UniversalProjectWriter

    UniversalProjectWriter(FileFormat.MSPDI).write(_project(source), target)


def build(path: str) -> None:
    """A project as another tool makes it: a summary task with two tasks, a gate and a milestone, a
    task with two predecessors and lags, resources at 50 % and 100 %."""
    from java.lang import Double
    from java.time import LocalDateTime
    from org.mpxj import Availability, Duration, ProjectFile, Relation, RelationType, TimeUnit
    from org.mpxj.writer import FileFormat, UniversalProjectWriter

    p = ProjectFile()
    p.addDefaultBaseCalendar()
    p.getProjectProperties().setProjectTitle("Ny vårdplats")

    def at(y: int, m: int, d: int, h: int = 8) -> Any:
        return LocalDateTime.of(y, m, d, h, 0)

    def task(parent: Any, name: str, start: Any, finish: Any, days: float) -> Any:
        t = parent.addTask()
        t.setName(name)
        t.setStart(start)
        t.setFinish(finish)
        t.setDuration(Duration.getInstance(days, TimeUnit.DAYS))
        return t

    phase = p.addTask()
    phase.setName("Förstudie")
    a = task(phase, "Kartläggning", at(2025, 9, 1), at(2025, 9, 12, 17), 10)
    a.setPercentageComplete(Double(40.0))
    a.setNotes("Intervjuer med verksamheterna")
    b = task(phase, "Analys", at(2025, 9, 15), at(2025, 9, 26, 17), 10)
    phase.setSummary(True)
    gate = task(p, "BP2 Beslut om genomförande", at(2025, 10, 6), at(2025, 10, 6), 0)
    gate.setMilestone(True)
    gate.addPredecessor(Relation.Builder().predecessorTask(a).type(RelationType.FINISH_START)
                        .lag(Duration.getInstance(2, TimeUnit.DAYS)))
    gate.addPredecessor(Relation.Builder().predecessorTask(b).type(RelationType.START_START)
                        .lag(Duration.getInstance(1, TimeUnit.WEEKS)))
    done = task(p, "Rapport klar", at(2025, 10, 31, 17), at(2025, 10, 31, 17), 0)
    done.setMilestone(True)
    done.addPredecessor(Relation.Builder().predecessorTask(gate).type(RelationType.FINISH_FINISH))
    anna = p.addResource()
    anna.setName("Anna Berg")
    anna.setGroup("Utredare")
    anna.getAvailability().add(Availability(at(2025, 9, 1), at(2025, 12, 19, 17), Double(50.0)))
    bo = p.addResource()
    bo.setName("Bo Ek")
    a.addResourceAssignment(anna).setUnits(Double(50.0))
    b.addResourceAssignment(bo).setUnits(Double(100.0))
    b.addResourceAssignment(anna).setUnits(Double(50.0))
    UniversalProjectWriter(FileFormat.MSPDI).write(p, path)


def main() -> int:
    _start()
    ops = {"read": lambda r: read(r["path"]), "working": lambda r: working(r["path"], r["days"]),
           "rewrite": lambda r: rewrite(r["source"], r["target"]), "build": lambda r: build(r["path"])}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer: dict[str, Any] = {"ok": ops[request["op"]](request)}
        except Exception as exc:  # noqa: BLE001 - the test process says what went wrong
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
