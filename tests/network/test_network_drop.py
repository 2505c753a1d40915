"""The network drops in the middle of a session on the stand-in share (issue: files on a network
drive): every edit stays in the local working copy, the status says "Ej sparad till … – försöker
igen", nothing is written where the share used to be, and the write-back resumes by itself when
the share comes back."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

import pytest

from app.plans import list_plans
from app.sharing import close_shared, open_for_editing
from tests.network.edits_on_share import edit_terms


def _wait_until(condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout} s: {what}")
        time.sleep(0.05)


@pytest.mark.parametrize("how", ["unmount", "stop_server"])
def test_write_back_resumes_after_the_network_returns(net, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    name = "bortkopplad.uppdrag"
    me = net.computers[0]
    subprocess.run([*me.uppdrag(), "init", str(net.on(0, name)), "--examples"], env=me.env(), check=True,
                   capture_output=True)
    monkeypatch.setenv("UPPDRAG_DATA_DIR", str(me.data))
    ws, _ = open_for_editing(net.on(0, name))
    nf = ws.sharing.netfile
    nf.debounce_s, nf.poll_s, nf.retry_s = 0.2, 0.05, 0.5
    seen: list[str] = []
    nf.add_listener(lambda status: seen.append(status.state))
    nf.start()
    try:
        plan_id = list_plans(ws)[0].id
        for k in range(5):
            ws.add("term", plan_id, term=f"edit-{k}", explanation="")
        _wait_until(lambda: nf.status.state == "saved" and not nf.has_unsaved(), "the first edits written back")
        assert edit_terms(net.server / name) == {f"edit-{k}" for k in range(5)}

        if how == "unmount":
            net.share.unmount(0)
        else:
            net.share.stop_server()
        for k in range(5, 10):
            ws.add("term", plan_id, term=f"edit-{k}", explanation="")  # the working copy takes every edit
        _wait_until(lambda: nf.status.state == "failed", "the status to say the file is not saved")
        assert nf.status.message == f"Ej sparad till {net.on(0, name)} – försöker igen"
        assert edit_terms(nf.local) == {f"edit-{k}" for k in range(10)}
        if how == "unmount":
            assert list(net.share.mounts[0].iterdir()) == []  # nothing written where the share was
        assert edit_terms(net.server / name) == {f"edit-{k}" for k in range(5)}

        if how == "unmount":
            net.share.mount(0)
        else:
            net.share.start_server()
        _wait_until(lambda: nf.status.state == "saved" and not nf.has_unsaved(), "the write-back to resume")
        assert edit_terms(net.server / name) == {f"edit-{k}" for k in range(10)}
        assert "failed" in seen and seen[-1] == "saved"
    finally:
        status = close_shared(ws)
    assert status.all_written
    assert sorted(p.name for p in net.server.iterdir()) == [name]
