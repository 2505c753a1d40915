"""The bytes of a file on a network share and of its private local working copy.

SQLite's locks do not travel over many network file systems (RELIABILITY.md §6),
so a file on a share is never opened by SQLite where it lies. Instead:

- `fetch(share, dest)` reads the share file's bytes (never its -journal, never
  through SQLite) into a local file and checks the copy (`quick_check`, identity);
  a torn read is retried. Nothing on the share is written.
- `snapshot_local(local, dest)` takes a consistent byte copy of the working copy
  under a SQLite read lock (no writer can commit meanwhile).
- `replace_on_share(snapshot, share)` writes the snapshot beside the share file
  (`.NAME.wb-XXXX.tmp`), flushes and fsyncs it, checks and hashes the snapshot
  (`quick_check`, identity) meanwhile, reads the written copy back (size, header,
  last page and sampled blocks compared with the snapshot), asks `before_rename`
  whether it may still go ahead, and renames it over the share file.
- `confirm_on_share(share, written)` reads the renamed file back whole and compares
  its hash with the snapshot's: only then does a write-back count as done.
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
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from db.connection import check_lines
from db.errors import StoreError
from db.identity import APPLICATION_ID, SCHEMA_VERSION, SQLITE_MAGIC
from db.paths import data_dir
from db.uri import file_uri

CHUNK = 1024 * 1024
PROBE = 4096  # bytes read at each end of the file for its fingerprint
TEMP_INFIX = ".wb-"
TEMP_SUFFIX = ".tmp"
FETCH_TRIES = 5
STATE_FILE = "arbetskopia.json"
SAMPLE_BLOCK = 64 * 1024  # before the rename, a written copy is read back in blocks of this size ...
SAMPLES = 16  # ... this many, evenly spread, besides the first and the last
READ_BACK_BLOCK = 4 * 1024 * 1024  # after it, the file is read back whole, in reads of this size


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


def content_hash():
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
            return Mark(st.st_size, st.st_mtime_ns, _probe(fh, st.st_size), st.st_mode & 0o777)
    except OSError as exc:
        raise ShareUnreachable(f"”{path}” kan inte nås: {exc.strerror or exc}.") from exc


def _probe(fh, size: int) -> str:
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
        raise CopyDamaged(f"”{path.name}” är inte en hel SQLite-fil.")
    if struct.unpack(">I", head[68:72])[0] != APPLICATION_ID:
        raise CopyDamaged(f"”{path.name}” är inte en Uppdrag-fil.")
    if struct.unpack(">I", head[60:64])[0] > SCHEMA_VERSION:
        raise CopyDamaged(f"”{path.name}” är skapad av en nyare version av Uppdrag.")
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro&immutable=1", uri=True)
        try:
            ok = check_lines(conn)
            row = conn.execute("SELECT value FROM setting WHERE key = 'file_uuid'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CopyDamaged(f"”{path.name}” är skadad ({exc}).") from exc
    if ok != ["ok"]:
        raise CopyDamaged(f"”{path.name}” är skadad ({ok[0]}).")
    if row is None:
        raise CopyDamaged(f"”{path.name}” saknar identitet (file_uuid).")
    return str(json.loads(row[0]))


def _fsync(fh) -> None:
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
                        _fsync(out)
                    st = os.fstat(src.fileno())
            except OSError as exc:
                raise ShareUnreachable(f"”{share}” kan inte läsas: {exc.strerror or exc}.") from exc
            with open(tmp, "rb") as fh:
                before = Mark(st.st_size, st.st_mtime_ns, _probe(fh, st.st_size))
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
    raise CopyDamaged(f"Filen ”{share.name}” på nätverksenheten kunde inte läsas hel ({last}). "
                      "Försök igen om en stund.")


# --- local → share --------------------------------------------------------------------


def snapshot_local(local: Path, dest: Path) -> Snapshot:
    """A consistent byte copy of the working copy `local` at `dest`.

    The copy is taken inside a read transaction, so no writer can commit while the
    bytes are read (a writer waits on SQLite's busy timeout; the copy of a local file,
    made in the kernel, takes a moment). It is checked and hashed by replace_on_share,
    beside the network write.
    """
    conn = sqlite3.connect(f"file:{local.resolve().as_posix()}?mode=ro", uri=True, isolation_level=None,
                           timeout=30)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # takes the read lock
        signature = local_signature(local)
        with open(local, "rb") as src, open(dest, "wb") as out:
            _copy_bytes(src, out, os.fstat(src.fileno()).st_size)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        raise StoreError(f"Arbetskopian ”{local}” kunde inte läsas: {exc}.") from exc
    finally:
        conn.close()
    return Snapshot(dest, signature)


def copy_into(src: Path, dest: Path) -> None:
    """Make the local SQLite file `dest` hold what the checked copy `src` holds, in one
    transaction through SQLite's backup API: a connection reading `dest` sees it as another
    program's commit (its PRAGMA data_version changes) and never a half-copied file."""
    try:
        source = sqlite3.connect(file_uri(src) + "&immutable=1", uri=True)
        try:
            target = sqlite3.connect(file_uri(dest, mode="rw"), uri=True, timeout=30)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise StoreError(f"”{dest.name}” kunde inte uppdateras: {exc}.") from exc


