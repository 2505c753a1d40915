"""B14: writing a network file back to the share, against a plain copy of the same bytes.

The share is the stand-in of the network tests (bench.share: a private sshd and an sshfs
mount on this machine). The bench file is put on the share, opened through its local
working copy (app.network_file), one edit is made, and the write-back is timed: a checked
snapshot of the working copy, written beside the share file, fsynced, read back and
compared, renamed over. The floor is `shutil.copyfile` of the bench file to the same share
plus an fsync, measured in the same run; each is taken three times, interleaved, and the
medians are reported.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
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


def b14(path: Path) -> dict[str, Any]:
    open_network = need("app.network_file", "open_network")
    from bench.share import StandInShare

    with tempfile.TemporaryDirectory(prefix="b14-", dir=path.parent) as tmp:
        os.environ["UPPDRAG_DATA_DIR"] = str(Path(tmp) / "data")
        with StandInShare(Path(tmp) / "share", mounts=1) as share:
            on_share = share.mounts[0] / "b14.uppdrag"
            shutil.copyfile(path, on_share)
            item = _first_item(path)
            ws, _ = open_network(on_share)
            nf = ws.sharing.netfile
            values, floors = [], []
            try:
                for k in range(ROUNDS):
                    floors.append(_plain_copy(path, share.mounts[0] / "b14-kopia.uppdrag"))
                    ws.update("timeline", item, title=f"Ändrad på nätverket {k}")
                    started = now()
                    if not nf.write_back():
                        raise RuntimeError(nf.status.message)
                    values.append(now() - started)
            finally:
                from app.sharing import close_shared

                close_shared(ws)
            size = on_share.stat().st_size
    return {"B14": {"value": statistics.median(values), "floor": statistics.median(floors), "unit": "s",
                    "bytes": size}}


def _first_item(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT min(id) FROM timeline_item WHERE plan_id = ? AND deleted_at IS NULL",
                            (biggest_plan(path),)).fetchone()[0]
    finally:
        conn.close()
