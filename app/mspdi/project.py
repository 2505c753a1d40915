"""The <Project> element of an MS Project file: what the rest of the reading needs to know about the file
(its working day and week, whether Uppdrag wrote it, which flag fields mark gates), and the remarks the
reading gathers for its summary."""

from __future__ import annotations

import hashlib
import re
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.mspdi import FIELD_OF_ID, MINUTES_PER_DAY, TASK_FIELDS
from app.mspdi.parsing import element_fields, number_of, uuid_of

_FLAG_ALIAS = re.compile(r"beslut|gate|grind|\bBP\b|\bTG\b", re.IGNORECASE)


@dataclass
class Register:
    """The people already in the file (uuid → the person's row in the plan file's form), and by name."""

    by_uuid: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_name: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def of(cls, people: list[dict[str, Any]]) -> Register:
        reg = cls()
        for p in people:
            reg.by_uuid[p["uuid"]] = p
            reg.by_name.setdefault(p["name"].strip().casefold(), []).append(p)
        return reg


class Reader:
    """One file being read: its root, its project's settings, the people already in the file, the remarks."""

    def __init__(self, path: Path, root: Any, register: Register):
        from lxml import etree

        self.path, self.root, self.register = path, root, register
        self.ns = f"{{{etree.QName(root).namespace}}}" if etree.QName(root).namespace else ""
        self.remarks: list[str] = []
        self.project, _, _ = element_fields(root, self.ns)
        self.minutes_per_day = number_of(self.project.get("MinutesPerDay"), MINUTES_PER_DAY) or MINUTES_PER_DAY
        self.minutes_per_week = number_of(self.project.get("MinutesPerWeek"), self.minutes_per_day * 5) or 2400
        aliases = {}
        for ea in root.iterfind(f"{self.ns}ExtendedAttributes/{self.ns}ExtendedAttribute"):
            aliases[(ea.findtext(f"{self.ns}FieldID") or "").strip()] = (
                ea.findtext(f"{self.ns}Alias") or "", ea.findtext(f"{self.ns}FieldName") or "")
        _name, kind_field, kind_alias = TASK_FIELDS["kind"]
        self.ours = aliases.get(str(kind_field), ("",))[0] == kind_alias  # a file Uppdrag wrote
        self.text_fields = FIELD_OF_ID if self.ours else {}  # a task's extended attribute → what it keeps
        self.gate_flags = {fid for fid, (alias, name) in aliases.items()
                           if name.lower().startswith("flag") and _FLAG_ALIAS.search(alias)}
        self.plan_uuid = uuid_of(self.project.get("GUID")) or str(uuidlib.uuid4())
        self._named = hashlib.sha1(_URL_NAMESPACE + f"mspdi:{self.plan_uuid}/".encode(), usedforsecurity=False)

    def note(self, text: str) -> None:
        self.remarks.append(text)

    def stable_uuid(self, *parts: str) -> str:
        """uuid5 in the URL namespace of the plan's uuid and `parts` (the same uuid each time the file is read):
        uuid5_text("mspdi:" + "/".join((plan_uuid, *parts))), the hash of its common start taken once."""
        named = self._named.copy()
        named.update("/".join(parts).encode("utf-8"))
        return _uuid5_form(named.digest())


_URL_NAMESPACE = uuidlib.NAMESPACE_URL.bytes


def uuid5_text(name: str) -> str:
    """str(uuid.uuid5(uuid.NAMESPACE_URL, name)), without building a UUID object (a file of 20,000 tasks
    asks for thousands)."""
    return _uuid5_form(hashlib.sha1(_URL_NAMESPACE + name.encode("utf-8"), usedforsecurity=False).digest())


def _uuid5_form(sha1: bytes) -> str:
    digest = bytearray(sha1[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
