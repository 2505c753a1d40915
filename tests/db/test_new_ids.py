"""Uuids and version ids made many at a time are what one at a time would give."""

from __future__ import annotations

import os
import uuid

import pytest

from db import models


@pytest.mark.parametrize("count", [0, 1, 2, 37])
def test_new_uuids_lay_out_the_random_digits_as_version_4_uuids(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    raw = os.urandom(16 * count)
    monkeypatch.setattr(models.os, "urandom", lambda n: raw[:n])
    made = models.new_uuids(count)
    digits = [raw[16 * i:16 * (i + 1)].hex() for i in range(count)]
    # the random digits in place, but the 13th (the version, 4) and the 17th (the variant, 8–b)
    assert [u.replace("-", "")[:12] + u.replace("-", "")[13:16] + u.replace("-", "")[17:] for u in made] == [
        d[:12] + d[13:16] + d[17:] for d in digits]
    assert [u.replace("-", "")[16] for u in made] == ["89ab"[int(d[16], 16) & 3] for d in digits]
    for u in made:
        parsed = uuid.UUID(u)
        assert str(parsed) == u and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_new_versions_are_the_random_bits_in_hex(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = os.urandom(16 * 5)
    monkeypatch.setattr(models.os, "urandom", lambda n: raw[:n])
    assert models.new_versions(5) == [raw[16 * i:16 * (i + 1)].hex() for i in range(5)]
    assert models.new_versions(0) == []


def test_many_new_uuids_differ() -> None:
    made = models.new_uuids(10_000)
    assert len(set(made)) == 10_000
