"""What makes a file an Uppdrag file, readable before SQLite touches it.

The first 100 bytes of an SQLite file hold the magic string, `user_version`
(bytes 60–63) and `application_id` (bytes 68–71), big-endian; reading them
with plain file I/O cannot change the file, whatever it holds.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

APPLICATION_ID = 0x55505044  # "UPPD"
SCHEMA_VERSION = 7
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    application_id: int
    user_version: int
    page_size: int
    page_count: int
    change_counter: int = 0
    wal: bool = False  # bytes 18-19 say WAL mode (Uppdrag's own files never are)


def read_header(path: Path) -> Header | None:
    """The file's SQLite header, or None when it is too short or not SQLite."""
    with open(path, "rb") as fh:
        return parse_header(fh.read(HEADER_SIZE))


def parse_header(head: bytes) -> Header | None:
    """The SQLite header in the first 100 bytes of a file (or of page 1 saved in a journal)."""
    if len(head) < HEADER_SIZE or not head.startswith(SQLITE_MAGIC):
        return None
    (page_size,) = struct.unpack(">H", head[16:18])
    (change_counter, page_count) = struct.unpack(">II", head[24:32])
    (user_version,) = struct.unpack(">I", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    return Header(application_id, user_version, 65536 if page_size == 1 else page_size, page_count,
                  change_counter, 2 in head[18:20])
