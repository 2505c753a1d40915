"""What an export gives back, and how it fails."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from app.i18n import tr

__all__ = ["ExportError", "ExportResult", "save_beside", "write_bytes"]


@dataclass
class ExportResult:
    """The written file and Swedish warnings about what had to be changed on the way."""

    path: Path
    warnings: list[str] = field(default_factory=list)


class ExportError(Exception):
    """An export that could not be written; ``str(err)`` is a plain Swedish message."""


def write_bytes(data: bytes, fh: BinaryIO) -> None:
    """`save_beside`'s writer of bytes made beforehand: `partial(write_bytes, data)`."""
    fh.write(data)


def save_beside(out: Path, write: Callable[[BinaryIO], None], *, error: type[Exception] = ExportError,
                program: str = "") -> None:
    """Write `out` through `write(fh)` into a new file beside it, fsync it and rename it into place.

    A failed export leaves the old file as it was and nothing behind; each
    failure is raised as `error` with a plain Swedish message. `program` names
    what may hold the file open (Word, Excel).
    """
    from db.tempfiles import remove_stale_temps, short_name

    folder = out.parent if str(out.parent) else Path(".")
    remove_stale_temps(folder)
    tmp = folder / f".{short_name(out.name)}.{secrets.token_hex(4)}.tmp"  # the pattern remove_stale_temps knows
    try:
        fh = open(tmp, "xb")  # noqa: SIM115 - closed below; "x" never overwrites, mode follows the umask
    except OSError as err:
        raise error(tr("Kunde inte skriva i mappen {folder}: {error}. Välj en annan mapp.", folder=folder,
                       error=err.strerror or err)) from None
    try:
        with fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except PermissionError:
        tmp.unlink(missing_ok=True)
        if program:
            raise error(tr("{name} kunde inte sparas: filen är skrivskyddad eller öppen i ett annat program "
                           "(till exempel {program}). Stäng den och försök igen.", name=out.name, program=program)
                        ) from None
        raise error(tr("{name} kunde inte sparas: filen är skrivskyddad eller öppen i ett annat program. "
                       "Stäng den och försök igen.", name=out.name)) from None
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise error(tr("{name} kunde inte sparas: {error}.", name=out.name, error=err.strerror or err)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
