"""The peewee models: one table per part of a plan, as named in DESIGN.md.

Every row a user makes carries a UUID, created/modified times, a tombstone
(`deleted_at`) instead of being deleted, and its current version (`version_id`): an id unique
across all copies of the file, new for every change. `row_version` keeps the
versions a row has had (db/history.py), so two copies of a file find the state
they last shared row by row and can be merged without losing an edit.

Vague dates are stored as two columns: the first day of the period (so that
SQL can sort and filter on it) and its precision (see app.dates.Precision).
"""

from __future__ import annotations

import os
import uuid as uuidlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from peewee import (
    SQL,
    BlobField,
    CharField,
    DatabaseProxy,
    DateField,
    DeferredForeignKey,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def new_uuid() -> str:
    return str(uuidlib.uuid4())


# Where each of a uuid's 32 random hex digits goes in its text (8-4-4-4-12): the version digit and the
# variant digit then overwrite the 13th and the 17th (a space after each uuid splits the lot).
_UUID_PLACES = [*range(0, 8), *range(9, 13), *range(14, 18), *range(19, 23), *range(24, 36)]
_VARIANT_DIGIT = bytes.maketrans(b"0123456789abcdef", b"89ab89ab89ab89ab")


def new_uuids(count: int) -> list[str]:
    """`count` new random uuids, the same as `count` calls of new_uuid() (version 4, from
    os.urandom): the text of all of them is laid out digit place by digit place, each place a
    copy across every uuid at once, instead of a string built per uuid."""
    digits = os.urandom(16 * count).hex().encode("ascii")
    text = bytearray(b"-" * 36 + b" ") * count
    for digit, place in enumerate(_UUID_PLACES):
        text[place::37] = digits[digit::32]
    text[14::37] = b"4" * count
    text[19::37] = digits[16::32].translate(_VARIANT_DIGIT)
    return text.decode("ascii").split()


def new_version() -> str:
    """A version id: 128 random bits as hex, unique across every copy of every file."""
    return os.urandom(16).hex()


def new_versions(count: int) -> list[str]:
    return os.urandom(16 * count).hex(" ", 16).split() if count else []


def utc_now() -> str:
    """UTC time as ISO text with microseconds: sorts as text, merges across time zones."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class UserRow(BaseModel):
    """A row a user makes: identity, times, tombstone and version for merging.

    `rev` counts the versions on the row's longest line of descent (1 for a new row).
    """

    uuid = CharField(unique=True, default=new_uuid)
    created_at = CharField(default=utc_now)
    modified_at = CharField(default=utc_now)
    rev = IntegerField(default=1)
    deleted_at = CharField(null=True)
    version_id = CharField(default=new_version)

    if TYPE_CHECKING:  # peewee adds the integer primary key itself; named here for the type checker
        from peewee import AutoField

        id: AutoField[int]


class RowVersion(BaseModel):
    """One version of a user row (see db/history.py).

    `data` holds the row's content as JSON (foreign keys as uuids) once the version
    has been superseded; the current version's content is the row itself. A version
    made by a merge has two parents.
    """

    tbl = CharField()
    row_uuid = CharField(index=True)
    version = CharField(unique=True)
    parent = CharField(null=True)
    parent2 = CharField(null=True)
    rev = IntegerField()
    at = CharField()  # UTC, when the version was made
    who = CharField(default="")  # user and computer (or the database user on a server)
    action = CharField(default="")  # edit | delete | restore | move | import | merge | create
    data = TextField(null=True)

    if TYPE_CHECKING:  # peewee adds the integer primary key itself; named here for the type checker
        from peewee import AutoField

        id: AutoField[int]


class Setting(BaseModel):
    """File-wide settings as JSON text (risk scale, Word reference choice, file uuid)."""

    key = CharField(primary_key=True)
    value = TextField()


class Asset(BaseModel):
    """Binary content stored in the file, e.g. an organisation's Word reference document."""

    key = CharField(primary_key=True)
    name = CharField()
    data = BlobField()
    modified_at = CharField(default=utc_now)


class Person(UserRow):
    name = CharField()
    title = CharField(default="")
    unit = CharField(default="")
    organisation = CharField(default="")
    email = CharField(default="")
    phone = CharField(default="")
    notes = TextField(default="")


class Plan(UserRow):
    doc_type = CharField()  # directive | plan | project_directive | project_plan
    template = CharField()
    title = TextField()
    subtitle = TextField(default="")
    programme = CharField(default="")  # series label above the title, e.g. "UPPDRAGiL 3.0"
    organisation = CharField(default="")
    diarienummer = CharField(default="")
    assignment = CharField(default="")  # the metadata block's "Uppdrag:" line
    document_date = DateField(null=True)
    document_date_precision = CharField(null=True)
    edition = CharField(default="0.1")  # utgåva
    version = CharField(default="")
    authors = TextField(default="")  # one name per line
    status = CharField(default="draft")
    decision_date = DateField(null=True)
    decision_date_precision = CharField(null=True)
    decision_text = TextField(default="")
    decision_choice = CharField(default="")  # "" | "yes" | "no"
    decision_comment = TextField(default="")
    signature_title = CharField(default="")
    signature_name = CharField(default="")
    signature_date = DateField(null=True)
    signature_date_precision = CharField(null=True)
    # Columns added after version 4 carry an SQL default too, so raw INSERTs that predate them still work.
    steering_model = CharField(default="", constraints=[SQL("DEFAULT ''")])  # its steering model's key (app.steering)
    # 1: successors that would start too early are moved at once (app.schedule); 0: they are offered a move.
    auto_schedule = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])


