"""A process started cold by the start-up benchmark (B1): prints one line when its window is up.

    python -m bench.probe app    # the real program (ui.entry.main), default database
    python -m bench.probe bare   # a bare PySide6 QMainWindow started the same way (the floor)

`QApplication.exec` is wrapped so that, once the event loop runs, a zero timer
(which fires when the posted show/expose/paint events have been handled) checks
that a top-level window is visible, prints `READY {"rss_mb": …}` and quits.
The parent times the span from starting the process to reading that line.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, unlike ru_maxrss, does not inherit the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _ready_line() -> str:
    return "READY " + json.dumps({"rss_mb": round(peak_rss_mb(), 1)})


def _install_hook() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    def report(app: QApplication, tries: list[int]) -> None:
        app.processEvents()
        if not any(w.isVisible() for w in app.topLevelWidgets()) and tries[0] < 200:
            tries[0] += 1
            QTimer.singleShot(5, lambda: report(app, tries))
            return
        print(_ready_line(), flush=True)
        app.quit()

    def exec_(*_: object) -> int:  # QApplication.exec is static; callers use app.exec()
        app = QApplication.instance()
        QTimer.singleShot(0, lambda: report(app, [0]))
        return original()

    QApplication.exec = staticmethod(exec_)  # type: ignore[method-assign]


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["uppdrag"])
    window = QMainWindow()
    window.setWindowTitle("Uppdrag")
    window.resize(1280, 800)
    window.show()
    return app.exec()


def app() -> int:
    from ui.entry import main

    return main([])


def main(argv: list[str]) -> int:
    if argv[0] == "app":
        from ui.entry import before_qt

        before_qt()  # as the program does, before this probe's hook loads Qt
    _install_hook()
    return {"app": app, "bare": bare}[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
