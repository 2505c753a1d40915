"""MPXJ, the reader most project tools use for MS Project files, as the referee of the MSPDI files.

The Java virtual machine starts once for the whole test run (JPype cannot start it twice); MPXJ's
view of a file comes back as plain Python values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

_started = False


def start() -> Any:
    """Start the JVM with MPXJ's jars (once) and give the `org.mpxj` package."""
    global _started
    import jpype
    import mpxj  # noqa: F401 - puts MPXJ's jars on the class path

    if not _started and not jpype.isJVMStarted():
        jpype.startJVM("-Xmx512m", "-Djava.awt.headless=true")
    _started = True
    import jpype.imports

    return jpype.JPackage("org").mpxj


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
    working: Any  # the default calendar's isWorkingDate


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])  # one call into Java, not three


def read(path: Path) -> View:
    """MPXJ's reading of the file."""
    start()
    from org.mpxj.reader import UniversalProjectReader

    project = UniversalProjectReader().read(str(path))
    tasks = []
    for t in project.getTasks():
        uid = int(t.getUniqueID())
        if uid == 0:
            continue  # the project summary task MPXJ adds
        parent = t.getParentTask()
        preds = frozenset(
            (int(r.getPredecessorTask().getUniqueID()), str(r.getType()),
             float(r.getLag().getDuration()), str(r.getLag().getUnits()))
            for r in t.getPredecessors())
        tasks.append(Task(
            uid, str(t.getGUID() or "").lower(), str(t.getName() or ""), int(t.getOutlineLevel()),
            int(parent.getUniqueID()) if parent is not None and int(parent.getUniqueID()) != 0 else None,
            _day(t.getStart()), _day(t.getFinish()), bool(t.getMilestone()), bool(t.getSummary()), preds,
            (str(t.getText(1) or ""), str(t.getText(2) or ""))))
    resources = {}
    for r in project.getResources():
        if r.getName() is None:
            continue
        units = r.getMaxUnits()
        resources[str(r.getGUID() or "").lower()] = (str(r.getName()), None if units is None else float(units.doubleValue()))
    assignments = {(int(a.getTask().getUniqueID()), str(a.getResource().getGUID()).lower(),
                    float(a.getUnits().doubleValue()))
                   for a in project.getResourceAssignments() if a.getResource() is not None}
    props = project.getProjectProperties()
    calendar = project.getDefaultCalendar()

    def working(d: date) -> bool:
        from java.time import LocalDate

        return bool(calendar.isWorkingDate(LocalDate.of(d.year, d.month, d.day)))

    return View(str(props.getProjectTitle() or ""), str(props.getGUID() or ""), tasks, resources, assignments,
                working)
