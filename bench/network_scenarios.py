"""Network files on the stand-in share (bench.share: a private sshd and an sshfs mount on
this machine), opened through their local working copy (app.network_file).

B14: one edit, then the write-back is timed: a snapshot of the working copy, written beside
the share file, fsynced, checked (quick_check and identity of the snapshot, sampled blocks
of the written copy read back), renamed over. B14-confirmed adds the confirmation that
follows it (the renamed file read back whole and its hash compared). The floor of both is
`shutil.copyfile` of the bench file to the same share plus an fsync, measured in the same
run; each is taken three times, interleaved, and the medians are reported.

B5-network: B5's edit on the network file's working copy, against the same edit on a local
file in the same process; and how long edits take while a write-back runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import biggest_plan, need, now

ROUNDS = 3


def _plain_copy(src: Path, dst: Path) -> float:
    started = now()
    shutil.copyfile(src, dst)
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return now() - started


@contextmanager
def _network_file(path: Path, tmp: Path) -> Iterator[tuple[Any, Any, Path]]:
    """The bench file on a fresh stand-in share, opened for editing through its working copy:
    (Workspace, NetworkFile, the file on the share); closed (written back) at the end."""
    open_network = need("app.network_open", "open_network")
    from app.sharing import close_shared
    from bench.share import StandInShare

    os.environ["UPPDRAG_DATA_DIR"] = str(tmp / "data")
    with StandInShare(tmp / "share", mounts=1) as share:
        on_share = share.mounts[0] / "natverk.uppdrag"
        shutil.copyfile(path, on_share)
        ws, _ = open_network(on_share)
        try:
            yield ws, ws.sharing.netfile, on_share
        finally:
            close_shared(ws)


def b14(path: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="b14-", dir=path.parent) as tmp, \
            _network_file(path, Path(tmp)) as (ws, nf, on_share):
        item = _first_item(path)
        values, floors, confirms = [], [], []
        for k in range(ROUNDS):
            floors.append(_plain_copy(path, on_share.with_name("b14-kopia.uppdrag")))
            ws.update("timeline", item, title=f"Ändrad på nätverket {k}")
            started = now()
            if not nf.write_back(confirm=False):
                raise RuntimeError(nf.status.message)
            values.append(now() - started)
            started = now()
            if not nf.confirm():
                raise RuntimeError(nf.status.message)
            confirms.append(now() - started)
        size = on_share.stat().st_size
    value, floor, confirm = (statistics.median(x) for x in (values, floors, confirms))
    return {"B14": {"value": value, "floor": floor, "unit": "s", "bytes": size},
            "B14-confirmed": {"value": value + confirm, "floor": floor, "unit": "s", "bytes": size,
                              "read_back_s": confirm}}


def b5_network(path: Path, edits: int = 30) -> dict[str, Any]:
    """B5 on a network file: the same edits, through the service and the undo stack, on the
    working copy of a file on the stand-in share (its write-back worker running) and on a
    local copy of the same file, interleaved; then edits made while a write-back runs."""
    import sqlite3

    from app.workspace import Workspace
    from bench.common import fresh_copy
    from bench.edits import UndoableEdits, edit_ids

    local_file = fresh_copy(path, "b5n-lokal.uppdrag")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = edit_ids(conn, edits + 1)
    finally:
        conn.close()
    local = Workspace.open(local_file)
    with tempfile.TemporaryDirectory(prefix="b5n-", dir=path.parent) as tmp, \
            _network_file(path, Path(tmp)) as (ws, nf, _on_share):
        nf.start()  # as the window does: polls the working copy, writes back after an edit burst
        on_network, on_local = UndoableEdits(ws), UndoableEdits(local)
        values, floors = [], []
        for k, row_id in enumerate(ids):
            title = f"Ändrad rubrik {k}"
            value, floor = on_network(row_id, title), on_local(row_id, title)
            if k:  # the first of each is a warm-up
                values.append(value)
                floors.append(floor)
        nf.stop()
        during = _edits_during_write_back(nf, on_network, ids)
    local.close()
    return {"B5-network": {"value": statistics.median(values), "floor": statistics.median(floors), "unit": "s",
                           "edits": len(values), "during_write_back_median_s": statistics.median(during),
                           "during_write_back_max_s": max(during), "edits_during_write_back": len(during)}}


def _edits_during_write_back(nf: Any, edit: Any, ids: list[int]) -> list[float]:
    """Edit the working copy over and over while a write-back to the share runs on another thread."""
    worker = threading.Thread(target=nf.write_back, name="b5n-write-back")
    worker.start()
    times = []
    k = 0
    while worker.is_alive() or not times:
        times.append(edit(ids[k % len(ids)], f"Under återskrivning {k}"))
        k += 1
    worker.join()
    return times


def _first_item(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT min(id) FROM timeline_item WHERE plan_id = ? AND deleted_at IS NULL",
                            (biggest_plan(path),)).fetchone()[0]
    finally:
        conn.close()
