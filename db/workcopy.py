"""The bytes of a file on a network share and of its private local working copy.

SQLite's locks do not travel over many network file systems (RELIABILITY.md §6),
so a file on a share is never opened by SQLite where it lies. Instead:

- `fetch(share, dest)` reads the share file's bytes (never its -journal, never
  through SQLite) into a local file and checks the copy (`quick_check`, identity);
  a torn read is retried. Nothing on the share is written.
- Writing the working copy back to the share (a snapshot of it, written beside the
  share file, verified and renamed over it, then read back whole) is db.share_write.
- `mark(share)` is a cheap fingerprint of the share file (size, time, first and
  last pages), to notice that someone replaced it since we last saw it.
- `WorkState` is the small JSON record beside the working copy: which share file
  it belongs to, what the share held when we last read or wrote it, and which
  state of the working copy was last written back.

Where the working copy lives: `working_folder(share)` in the user's data folder
(db.paths), one folder per share path. Nothing here knows about locks or policy;
app.network_file decides when to call what.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from db.connection import check_lines
from db.errors import StoreError
from db.i18n import tr
from db.identity import APPLICATION_ID, SCHEMA_VERSION, SQLITE_MAGIC
from db.paths import data_dir

CHUNK = 1024 * 1024
PROBE = 4096  # bytes read at each end of the file for its fingerprint
FETCH_TRIES = 5
STATE_FILE = "arbetskopia.json"


class ShareUnreachable(StoreError):
    """The share (or the file on it) cannot be reached right now; try again later."""


class CopyDamaged(StoreError):
    """A copy did not pass its check (torn read, damaged file, another file's identity)."""


# --- where the working copy lives ---------------------------------------------------


def share_key(share: Path) -> str:
    return hashlib.sha256(str(Path(os.path.abspath(share))).encode("utf-8")).hexdigest()[:20]


def working_folder(share: Path) -> Path:
    folder = data_dir() / "arbetskopior" / share_key(share)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def working_copy_path(share: Path) -> Path:
    return working_folder(share) / Path(share).name


def content_hash() -> hashlib.blake2b:
    """The hash that tells two states of a file apart (BLAKE2b: fast in software, unlike SHA-256)."""
    return hashlib.blake2b(digest_size=32)


# --- fingerprints ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """What the share file looked like: enough to notice it was replaced."""

    size: int
    mtime_ns: int
    probe: str  # sha256 of its first and last PROBE bytes
    mode: int | None = field(default=None, compare=False)  # its permissions, kept by a write-back

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "mode"}


def mark(path: Path) -> Mark:
    """The fingerprint of a file; raises ShareUnreachable when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            return Mark(st.st_size, st.st_mtime_ns, probe(fh, st.st_size), st.st_mode & 0o777)
    except OSError as exc:
        raise ShareUnreachable(tr("”{path}” kan inte nås: {why}.", path=path, why=exc.strerror or exc)) from exc


def probe(fh, size: int) -> str:
    fh.seek(0)
    h = hashlib.sha256(fh.read(PROBE))
    if size > PROBE:
        fh.seek(max(PROBE, size - PROBE))
        h.update(fh.read(PROBE))
    return h.hexdigest()


def local_signature(path: Path) -> tuple[int, int]:
    """(file change counter, size) of a local SQLite file: changes with every commit."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(28)
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        return (-1, -1)
    counter = struct.unpack(">I", head[24:28])[0] if len(head) == 28 else -1
    return (counter, size)


# --- the record beside the working copy ----------------------------------------------


@dataclass
class WorkState:
    share: str
    base: dict | None = None  # Mark of the share file when we last read or wrote it
    base_digest: str | None = None  # content_hash of its whole content then
    written: list[int] | None = None  # local_signature of the working copy last written back
    file_uuid: str | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path, share: Path) -> WorkState:
        try:
            data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
            if data.get("share") == str(share):
                return cls(**{k: data.get(k) for k in ("share", "base", "base_digest", "written", "file_uuid")})
        except (OSError, ValueError, TypeError):
            pass
        return cls(share=str(share))

    def save(self, folder: Path) -> None:
        from db.lock import _write_atomic  # the lock's JSON write: temp file, fsync, rename

        _write_atomic(folder / STATE_FILE, self)  # type: ignore[arg-type]

    def base_mark(self) -> Mark | None:
        return Mark(**self.base) if self.base else None


