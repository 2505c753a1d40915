"""The portfolio timeline's scenarios: B2 (open and first paint), B3 (frame times) and RSS."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import NOT_YET, NotAvailable, cold_start, need, now, p95, qapp, size_of
from db.uri import file_uri


def open_timeline(path: Path) -> tuple[Any, Any, float, float]:
    """Open `path` and show the portfolio timeline.

    Returns (panel, workspace, seconds until the chart has painted, seconds
    until the event loop is idle). The first is taken with timers held back,
    so whatever the panel leaves for the event loop after its first paint
    (on a large file: reading the bands below the first screen) is in the
    second figure only.
    """
    TimelinePanel = need("ui.timeline.panel", "TimelinePanel")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QUndoStack

    from app.workspace import Workspace
    from ui.undo import WorkspaceEvents

    app = qapp()
    started = now()
    ws = Workspace.open(path)
    events, stack = WorkspaceEvents(), QUndoStack()
    panel = TimelinePanel(ws, events, stack)
    panel.set_plan(None)
    panel.resize(1280, 800)
    panel.show()
    no_timers = QEventLoop.ProcessEventsFlag.X11ExcludeTimers  # honoured by the Unix and GLib loops
    while not panel.view.rows_painted and now() - started < 30:
        app.processEvents(no_timers)
    first_paint = now() - started
    app.processEvents()
    idle = now() - started
    panel._bench_keep = (events, stack)  # keep them alive with the panel
    return panel, ws, first_paint, idle


def raw_timeline_rows(path: Path) -> float:
    started = now()
    conn = sqlite3.connect(file_uri(path), uri=True)
    rows = conn.execute(
        'SELECT plan_id, kind, code, title, start, start_precision, "end", end_precision, responsible, progress '
        "FROM timeline_item WHERE deleted_at IS NULL ORDER BY plan_id, position"
    ).fetchall()
    conn.close()
    assert rows
    return now() - started


def b2(path: Path) -> dict[str, Any]:
    need("ui.timeline.panel", "TimelinePanel")
    qapp()
    floor = raw_timeline_rows(path)
    _, _, value, idle = open_timeline(path)
    return {"B2": {"value": value, "floor": floor, "unit": "s", "all_rows_s": idle}}


def rss(path: Path) -> dict[str, Any]:
    need("ui.timeline.panel", "TimelinePanel")
    from bench.probe import peak_rss_mb

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    _, floor = cold_start("bare", env)
    open_timeline(path)
    value = peak_rss_mb()
    return {"RSS": {"value": value, "floor": floor, "unit": "MB"}}


def bars_file(path: Path, bars: int) -> Path:
    from bench.generate import bars_file as make

    target = path.parent / f"bars-{bars}.uppdrag"
    if not target.exists():
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)
        make(tmp, bars)
        os.replace(tmp, target)
    return target


def find_view(panel: Any) -> Any:
    """The scrolling view of the timeline: `panel.view` if there is one, else the largest scroll area."""
    from PySide6.QtWidgets import QAbstractScrollArea

    view = getattr(panel, "view", None)
    if isinstance(view, QAbstractScrollArea):
        return view
    areas = [a for a in panel.findChildren(QAbstractScrollArea) if a.isVisible()]
    if not areas:
        raise NotAvailable(f"{NOT_YET} (tidslinjen har ingen rullbar vy)")
    return max(areas, key=lambda a: a.viewport().width() * a.viewport().height())


def frame_times(path: Path, frames: int = 60) -> list[float]:
    """Scroll and zoom the portfolio timeline; each frame timed from the outside with a repaint."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    app = qapp()
    panel, ws, _, _ = open_timeline(path)
    view = find_view(panel)
    viewport = view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)

    def zoom(steps: int) -> None:
        event = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * steps),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        app.sendEvent(viewport, event)

    def scroll(bar: Any, delta: int) -> None:
        bar.setValue(bar.value() + delta)

    vbar, hbar = view.verticalScrollBar(), view.horizontalScrollBar()
    actions: list[Callable[[], None]] = []
    for k in range(frames):
        phase = k % 6
        if phase in (0, 1):
            actions.append(lambda: scroll(vbar, max(1, vbar.pageStep() // 3)))
        elif phase in (2, 3):
            actions.append(lambda: scroll(hbar, max(1, hbar.pageStep() // 3)))
        elif phase == 4:
            actions.append(lambda: zoom(1))
        else:
            actions.append(lambda: zoom(-1))
    scroll(vbar, vbar.maximum() // 2)  # the middle of the portfolio, not its top
    for act in actions[:6]:  # warm-up
        act()
        viewport.repaint()
    times = []
    for act in actions:
        started = now()
        act()
        viewport.repaint()
        times.append(now() - started)
        app.processEvents()
    ws.close()
    return times


def b3(path: Path) -> dict[str, Any]:
    need("ui.timeline.panel", "TimelinePanel")
    many = 100_000 if size_of(path) == "full" else 10_000
    big, small = bars_file(path, many), bars_file(path, many // 10)
    floor = p95(frame_times(small))
    value = p95(frame_times(big))
    return {"B3": {"value": value, "floor": floor, "unit": "s", "bars": many, "floor_bars": many // 10}}
