"""Writing a network file's working copy back to its share (see db.workcopy for the working copy
and app.network_file for when this runs):

- `snapshot_local(local, dest)` takes a consistent byte copy of the working copy
  under a SQLite read lock (no writer can commit meanwhile).
- `replace_on_share(snapshot, share)` writes the snapshot beside the share file
  (`.NAME.wb-XXXX.tmp`), flushes and fsyncs it, checks and hashes the snapshot
  (`quick_check`, identity) meanwhile, reads the written copy back (size, header,
  last page and sampled blocks compared with the snapshot), asks `before_rename`
  whether it may still go ahead, and renames it over the share file.
- `confirm_on_share(share, written)` reads the renamed file back whole and compares
  its hash with the snapshot's: only then does a write-back count as done.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from db.errors import StoreError
from db.i18n import tr
from db.uri import file_uri
from db.workcopy import (
    CHUNK, CopyDamaged, Mark, ShareUnreachable, Snapshot, Written, check_copy, content_hash, fsync_fh, fsync_folder,
    local_signature, mark, probe,
)

TEMP_INFIX = ".wb-"
TEMP_SUFFIX = ".tmp"
SAMPLE_BLOCK = 64 * 1024  # before the rename, a written copy is read back in blocks of this size ...
SAMPLES = 16  # ... this many, evenly spread, besides the first and the last
READ_BACK_BLOCK = 4 * 1024 * 1024  # after it, the file is read back whole, in reads of this size


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
        raise StoreError(tr("Arbetskopian ”{local}” kunde inte läsas: {why}.", local=local, why=exc)) from exc
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
        raise StoreError(tr("”{name}” kunde inte uppdateras: {why}.", name=dest.name, why=exc)) from exc


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


def _copy_bytes(src: BinaryIO, out: BinaryIO, size: int) -> None:
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
        raise ShareUnreachable(tr("”{share}” kan inte läsas: {why}.", share=share, why=exc.strerror or exc)) from exc
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
        raise ShareUnreachable(tr("Kan inte skriva i ”{folder}”: {why}.", folder=share.parent,
                                  why=exc.strerror or exc)) from exc
    tmp = Path(tmp_name)
    try:
        try:
            _same_mode(fd, mode)
            with open(snapshot, "rb") as src, os.fdopen(fd, "wb") as out:
                size = os.fstat(src.fileno()).st_size
                _copy_bytes(src, out, size)
                fsync_fh(out)
            same = _same_as_snapshot(tmp, snapshot, size)
        except OSError as exc:
            checked()
            raise ShareUnreachable(tr("”{share}” kunde inte skrivas: {why}.", share=share, why=exc.strerror or exc)) from exc
        verdict = checked()
        if file_uuid and verdict.file_uuid != file_uuid:
            raise CopyDamaged(tr("Kopian som skulle skrivas till ”{share}” har fel identitet.", share=share))
        if not same:
            raise CopyDamaged(tr("Kopian som skrevs till ”{share}” blev inte lika med arbetskopian.", share=share))
        if before_rename is not None:
            before_rename()
        try:
            os.replace(tmp, share)
            st = os.stat(share)
        except OSError as exc:
            raise ShareUnreachable(tr("”{share}” kunde inte ersättas: {why}.", share=share, why=exc.strerror or exc)) from exc
        fsync_folder(share.parent)
        with open(snapshot, "rb") as fh:  # the same bytes: the probe is read locally
            new_mark = Mark(st.st_size, st.st_mtime_ns, probe(fh, st.st_size), st.st_mode & 0o777)
        return Written(new_mark, verdict.digest, verdict.file_uuid)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