class PlanPart(UserRow):
    """A row that belongs to one plan and has a place in its order."""

    plan = ForeignKeyField(Plan, on_delete="CASCADE")
    position = IntegerField(default=0)


class Section(PlanPart):
    key = CharField(default="")  # template key, e.g. "background"; free for sections a user adds
    heading = TextField()
    level = IntegerField(default=1)  # 1 = "1. Bakgrund", 2 = "1.1. Idé"
    numbered = IntegerField(default=1)
    content = CharField(default="")  # the table this section shows (see app.templates.CONTENT_KINDS)
    body = TextField(default="")  # light markup, see docs/plan-format.md
    body_after = TextField(default="")  # text after the section's table
    guidance = TextField(default="")
    optional = IntegerField(default=0)
    empty_text = CharField(default="")  # shown when an optional section is empty ("Ej tillämpligt")


class Goal(PlanPart):
    kind = CharField()  # effect | deliverable
    text = TextField()
    measure = TextField(default="")


class TimelineItem(PlanPart):
    kind = CharField()  # phase | decision_point | milestone | activity
    code = CharField(default="")
    title = TextField()
    description = TextField(default="")
    start = DateField(null=True)
    start_precision = CharField(null=True)
    end = DateField(null=True)
    end_precision = CharField(null=True)
    responsible = CharField(default="")
    responsible_person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    status = CharField(default="planned")  # planned | ongoing | done | delayed | cancelled
    progress = IntegerField(default=0)
    comment = TextField(default="")
    parent = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="children")
    checklist = TextField(default="", constraints=[SQL("DEFAULT ''")])  # a decision point's checklist, JSON (app.decisions)
    actual_start = DateField(null=True)  # when the work really started (set when the status becomes ongoing)
    actual_finish = DateField(null=True)  # when it really finished (set when the status becomes done)


class Dependency(UserRow):
    predecessor = ForeignKeyField(TimelineItem, on_delete="CASCADE", backref="successors")
    successor = ForeignKeyField(TimelineItem, on_delete="CASCADE", backref="predecessors")
    kind = CharField(default="FS")  # FS finish-to-start | SS start-to-start | FF finish-to-finish
    lag = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])  # in lag_unit; negative: a lead
    lag_unit = CharField(default="day", constraints=[SQL("DEFAULT 'day'")])  # day | week


class Role(PlanPart):
    kind = CharField()  # orderer | owner | leader | steering_group | member | recipient | stakeholder | resource_owner
    person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    name = TextField(default="")  # free text when no person is picked
    unit = TextField(default="")  # "Verksamhet"
    allocation = IntegerField(null=True)  # percent of a position
    start = DateField(null=True)
    start_precision = CharField(null=True)
    end = DateField(null=True)
    end_precision = CharField(null=True)
    note = TextField(default="")


