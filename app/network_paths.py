"""Which files lie on a network share: UNC paths, Windows network drives, cifs/smb/nfs/sshfs mounts,
and the folders listed in UPPDRAG_NETWORK_FOLDERS. SQLite never runs on a file there: app.network_file
opens it through a local working copy and writes it back."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = frozenset({"cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "sshfs",
                        "afs", "9p", "davfs", "fuse.davfs2", "ncpfs"})


def _mount_table() -> list[tuple[str, str]]:
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return parse_mounts(text)


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from /proc/mounts text (octal escapes decoded)."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].encode().decode("unicode_escape") if "\\" in parts[1] else parts[1]
            out.append((point, parts[2]))
    return out


NETWORK_FOLDERS_ENV = "UPPDRAG_NETWORK_FOLDERS"


def _declared_network(path: Path | str) -> bool:
    """Folders declared as network shares in UPPDRAG_NETWORK_FOLDERS (os.pathsep-separated)."""
    listed = os.environ.get(NETWORK_FOLDERS_ENV, "")
    if not listed:
        return False
    target = os.path.abspath(path)
    for folder in filter(None, listed.split(os.pathsep)):
        folder = os.path.abspath(folder)
        if target == folder or target.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


def is_network_path(path: Path | str, mounts: list[tuple[str, str]] | None = None) -> bool:
    """True for files on a network share: UNC paths, Windows network drives, cifs/smb/nfs/sshfs mounts,
    and folders declared in UPPDRAG_NETWORK_FOLDERS."""
    text = str(path)
    if text.startswith(("\\\\", "//")) or _declared_network(text):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
    try:
        resolved = Path(path).resolve()
    except OSError:
        return False
    best, fstype = "", ""
    for point, kind in mounts if mounts is not None else _mount_table():
        p = point.rstrip("/") or "/"
        if (str(resolved) == p or str(resolved).startswith(p.rstrip("/") + "/")) and len(p) >= len(best):
            best, fstype = p, kind
    return fstype in NETWORK_FS


def location_of(path: Path | str) -> str:
    """Where a file lives: "server" (a team server URL), "network" (a share) or "local"."""
    from db.server_connection import is_server_url

    if is_server_url(path):
        return "server"
    return "network" if is_network_path(str(path)) else "local"
