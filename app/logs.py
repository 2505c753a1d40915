"""The program's log: one rotating file, logs/uppdrag.log in the data folder.

Everything goes to the logger "uppdrag" and its children: unexpected errors (the GUI's
exception hook), errors in background threads, failed session backups and Qt's own
messages (ui.errors routes them here). Nothing is written until something is logged.
"""

from __future__ import annotations

import logging
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOGGER = "uppdrag"
FILE_NAME = "uppdrag.log"
MAX_BYTES = 1_000_000
FILES_KEPT = 5  # uppdrag.log.1 … .5 beside the current one

log = logging.getLogger(LOGGER)


def log_file() -> Path:
    from app.startup import data_folder

    folder = data_folder() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / FILE_NAME


def configure_logging() -> Path:
    """Send the "uppdrag" logger to the rotating file of the data folder and log uncaught errors of
    threads there; returns the file. Again, it changes nothing unless the data folder has changed."""
    path = log_file()
    current = [h for h in log.handlers if isinstance(h, RotatingFileHandler)]
    if any(Path(h.baseFilename) == path for h in current):
        return path
    for old in current:
        log.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=FILES_KEPT, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    threading.excepthook = _thread_error
    return path


def _thread_error(args: threading.ExceptHookArgs) -> None:
    if issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread else "?"
    log.error("Oväntat fel i tråden %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # type: ignore[arg-type]


def log_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    """Write an unexpected error with its traceback to the log; returns the log file."""
    path = configure_logging()
    log.error("Oväntat fel", exc_info=(exc_type, exc, tb))
    return path
