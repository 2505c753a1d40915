"""Bundle tests run only against a built bundle: UPPDRAG_BUNDLE=dist/uppdrag (or dist/Uppdrag.app).

Without that variable the tests marked `bundle` (declared in pyproject.toml) are deselected
(pytest reports them as "deselected"), so `make test` stays fast and needs no PyInstaller;
`.ci/run` builds the bundle with `make package` and then runs them.
"""

from __future__ import annotations

import os

import pytest

BUNDLE_ENV = "UPPDRAG_BUNDLE"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(BUNDLE_ENV):
        return
    deselected = [item for item in items if item.get_closest_marker("bundle")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("bundle")]