def temp_files(share: Path) -> list[Path]:
    """Write-back temporaries of `share` left on the share (by a program stopped mid write-back)."""
    try:
        return sorted(share.parent.glob(f".{share.name}{TEMP_INFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return []


def remove_temp_files(share: Path) -> None:
    for p in temp_files(share):
        try:
            p.unlink()
        except OSError:
            pass


def _same_mode(fd: int, mode: int | None) -> None:
    """The new file gets the old one's permissions (a new file: the usual ones), not mkstemp's 0600."""
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    if not hasattr(os, "fchmod"):  # Windows: the share decides
        return
    try:
        os.fchmod(fd, mode)
    except OSError:
        pass  # a share that keeps its own permissions


def _copy_bytes(src, out, size: int) -> None:
    """All of `src` to `out`: in the kernel where it can (as shutil.copyfile does), else in chunks."""
    if hasattr(os, "sendfile"):
        out.flush()
        offset = 0
        try:
            while offset < size:
                sent = os.sendfile(out.fileno(), src.fileno(), offset, min(size - offset, 1 << 30))
                if sent == 0:
                    break
                offset += sent
            if offset == size:
                return
        except OSError:
            if offset:
                raise
        src.seek(0)
        out.seek(0)
        out.truncate()
    while chunk := src.read(CHUNK):
        out.write(chunk)


@dataclass(frozen=True)
class Verdict:
    """What the snapshot is: its identity (file_uuid) and the content_hash of its bytes."""

    file_uuid: str
    digest: str


def _check_beside(path: Path) -> Callable[[], Verdict]:
    """Check and hash the snapshot on a thread while its bytes travel to the share (SQLite and
    hashlib both let go of Python's lock while they work); call the result to wait for it."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            file_uuid = check_copy(path)
            digest = content_hash()
            with open(path, "rb", buffering=0) as fh:
                while block := fh.read(READ_BACK_BLOCK):
                    digest.update(block)
            outcome["verdict"] = Verdict(file_uuid, digest.hexdigest())
        except Exception as exc:  # noqa: BLE001 - handed to the caller
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="uppdrag-check-copy", daemon=True)
    worker.start()

    def result() -> Verdict:
        worker.join()
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["verdict"]  # type: ignore[return-value]

    return result


def _forget_cached(fd: int) -> None:
    """Drop what this computer's page cache holds of the file, so a read asks the share."""
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def _sample_offsets(size: int) -> list[int]:
    """Where the written copy is read back before the rename: the first and last block and
    SAMPLES evenly between."""
    if size <= SAMPLE_BLOCK * (SAMPLES + 2):
        return list(range(0, size, SAMPLE_BLOCK))
    step = (size - SAMPLE_BLOCK) // (SAMPLES + 1)
    return sorted({0, size - SAMPLE_BLOCK, *(k * step for k in range(1, SAMPLES + 1))})


def _same_as_snapshot(written: Path, snapshot: Path, size: int) -> bool:
    """Before the rename: read the written copy's size and sampled blocks (header and last page
    included) back from the share and compare them with the snapshot, byte for byte. This
    catches a short, misplaced or foreign copy at once; `confirm_on_share` then reads it all."""
    offsets = _sample_offsets(size)
    with open(written, "rb", buffering=0) as back, open(snapshot, "rb", buffering=0) as mine:
        if os.fstat(back.fileno()).st_size != size:
            return False
        _forget_cached(back.fileno())
        with ThreadPoolExecutor(max_workers=min(8, len(offsets)) or 1) as pool:
            blocks = list(pool.map(lambda o: os.pread(back.fileno(), SAMPLE_BLOCK, o), offsets))
        return all(block == os.pread(mine.fileno(), SAMPLE_BLOCK, o) for o, block in zip(offsets, blocks))


def confirm_on_share(share: Path, written: Written) -> bool:
    """Read the share file back whole, in large sequential reads, and tell whether it is still
    the file `written` put there, byte for byte (its content_hash equals the snapshot's, and
    its Mark is the same before and after the read). Raises ShareUnreachable when it cannot
    be read.

    This is the full check of what landed on the share. It runs after the rename: read
    before it, it would double the time a write-back takes on a share (bench B14), and
    until it has passed the working copy's edits do not count as written back.
    """
    digest = content_hash()
    try:
        with open(share, "rb", buffering=0) as back:
            st = os.fstat(back.fileno())
            if st.st_size != written.mark.size or st.st_mtime_ns != written.mark.mtime_ns:
                return False
            _forget_cached(back.fileno())
            while block := back.read(READ_BACK_BLOCK):
                digest.update(block)
    except OSError as exc:
        raise ShareUnreachable(f"”{share}” kan inte läsas: {exc.strerror or exc}.") from exc
    return digest.hexdigest() == written.digest and mark(share) == written.mark


def replace_on_share(snapshot: Path, share: Path, *, file_uuid: str | None = None,
                     before_rename: Callable[[], None] | None = None, mode: int | None = None) -> Written:
    """Write `snapshot` beside `share`, verify what landed there, and rename it over `share`.

    Verified before the rename: the snapshot passes `quick_check` and has the Uppdrag
    identity (`file_uuid` when given; checked and hashed on a thread while the bytes
    travel), and the written copy, read back from the share after its fsync, has the
    snapshot's size and bytes in the header, the last page and SAMPLES blocks between.
    `confirm_on_share(share, written)` then reads the whole file back. `before_rename` may
    raise to stop (the lock was lost, the share file changed); then the share file is left
    as it was. `mode`: the permissions the file gets (default: the usual ones for a new file).
    """
    checked = _check_beside(snapshot)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{share.name}{TEMP_INFIX}", suffix=TEMP_SUFFIX, dir=share.parent)
    except OSError as exc:
        checked()
        raise ShareUnreachable(f"Kan inte skriva i ”{share.parent}”: {exc.strerror or exc}.") from exc
    tmp = Path(tmp_name)
    try:
        try:
            _same_mode(fd, mode)
            with open(snapshot, "rb") as src, os.fdopen(fd, "wb") as out:
                size = os.fstat(src.fileno()).st_size
                _copy_bytes(src, out, size)
                _fsync(out)
            same = _same_as_snapshot(tmp, snapshot, size)
        except OSError as exc:
            checked()
            raise ShareUnreachable(f"”{share}” kunde inte skrivas: {exc.strerror or exc}.") from exc
        verdict = checked()
        if file_uuid and verdict.file_uuid != file_uuid:
            raise CopyDamaged(f"Kopian som skulle skrivas till ”{share}” har fel identitet.")
        if not same:
            raise CopyDamaged(f"Kopian som skrevs till ”{share}” blev inte lika med arbetskopian.")
        if before_rename is not None:
            before_rename()
        try:
            os.replace(tmp, share)
            st = os.stat(share)
        except OSError as exc:
            raise ShareUnreachable(f"”{share}” kunde inte ersättas: {exc.strerror or exc}.") from exc
        fsync_folder(share.parent)
        with open(snapshot, "rb") as fh:  # the same bytes: the probe is read locally
            new_mark = Mark(st.st_size, st.st_mtime_ns, _probe(fh, st.st_size), st.st_mode & 0o777)
        return Written(new_mark, verdict.digest, verdict.file_uuid)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
