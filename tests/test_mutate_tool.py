"""tools/mutate.py's own parts that do not need mutmut: the warning about process ids handed out again."""

from __future__ import annotations

from pathlib import Path

from tools.mutate import ROOMY_PID_MAX, pid_reuse_warning


def test_a_small_pid_max_is_warned_of_with_the_command_that_raises_it(tmp_path: Path) -> None:
    (tmp_path / "pid_max").write_text("32768\n")
    warning = pid_reuse_warning(tmp_path / "pid_max")
    assert "kernel.pid_max is 32768" in warning
    assert warning.endswith(f"sysctl kernel.pid_max={ROOMY_PID_MAX}")


def test_a_roomy_or_unreadable_pid_max_gives_no_warning(tmp_path: Path) -> None:
    (tmp_path / "pid_max").write_text(f"{ROOMY_PID_MAX}\n")
    assert pid_reuse_warning(tmp_path / "pid_max") == ""
    assert pid_reuse_warning(tmp_path / "missing") == ""
    (tmp_path / "garbage").write_text("many")
    assert pid_reuse_warning(tmp_path / "garbage") == ""