class ResourceLine(PlanPart):
    competence = TextField(default="")  # "Resurs/kompetens"
    person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    name = TextField(default="")
    allocation = IntegerField(null=True)
    start = DateField(null=True)
    start_precision = CharField(null=True)
    end = DateField(null=True)
    end_precision = CharField(null=True)
    note = TextField(default="")


class BudgetLine(PlanPart):
    kind = CharField()  # cost | financing
    description = TextField()
    amount = IntegerField(null=True)  # whole kronor (SEK)
    year = IntegerField(null=True)
    note = TextField(default="")
    sum_rule = CharField(default="")  # "" summed | "shared": shown, not added (shared with other plans)
    tertial = IntegerField(null=True)  # 1-3 within `year`; None: the whole year
    actual = IntegerField(null=True)  # utfall: spent (cost) or received (financing) so far, whole kronor
    forecast = IntegerField(null=True)  # prognos: expected for the period in the end, whole kronor


class Risk(PlanPart):
    title = TextField()
    cause = TextField(default="")
    consequence = TextField(default="")
    probability = IntegerField(null=True)
    impact = IntegerField(null=True)  # consequence score
    owner = CharField(default="")
    mitigation = TextField(default="")
    due = DateField(null=True)
    due_precision = CharField(null=True)
    status = CharField(default="open")  # open | handled | closed
    trend = CharField(default="")  # "" | up | flat | down


class RiskAssessment(UserRow):
    risk = ForeignKeyField(Risk, on_delete="CASCADE", backref="assessments")
    assessed_on = DateField()
    probability = IntegerField()
    impact = IntegerField()
    scale = IntegerField(default=4)
    note = TextField(default="")


class LogEntry(PlanPart):
    entry_date = DateField(null=True)
    kind = CharField(default="issue")  # issue | decision | change | deviation | merge
    text = TextField()
    decided_by = CharField(default="")
    status = CharField(default="")
    # A decision recorded at a decision point: the point, its outcome and the decision's diarienummer.
    item = ForeignKeyField(TimelineItem, null=True, on_delete="SET NULL")
    outcome = CharField(default="", constraints=[SQL("DEFAULT ''")])  # "" | continue | stop | redo | redirect
    diarienummer = CharField(default="", constraints=[SQL("DEFAULT ''")])


class StatusReport(PlanPart):
    report_date = DateField()
    status = CharField()  # green | yellow | red
    text = TextField(default="")
    author = CharField(default="")


class Term(PlanPart):
    term = CharField()
    explanation = TextField(default="")


class Reference(PlanPart):
    number = CharField(default="")
    title = TextField()
    description = TextField(default="")
    url = TextField(default="")


class Edition(PlanPart):
    label = CharField()
    edition_date = DateField()
    comment = TextField(default="")
    snapshot = TextField()  # the plan's JSON at the moment it was frozen


# Tables in creation order (parents before children).
MODELS: tuple[type[BaseModel], ...] = (
    Setting,
    Asset,
    Person,
    Plan,
    Section,
    Goal,
    TimelineItem,
    Dependency,
    Role,
    ResourceLine,
    BudgetLine,
    Risk,
    RiskAssessment,
    LogEntry,
    StatusReport,
    Term,
    Reference,
    Edition,
    RowVersion,
)

# Models whose rows belong to a plan through a `plan` column, in export order.
PLAN_PART_MODELS: tuple[type[PlanPart], ...] = (
    Section,
    Goal,
    TimelineItem,
    Role,
    ResourceLine,
    BudgetLine,
    Risk,
    LogEntry,
    StatusReport,
    Term,
    Reference,
    Edition,
)

__all__ = [m.__name__ for m in MODELS] + [
    "PLAN_PART_MODELS",
    "MODELS",
    "SQL",
    "DeferredForeignKey",
    "database",
    "new_uuid",
    "new_uuids",
    "new_version",
    "new_versions",
    "utc_now",
]
