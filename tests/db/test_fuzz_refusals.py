"""Byte-flipped files and mutated plan JSON: every answer is a result or a Swedish refusal, never a
traceback, and a refused file is left byte for byte as it was."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.dates import VagueDate
from app.workspace import Workspace
from tests.conftest import sha256, sidecars

FLIPS = 240
MUTATIONS = 160


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "liten.uppdrag"
    ws = Workspace.create(path)
    plan = ws.add("plan", doc_type="plan", template="plan", title="Plan med å, ä och ö").ids[0]
    for i in range(12):
        ws.add("goal", plan, kind="effect", text=f"Mål {i} " * 20)
        ws.add("timeline", plan, kind="activity", title=f"Aktivitet {i}", start=VagueDate.month(2025, 1 + i % 6),
               end=VagueDate.month(2025, 7 + i % 6))
        ws.add("risk", plan, title=f"Risk {i}", probability=2, impact=3)
    ws.close()
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)  # an exception other than a handled refusal fails the test with its traceback
    out = capsys.readouterr()
    assert code in (0, 1), (argv, out.err)
    assert "Traceback" not in out.err
    if code == 1 and "Integritet: FEL" not in out.out:  # check reports damage; everything else refuses
        assert out.err.startswith("uppdrag: ") and len(out.err.strip()) > len("uppdrag: ")
    return code, out.err


def test_byte_flips_never_change_a_file_or_raise(small_file: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    original = small_file.read_bytes()
    rng = random.Random(14)
    refused = 0
    for n in range(FLIPS):
        offset = rng.randrange(len(original))
        data = bytearray(original)
        data[offset] ^= rng.choice((0x01, 0x80, 0xFF, rng.randrange(1, 256)))
        path = tmp_path / f"vänd-{n}.uppdrag"
        path.write_bytes(bytes(data))
        before = sha256(path)
        code, _ = _run(["list", str(path), "--json"], capsys)
        if n % 4 == 0:
            _run(["check", str(path)], capsys)
        refused += code
        assert sha256(path) == before, offset
        assert sidecars(path) == [], offset
        path.unlink()
    assert refused > 0  # the flips did reach the header and the pages that matter


def _mutate(rng: random.Random, plan: dict[str, Any], text: str) -> str:
    kind = rng.randrange(9)
    if kind == 0:  # a byte of the text changed (may break the JSON or the UTF-8)
        raw = bytearray(text.encode("utf-8"))
        raw[rng.randrange(len(raw))] = rng.randrange(256)
        return raw.decode("utf-8", errors="surrogateescape").encode("utf-8", errors="surrogateescape").decode(
            "latin-1")
    if kind == 1:
        return text[: rng.randrange(len(text))]
    if kind == 2:
        depth = rng.choice((50, 2000, 100_000))
        return "[" * depth + "]" * depth if rng.random() < 0.5 else text[:-2] + ', "x": ' + "[" * depth + "]" * depth + "}"
    if kind == 3:
        return text.replace('"text": "', '"text": "\\ud800', 1)
    data = json.loads(text)
    node: Any = data
    path: list[Any] = []
    for _ in range(rng.randrange(1, 5)):  # walk down to a random container
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
        elif isinstance(node, list) and node:
            key = rng.randrange(len(node))
        else:
            break
        if not isinstance(node[key], dict | list):
            break
        path.append(key)
        node = node[key]
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        if kind == 4:
            del node[key]
        else:
            node[key] = rng.choice([None, -1, 0, 10**40, 1.5, "", "x" * 5000, [], {}, True,
                                    "2025-13-45", "\u0000\u000b\u000c", {"a": [1, {"b": None}]}])
    elif isinstance(node, list) and node:
        if kind == 4:
            del node[rng.randrange(len(node))]
        else:
            node.append(rng.choice([None, 1, "x", {}, []]))
    return json.dumps(data, ensure_ascii=rng.random() < 0.5)


def test_mutated_plan_json_is_imported_or_refused(small_file: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "mål.uppdrag"
    shutil.copyfile(small_file, db)
    plan_file = tmp_path / "plan.json"
    assert main(["export", str(db), "1", "-o", str(plan_file)]) == 0
    capsys.readouterr()
    text = plan_file.read_text(encoding="utf-8")
    plan = json.loads(text)
    rng = random.Random(23)
    outcomes = {0: 0, 1: 0}
    for _ in range(MUTATIONS):
        mutated = _mutate(rng, plan, text)
        plan_file.write_bytes(mutated.encode("utf-8", errors="surrogatepass"))
        before = sha256(db)
        code, _ = _run(["import", str(db), str(plan_file)], capsys)
        outcomes[code] += 1
        if code == 1:
            assert sha256(db) == before
        assert sidecars(db) == []
    assert outcomes[0] and outcomes[1]