# --- checking a copy ---------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """A byte copy of the working copy, and the working copy's local_signature when it was taken."""

    path: Path
    signature: tuple[int, int]


@dataclass(frozen=True)
class Written:
    """What a write-back put on the share: its Mark, the content_hash of its bytes, its identity."""

    mark: Mark
    digest: str
    file_uuid: str


@dataclass(frozen=True)
class Checked:
    path: Path
    digest: str  # content_hash of its bytes
    file_uuid: str
    signature: tuple[int, int] = (-1, -1)


def check_copy(path: Path) -> str:
    """The file_uuid of a sound Uppdrag file at `path` (local); raise CopyDamaged otherwise."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise CopyDamaged(tr("”{name}” är inte en hel SQLite-fil.", name=path.name))
    if struct.unpack(">I", head[68:72])[0] != APPLICATION_ID:
        raise CopyDamaged(tr("”{name}” är inte en Uppdrag-fil.", name=path.name))
    if struct.unpack(">I", head[60:64])[0] > SCHEMA_VERSION:
        raise CopyDamaged(tr("”{name}” är skapad av en nyare version av Uppdrag.", name=path.name))
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro&immutable=1", uri=True)
        try:
            ok = check_lines(conn)
            row = conn.execute("SELECT value FROM setting WHERE key = 'file_uuid'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CopyDamaged(tr("”{name}” är skadad ({why}).", name=path.name, why=exc)) from exc
    if ok != ["ok"]:
        raise CopyDamaged(tr("”{name}” är skadad ({why}).", name=path.name, why=ok[0]))
    if row is None:
        raise CopyDamaged(tr("”{name}” saknar identitet (file_uuid).", name=path.name))
    return str(json.loads(row[0]))


def fsync_fh(fh) -> None:
    fh.flush()
    os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename durable where the file system allows it (a share may not)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- share → local --------------------------------------------------------------------


def fetch(share: Path, dest: Path) -> tuple[Checked, Mark]:
    """Copy the share file's bytes to `dest` (replacing it), checked; never writes to the share.

    The share file is only ever replaced whole (renamed over), so one read gives one
    state; a read torn by a program that writes in place is caught by the check and
    retried. A -journal beside the share file is never read or played back.
    """
    dest = Path(dest)
    last: Exception | None = None
    for attempt in range(FETCH_TRIES):
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".hamtas", dir=dest.parent)
        tmp = Path(tmp_name)
        try:
            digest = content_hash()
            try:
                with open(share, "rb") as src:
                    with os.fdopen(fd, "wb") as out:
                        while chunk := src.read(CHUNK):
                            digest.update(chunk)
                            out.write(chunk)
                        fsync_fh(out)
                    st = os.fstat(src.fileno())
            except OSError as exc:
                raise ShareUnreachable(tr("”{share}” kan inte läsas: {why}.", share=share, why=exc.strerror or exc)) from exc
            with open(tmp, "rb") as fh:
                before = Mark(st.st_size, st.st_mtime_ns, probe(fh, st.st_size))
            try:
                file_uuid = check_copy(tmp)
            except CopyDamaged as exc:
                last = exc
                time.sleep(0.2 * (attempt + 1))
                continue
            dest.with_name(dest.name + "-journal").unlink(missing_ok=True)  # never a stale local journal
            os.replace(tmp, dest)
            fsync_folder(dest.parent)
            return Checked(dest, digest.hexdigest(), file_uuid, local_signature(dest)), before
        finally:
            tmp.unlink(missing_ok=True)
    raise CopyDamaged(tr("Filen ”{name}” på nätverksenheten kunde inte läsas hel ({why}). Försök igen om en stund.",
                         name=share.name, why=last))
