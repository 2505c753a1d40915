"""A stand-in network share on this machine: one exported folder served by a private `sshd`
on a free localhost port and mounted several times with `sshfs`, each mount a "computer".

sshfs behaves like an SMB share whose locking is broken or disabled: byte-range locks
taken through one mount are not seen through another, so SQLite's own locks do not
travel between the mounts. The tests of network files (tests/network) and benchmark
B14 use it. Needs root (or FUSE rights), `sshd`, `ssh-keygen`, `sshfs` and /dev/fuse;
`.ci/run` installs `openssh-server` and `sshfs`. Anything missing raises ShareError,
never a silent skip.

    with StandInShare(tmp, mounts=3) as share:
        share.mounts[0] / "plan.uppdrag"     # the same file as share.export / "plan.uppdrag"
        share.unmount(1); share.remount(1)  # one computer loses the network and gets it back
        share.stop_server(); share.start_server()  # the server goes away for everyone
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

# Every mount sees the server's current state at once (no attribute or directory cache),
# as separate computers would; `reconnect` lets a mount come back after the server returns.
MOUNT_OPTIONS = ("dir_cache=no,entry_timeout=0,attr_timeout=0,negative_timeout=0,reconnect,"
                 "ServerAliveInterval=2,ServerAliveCountMax=2,ConnectTimeout=5,"
                 "StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,LogLevel=ERROR,BatchMode=yes")


class ShareError(RuntimeError):
    """The stand-in share could not be set up (a tool is missing, sshd or a mount failed)."""


def _tool(name: str) -> str:
    found = shutil.which(name) or next((p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.path.exists(p)),
                                       None)
    if not found:
        raise ShareError(f"{name} is missing: install openssh-server and sshfs (see .ci/run)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (children first found, then theirs), from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _is_mounted(point: Path) -> bool:
    text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    return any(line.split()[1] == str(point) for line in text.splitlines() if len(line.split()) > 1)


class StandInShare:
    def __init__(self, root: Path, mounts: int = 3):
        self.root = Path(root)
        self.export = self.root / "export"
        self.mounts = [self.root / f"computer{i + 1}" for i in range(mounts)]
        self.keys = self.root / "keys"
        self.port = 0
        self.sshd: subprocess.Popen | None = None

    # --- server ------------------------------------------------------------------

    def _prepare(self) -> None:
        if not os.path.exists("/dev/fuse"):
            raise ShareError("/dev/fuse is missing: sshfs cannot mount here")
        keygen = _tool("ssh-keygen")
        self.export.mkdir(parents=True, exist_ok=True)
        self.keys.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name in ("host_key", "client_key"):
            if not (self.keys / name).exists():
                subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(self.keys / name)], check=True)
        public = (self.keys / "client_key.pub").read_text().strip()
        (self.keys / "authorized_keys").write_text(f'from="127.0.0.1" {public}\n')
        os.chmod(self.keys / "authorized_keys", 0o600)
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege separation folder
        for point in self.mounts:
            point.mkdir(parents=True, exist_ok=True)

    def start_server(self) -> None:
        sshd = _tool("sshd")
        if not self.port:
            self.port = free_port()
        config = self.keys / "sshd_config"
        config.write_text("\n".join((
            f"Port {self.port}", "ListenAddress 127.0.0.1", f"HostKey {self.keys / 'host_key'}",
            f"PidFile {self.keys / 'sshd.pid'}", f"AuthorizedKeysFile {self.keys / 'authorized_keys'}",
            "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password", "UsePAM no", "StrictModes no", "AllowTcpForwarding no",
            "X11Forwarding no", "Subsystem sftp internal-sftp", "LogLevel ERROR", "",
        )))
        with open(self.keys / "sshd.log", "ab") as log:  # sshd keeps its own copy of the file
            self.sshd = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.sshd.poll() is not None:
                raise ShareError(f"sshd stopped at once: {(self.keys / 'sshd.log').read_text()[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise ShareError("sshd did not listen within 10 s")

    def stop_server(self) -> None:
        """The server goes away for every mount: the listening sshd and each connection's sshd."""
        if self.sshd is not None and self.sshd.poll() is None:
            for pid in _descendants(self.sshd.pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.sshd.terminate()
            try:
                self.sshd.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.sshd.kill()
                self.sshd.wait()
        self.sshd = None

    # --- mounts ------------------------------------------------------------------

    def mount(self, i: int) -> Path:
        point = self.mounts[i]
        if _is_mounted(point):
            return point
        result = subprocess.run(
            [_tool("sshfs"), f"root@127.0.0.1:{self.export}", str(point), "-p", str(self.port),
             "-o", f"IdentityFile={self.keys / 'client_key'},{MOUNT_OPTIONS}"],
            capture_output=True, text=True, timeout=30)
        if result.returncode != 0 or not _is_mounted(point):
            raise ShareError(f"sshfs could not mount {point}: {result.stderr.strip()[-500:]}")
        return point

    def unmount(self, i: int) -> None:
        point = self.mounts[i]
        if _is_mounted(point):
            fusermount = shutil.which("fusermount3") or shutil.which("fusermount") or "fusermount"
            if subprocess.run([fusermount, "-u", "-z", str(point)], capture_output=True).returncode != 0:
                subprocess.run(["umount", "-l", str(point)], capture_output=True)

    def remount(self, i: int) -> Path:
        self.unmount(i)
        return self.mount(i)

    # --- whole ---------------------------------------------------------------------

    def __enter__(self) -> StandInShare:
        self._prepare()
        try:
            self.start_server()
            for i in range(len(self.mounts)):
                self.mount(i)
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        for i in range(len(self.mounts)):
            self.unmount(i)
        self.stop_server()

    def __exit__(self, *exc: object) -> None:
        self.close()
