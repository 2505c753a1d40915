"""A child process for the kill tests: writes through the app's real services and
acknowledges each commit on stdout only after it has returned.

    kill_child.py FILE edit              add a goal and retitle the plan, one transaction per step
    kill_child.py FILE import            import copies of an example plan (fresh uuids), one by one
    kill_child.py FILE progress K        import one plan; SIGKILL itself at progress callback K
    kill_child.py FILE count             import one plan and print how many progress callbacks it took
    kill_child.py FILE mixed N TAG       N steps alternating import and edit (for concurrent writers)
    kill_child.py FILE merge K OTHER     merge OTHER into FILE; SIGKILL itself at progress callback K
    kill_child.py FILE merge-count OTHER merge OTHER into FILE and print how many progress callbacks it took
    kill_child.py FILE serve             read commands ("edit", "import", "progress K", "count") on
                                         stdin; fork one writer per command, print "pid N" for it
                                         and "done" when it has ended. Imports are paid once, so
                                         hundreds of kills fit in a few seconds.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.plans import import_plan_data, renew_uuids
from app.workspace import Workspace
from db import models

PROGRESS_STEP = 20
EXAMPLE = Path(__file__).resolve().parents[2] / "app" / "resources" / "examples" / "uppdragsplan-primarvard-nav.json"


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def first_plan(ws: Workspace) -> int:
    return models.Plan.select(models.Plan.id).where(models.Plan.title == "kill-target").get().id


def main() -> None:
    path, mode = Path(sys.argv[1]), sys.argv[2]
    if mode == "serve":
        serve(path)
        return
    run(path, mode, sys.argv[3:])


def serve(path: Path) -> None:
    from app.planfile.schema import _validator

    _validator()  # warm the JSON schema once, before forking
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run(path, words[0], words[1:])
            except BaseException:  # noqa: BLE001 - reported to the parent as a failed writer
                traceback.print_exc()
                code = 3
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        say(f"done {signum} {code}")


def run(path: Path, mode: str, argv: list[str]) -> None:
    ws = Workspace.open(path)
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    say("ready")
    if mode == "edit":
        plan_id = first_plan(ws)
        start = models.Goal.select().where(models.Goal.plan == plan_id).count()
        i = start
        while True:
            i += 1
            with ws.store.write():
                ws.add("goal", plan_id, kind="effect", text=f"g{i}")
                ws.update("plan", plan_id, subtitle=f"t{i}")
            say(str(i))
    elif mode == "import":
        while True:
            data = renew_uuids(example)
            data["title"] = f"import {data['uuid']}"
            import_plan_data(ws, data)
            say(data["uuid"])
    elif mode in ("progress", "count", "merge", "merge-count"):
        calls = 0
        kill_at = int(argv[0]) if mode in ("progress", "merge") else -1

        def tick() -> int:
            nonlocal calls
            calls += 1
            if calls == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return 0

        ws.store.db.connection().set_progress_handler(tick, PROGRESS_STEP)
        if mode.startswith("merge"):
            from app.merge import merge_into

            merge_into(ws.store, Path(argv[-1]), prefer="mine")  # every statement on this file's connection
            done = "merged"
        else:
            data = renew_uuids(example)
            data["title"] = f"import {data['uuid']}"
            import_plan_data(ws, data)
            done = data["uuid"]
        ws.store.db.connection().set_progress_handler(None, PROGRESS_STEP)
        say(f"{done} {calls}")
    elif mode == "mixed":
        steps, tag = int(argv[0]), argv[1]
        plan_id = first_plan(ws)
        for i in range(steps):
            if i % 2:
                data = renew_uuids(example)
                data["title"] = f"import {tag} {i}"
                import_plan_data(ws, data)
            else:
                ws.add("goal", plan_id, kind="effect", text=f"{tag}-{i}")
            say(str(i))
    ws.close()


if __name__ == "__main__":
    main()
