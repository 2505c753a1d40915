"""The log: one rotating file in the data folder, set up once; errors of threads end up in it."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from app.logs import FILE_NAME, configure_logging, log_unexpected


def test_the_log_lives_in_the_data_folder_and_is_set_up_once(private_data_dir: Path) -> None:
    path = configure_logging()
    assert path == private_data_dir / "logs" / FILE_NAME
    assert configure_logging() == path
    handlers = [h for h in logging.getLogger("uppdrag").handlers if isinstance(h, logging.FileHandler)]
    assert len(handlers) == 1
    logging.getLogger("uppdrag.session").warning("en varning")
    assert "WARNING" in path.read_text(encoding="utf-8") and "en varning" in path.read_text(encoding="utf-8")


def test_an_unexpected_error_is_written_with_its_traceback() -> None:
    try:
        raise RuntimeError("något gick sönder")
    except RuntimeError as exc:
        path = log_unexpected(RuntimeError, exc, exc.__traceback__)
    text = path.read_text(encoding="utf-8")
    assert "Oväntat fel" in text and "RuntimeError: något gick sönder" in text and "Traceback" in text


def test_an_error_in_a_background_thread_is_logged() -> None:
    previous = threading.excepthook
    try:
        path = configure_logging()

        def fail() -> None:
            raise ValueError("i bakgrunden")

        worker = threading.Thread(target=fail, name="uppdrag-prov")
        worker.start()
        worker.join()
    finally:
        threading.excepthook = previous
    text = path.read_text(encoding="utf-8")
    assert "uppdrag-prov" in text and "ValueError: i bakgrunden" in text
