"""kill -9 of the editor in the middle of a write-back to the stand-in share (issue: files on
a network drive): the share holds the last complete write-back, another computer opens it
whole, the editor's local working copy holds every edit after it, and opening the file again
on the editor's computer writes those edits back."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.plans import add_examples
from app.sharing import close_shared, open_for_editing
from app.workspace import Workspace
from db import share_write, workcopy
from tests.conftest import sidecars
from tests.network.edits_on_share import edit_terms

ACTOR = Path(__file__).with_name("actor.py")
BATCH = 5
PADDING = 12 * 1024 * 1024  # a write-back of ~13 MB takes long enough to be killed in the middle


def _edits(n: int) -> set[str]:
    return {f"edit-{k}" for k in range(n)}


def _kill_during_a_write_back(net, name: str) -> tuple[int, int]:
    """The first computer's editor process, killed (SIGKILL) while a write-back to the share is under way;
    (edits it had made, edits it had written back), from what it printed up to the kill."""
    child = subprocess.Popen([sys.executable, str(ACTOR), "editor", str(net.on(0, name)), str(BATCH)],
                             env=net.computers[0].env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line.strip()) for line in child.stdout], daemon=True)
    reader.start()
    edited = written = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        while not lines.empty():
            word, _, value = lines.get().partition(" ")
            edited = int(value) if word == "EDITED" else edited
            written = int(value) if word == "WRITTEN" else written
            assert word != "FAILED", value
        if written and share_write.temp_files(net.server / name):
            os.kill(child.pid, signal.SIGKILL)
            break
        assert child.poll() is None, child.stderr.read()
        time.sleep(0.01)
    else:
        pytest.fail("no write-back was seen in progress")
    child.wait()
    reader.join(timeout=30)  # it has read what the killed child wrote, up to the end
    child.stdout.close()
    child.stderr.close()
    for line in iter(lambda: None if lines.empty() else lines.get(), None):
        word, _, value = line.partition(" ")
        edited = int(value) if word == "EDITED" else edited
        written = int(value) if word == "WRITTEN" else written
    assert share_write.temp_files(net.server / name), "the kill came after the write-back had finished"
    return edited, written


def test_kill_during_write_back_keeps_every_edit(net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "dödad.uppdrag"
    made = tmp_path / name
    ws = Workspace.create(made)
    plan_id = add_examples(ws)[0]
    ws.add("term", plan_id, term="utfyllnad", explanation="x" * PADDING)
    ws.close()
    (net.server / name).write_bytes(made.read_bytes())

    editor = net.computers[0]
    edited, written = _kill_during_a_write_back(net, name)

    # Another computer opens the file: it holds the last complete write-back, whole.
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(net.computers[1].data))
    other, holder = open_for_editing(net.on(1, name), on_locked="read_only")
    try:
        assert other.read_only
        on_share = edit_terms(other.store.path)
    finally:
        close_shared(other)
    assert on_share == _edits(len(on_share))  # whole write-backs only: edit-0 … edit-(n-1)
    assert written <= len(on_share) <= edited and len(on_share) % BATCH == 0
    assert sidecars(net.server / name) == []

    # The editor's working copy holds everything after it.
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(editor.data))
    assert edit_terms(workcopy.working_copy_path(net.on(0, name))) == _edits(edited)

    # Opening it again on the editor's computer (the killed program's lock is stale) writes it back.
    ws, _ = open_for_editing(net.on(0, name), break_stale=True)
    status = close_shared(ws)
    assert status.all_written, status.message
    assert edit_terms(net.server / name) == _edits(edited)
    assert share_write.temp_files(net.server / name) == []
    assert sorted(p.name for p in net.server.iterdir()) == [name]
