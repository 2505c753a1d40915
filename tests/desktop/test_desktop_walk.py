"""The real app under a virtual X server (Xvfb, Qt's xcb platform), started as `make run` starts it and
used by keyboard and mouse through the X server (xdotool) for the tasks of the "Kom igång" guide, in
Swedish and in English: what it stored is checked, and no text it showed is in the other language.

Xvfb and xdotool are Debian packages (.ci/run installs them, with the xcb libraries Qt needs). Without
them the test skips and says why, except in CI (CI set), where it fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("walk_driver.py")
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from test_language import ENGLISH, SWEDISH  # noqa: E402
from walk_driver import COLLEAGUE_ITEM, DECISION_DNR, DNR, ITEM, TITLE  # noqa: E402


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed, but CI requires it (.ci/run installs it)")
    pytest.skip(f"{what} is not installed (Debian: apt-get install xvfb xdotool libxcb-icccm4 libxcb-keysyms1)")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A display of a virtual X server of the test's own."""
    for program in ("Xvfb", "xdotool"):
        if shutil.which(program) is None:
            _missing(program)
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _walk(display: str, folder: Path, language: str) -> dict:
    home, data = folder / "home", folder / "data"
    home.mkdir()
    data.mkdir()
    settings = folder / "settings.ini"
    settings.write_text(f"[General]\nlanguage={language}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "UPPDRAG_", "XDG_", "WAYLAND"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home), UPPDRAG_DATA_DIR=str(data),
               UPPDRAG_SETTINGS=str(settings), XDG_RUNTIME_DIR=str(folder), LANG="C.UTF-8")
    report = folder / "report.json"
    shots = os.environ.get("UPPDRAG_WALK_SHOTS")
    args = [sys.executable, str(DRIVER), str(report)]
    if shots:
        Path(shots, language).mkdir(parents=True, exist_ok=True)
        args.append(str(Path(shots, language)))
    done = subprocess.run(args, env=env, cwd=folder, capture_output=True, text=True, timeout=600)
    assert report.exists(), f"the walk did not finish (exit {done.returncode}):\n{done.stderr[-3000:]}"
    walked = json.loads(report.read_text(encoding="utf-8"))
    assert not walked["error"], walked["error"] + "\n" + done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-3000:]
    walked["data"] = data
    return walked


def _stored(data: Path) -> tuple[dict, list[str]]:
    from app.plans import list_plans
    from app.workspace import Workspace

    [path] = data.glob("*.uppdrag")
    ws = Workspace.open(path, read_only=True)
    try:
        [plan] = [p for p in list_plans(ws) if p.title == TITLE]
        return ws.get("plan", plan.id), [i["title"] for i in ws.list("timeline", plan.id)]
    finally:
        ws.close()


def _shown(texts: list[list[str]], document: list[str]) -> list[tuple[str, str]]:
    """(where, text) shown by the program itself: not the plan's title, the typed values, paths, or the
    document's own words: quoted in a message, or the schedule's items (the template's are Swedish in every
    language, as its section headings)."""
    out = []
    for where, what, text in texts:
        for typed in sorted((TITLE, DNR, ITEM, DECISION_DNR, COLLEAGUE_ITEM, *document), key=len, reverse=True):
            text = text.replace(typed, "")
        text = re.sub(r"[”“][^”“]*[”“]", "", text)
        text = re.sub(r"(/[\w.-]+)+", "", text.replace("&", ""))
        if text.strip():
            out.append((f"{where} {what}", text))
    return out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_guide_tasks_by_keyboard_and_mouse_under_x(display: str, tmp_path: Path, language: str) -> None:
    from docx import Document

    walked = _walk(display, tmp_path, language)
    steps = walked["steps"]
    assert steps["new_plan"]["doc_type"] == "directive" and steps["new_plan"]["sections"] > 3
    assert steps["field"] == DNR
    assert steps["items"]["after"] == steps["items"]["before"] + 1
    undo = steps["undo_redo"]
    assert (undo["after_undo"], undo["after_redo"], undo["field"]) == ("", DNR, DNR)
    assert ITEM in undo["items"]
    moved = steps["moved"]
    assert (moved["before"], moved["after"]) == ("2026-09-01", "2026-09-08")
    assert steps["decision"]["logged"] and steps["decision"]["point"] == "done"
    assert COLLEAGUE_ITEM in steps["share"]["items"]
    plan, items = _stored(walked["data"])
    assert plan["diarienummer"] == DNR and plan["doc_type"] == "directive" and ITEM in items
    assert COLLEAGUE_ITEM in items
    text = "\n".join(p.text for p in Document(steps["export"]).paragraphs)
    assert TITLE in text
    models = {text for where, _what, text in walked["texts"] if where == "new plan"}
    assert ("Local assignment model (BP0–BP3)" if language == "en" else "Lokal uppdragsmodell (BP0–BP3)") in models
    shown = _shown(walked["texts"], items)  # the schedule's items: the template's, Swedish in every language
    assert len(shown) > 200
    wrong = SWEDISH if language == "en" else ENGLISH
    found = sorted({f"{where}: {text}" for where, text in shown if wrong.search(text)})
    assert found == [], "\n".join(found)
