"""Setting up a team server: the schema, its upgrades, two roles and row-level security.

`init_server` runs as the database's owner (IT's admin account) in one transaction:
- the tables of the models (text columns unbounded, as in a file), the schema version in
  `uppdrag_schema`, the `plan_member` table of named owners, leaders, editors and readers,
  and `plan.created_by` (the database user who made the plan: its author, filled by the server);
- the ladder `SERVER_STEPS[n]` takes an older server schema from n to n + 1, as db.migrations
  does for files;
- the roles `uppdrag_read` (reads every plan) and `uppdrag_write` (member of read; may add
  plans and write where the policies allow);
- row-level security: a plan and its parts may be changed only by its author or a member named
  owner, leader or editor; persons, settings and assets by any writer; the history's records
  (`OPEN_TABLES`) by any writer through the grants alone, without row-level security. A row
  never moves to another plan (a trigger says no: the policies see only the new row of an UPDATE).

Role names go through psycopg.sql.Identifier, values as parameters: no user text is ever
formatted into SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from db import models
from db.i18n import tr
from db.server import INFO_TABLE, open_database, schema_version
from db.server_connection import ServerAddress, ServerError

READ_ROLE = "uppdrag_read"
WRITE_ROLE = "uppdrag_write"
EDIT_ROLES = ("owner", "leader", "editor")
MEMBER_ROLES = (*EDIT_ROLES, "reader")

# Columns a writer may never change once a row exists: its identity and its plan's author.
FIXED_COLUMNS = frozenset({"id", "uuid", "created_by"})
# The columns that tie a row to its plan: a row never moves to another plan (an import rewrites
# them with the same value, so they stay writable, and a trigger refuses a different one).
OWNER_COLUMNS = {"dependency": ("predecessor_id", "successor_id"), "risk_assessment": ("risk_id",),
                 **{m._meta.table_name: ("plan_id",) for m in models.PLAN_PART_MODELS}}
STAY = """
CREATE OR REPLACE FUNCTION uppdrag_stay_with_plan() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'row-level security: a row stays with its plan' USING ERRCODE = '42501';
END
$$"""

# Server-only objects beside the models' tables.
EXTRA_DDL = (
    f'CREATE TABLE "{INFO_TABLE}" ("version" integer NOT NULL)',
    'ALTER TABLE "plan" ADD COLUMN "created_by" name NOT NULL DEFAULT session_user',
    'CREATE TABLE "plan_member" ("plan_uuid" text NOT NULL, "username" name NOT NULL, '
    '"role" text NOT NULL CHECK ("role" IN (\'owner\', \'leader\', \'editor\', \'reader\')), '
    'PRIMARY KEY ("plan_uuid", "username"))',
)

# May the session's user change plan $1? Runs as the schema's owner (it reads plan_member, which
# writers cannot change), with a fixed search_path. In PL/pgSQL, whose query plan a session makes
# once and keeps: a SQL function with SET is never inlined, so its query was planned again for
# every statement that wrote a row, a quarter of a millisecond of the server's time per edit.
MAY_EDIT = """
CREATE OR REPLACE FUNCTION uppdrag_may_edit(plan_id integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM plan p WHERE p.id = $1 AND (
      p.created_by = session_user OR EXISTS (
        SELECT 1 FROM plan_member m WHERE m.plan_uuid = p.uuid AND m.username = session_user
        AND m.role IN ('owner', 'leader', 'editor'))));
END
$$"""

# How each table's rows reach their plan (None: not a plan's row, any writer may change it).
PLAN_OF = {
    "plan": "uppdrag_may_edit(id)",
    "dependency": "uppdrag_may_edit((SELECT t.plan_id FROM timeline_item t WHERE t.id = successor_id))",
    "risk_assessment": "uppdrag_may_edit((SELECT r.plan_id FROM risk r WHERE r.id = risk_id))",
    **{m._meta.table_name: "uppdrag_may_edit(plan_id)" for m in models.PLAN_PART_MODELS},
}


# Tables every reader may read and every writer may write whole, by their grants alone: no row-level
# security. The history's records (`row_version`) are such a table, and a sync writes thousands of them
# by COPY, which PostgreSQL refuses on a table with row-level security (db.history_records).
OPEN_TABLES = frozenset({"row_version"})


# How full a page of a user table is filled (percent): the rest is room for a row's next versions. Every
# edit on a server writes a row anew, and a new version that fits on its row's page, changing no indexed
# column, is a heap-only update: no index entry is written for it (five indexes on a timeline item). Full
# pages make every update write them all, the largest part of the time a sync spends writing rows.
FILLFACTOR = 85
# The same for the history's records: a record is added without the row's content (the row holds it)
# and written once more when its version is replaced, gaining that content (db.history). With room on
# its page that write is heap-only too: a sync's thousands of them took a third less of the server's
# time (measured here: 3,000 records, 75 against 50 ms, 96 % of them heap-only), and adding records
# took no longer. Pages of records whose rows never change again stay half full.
HISTORY_FILLFACTOR = 50


def _room_for_updates(db: Any) -> None:
    """FILLFACTOR on every user table, HISTORY_FILLFACTOR on the history's. It holds for pages filled
    from then on: a server set up before it keeps its full pages until they are rewritten (VACUUM FULL,
    or IT's own maintenance)."""
    for model in models.MODELS:
        if issubclass(model, models.UserRow):
            db.execute_sql(f'ALTER TABLE "{model._meta.table_name}" SET (fillfactor = {FILLFACTOR})')
    db.execute_sql(f'ALTER TABLE "row_version" SET (fillfactor = {HISTORY_FILLFACTOR})')


def _text_columns(db: Any) -> None:
    """A file's text has no length limit; on the server neither may it (VARCHAR(255) would refuse)."""
    from peewee import CharField

    for model in models.MODELS:
        for f in model._meta.sorted_fields:
            if isinstance(f, CharField):
                db.execute_sql(f'ALTER TABLE "{model._meta.table_name}" ALTER COLUMN "{f.column_name}" TYPE text')


def _create_schema(db: Any) -> None:
    from db.identity import SCHEMA_VERSION

    with db.bind_ctx(models.MODELS):
        db.create_tables(models.MODELS, safe=False)
        _text_columns(db)
        for sql in EXTRA_DDL:
            db.execute_sql(sql)
        db.execute_sql(f'INSERT INTO "{INFO_TABLE}" ("version") VALUES (%s)', (SCHEMA_VERSION,))
        models.Setting.create(key="file_uuid", value=f'"{models.new_uuid()}"')


def _v2_to_v3(db: Any) -> None:
    """Version 3: row history (db/history.py). Every user row gets a version id, derived as a file's
    migration derives it (so a file and a server that share rows agree), and `row_version` keeps versions."""
    db.execute_sql(
        'CREATE TABLE "row_version" ("id" SERIAL NOT NULL PRIMARY KEY, "tbl" text NOT NULL, "row_uuid" text NOT NULL, '
        '"version" text NOT NULL, "parent" text, "parent2" text, "rev" integer NOT NULL, "at" text NOT NULL, '
        '"who" text NOT NULL, "action" text NOT NULL, "data" text)')
    db.execute_sql('CREATE INDEX "row_version_row_uuid" ON "row_version" ("row_uuid")')
    db.execute_sql('CREATE UNIQUE INDEX "row_version_version" ON "row_version" ("version")')
    for table in V2_USER_TABLES:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "version_id" text NOT NULL DEFAULT \'\'')
        db.execute_sql(
            f'UPDATE "{table}" SET "version_id" = substr(encode(sha256(convert_to(\'v2|\' || "uuid" || \'|\' || "rev" '
            f'|| \'|\' || "modified_at" || \'|\' || coalesce("deleted_at", \'\'), \'UTF8\')), \'hex\'), 1, 32)')
        db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "version_id" DROP DEFAULT')


V2_USER_TABLES = ("person", "plan", "section", "goal", "timeline_item", "dependency", "role", "resource_line",
                  "budget_line", "risk", "risk_assessment", "log_entry", "status_report", "term", "reference",
                  "edition")

def _v3_to_v4(db: Any) -> None:
    """Version 4: a budget line may be shared with other plans and left out of the total."""
    db.execute_sql('ALTER TABLE "budget_line" ADD COLUMN "sum_rule" text NOT NULL DEFAULT \'\'')


# SERVER_STEPS[n] takes a server schema from version n to n + 1 (frozen SQL, like db.migrations).
def _v4_to_v5(db: Any) -> None:
    """Version 5: a plan's steering model, a decision point's checklist, a logged decision's point,
    outcome and diarienummer (as db.migrations adds them to a file)."""
    for sql in (
        'ALTER TABLE "plan" ADD COLUMN "steering_model" text NOT NULL DEFAULT \'\'',
        'ALTER TABLE "timeline_item" ADD COLUMN "checklist" text NOT NULL DEFAULT \'\'',
        'ALTER TABLE "log_entry" ADD COLUMN "item_id" integer REFERENCES "timeline_item" ("id") ON DELETE SET NULL',
        'ALTER TABLE "log_entry" ADD COLUMN "outcome" text NOT NULL DEFAULT \'\'',
        'ALTER TABLE "log_entry" ADD COLUMN "diarienummer" text NOT NULL DEFAULT \'\'',
        'CREATE INDEX "log_entry_item_id" ON "log_entry" ("item_id")',
    ):
        db.execute_sql(sql)


def _v5_to_v6(db: Any) -> None:
    """Version 6: budget follow-up (a budget line's tertial, utfall and prognos), as db.migrations adds it."""
    for column in ("tertial", "actual", "forecast"):
        db.execute_sql(f'ALTER TABLE "budget_line" ADD COLUMN "{column}" integer')


def _v6_to_v7(db: Any) -> None:
    """Version 7: a dependency's lag, an item's actual start and finish, a plan's automatic scheduling."""
    for sql in (
        'ALTER TABLE "dependency" ADD COLUMN "lag" integer NOT NULL DEFAULT 0',
        'ALTER TABLE "dependency" ADD COLUMN "lag_unit" text NOT NULL DEFAULT \'day\'',
        'ALTER TABLE "timeline_item" ADD COLUMN "actual_start" date',
        'ALTER TABLE "timeline_item" ADD COLUMN "actual_finish" date',
        'ALTER TABLE "plan" ADD COLUMN "auto_schedule" integer NOT NULL DEFAULT 0',
    ):
        db.execute_sql(sql)


SERVER_STEPS: dict[int, Callable[[Any], None]] = {2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6, 6: _v6_to_v7}


def _upgrade(db: Any, version: int) -> None:
    from db.identity import SCHEMA_VERSION

    for step in range(version, SCHEMA_VERSION):
        if step not in SERVER_STEPS:
            raise ServerError(tr("Databasens schemaversion {version} kan inte uppgraderas av den här versionen av "
                                 "Uppdrag.", version=version))
        SERVER_STEPS[step](db)
    db.execute_sql(f'UPDATE "{INFO_TABLE}" SET "version" = %s', (SCHEMA_VERSION,))


def _role_exists(db: Any, name: str) -> bool:
    return db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def _sql(db: Any, composed: Any) -> None:
    """A statement with identifiers composed by psycopg.sql (quoted by the server's rules)."""
    db.execute_sql(composed.as_string(db.connection()))


def _roles_and_grants(db: Any) -> None:
    from psycopg import sql

    read, write = sql.Identifier(READ_ROLE), sql.Identifier(WRITE_ROLE)
    for name in (READ_ROLE, WRITE_ROLE):
        if not _role_exists(db, name):
            _sql(db, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
    _sql(db, sql.SQL("GRANT {} TO {}").format(read, write))
    (schema,) = db.execute_sql("SELECT current_schema()").fetchone()
    schema_id = sql.Identifier(schema)
    _sql(db, sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema_id, read))
    tables = [m._meta.table_name for m in models.MODELS]
    for table in [*tables, "plan_member", INFO_TABLE]:
        _sql(db, sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(table), read))
    for model in models.MODELS:
        table = sql.Identifier(model._meta.table_name)
        _sql(db, sql.SQL("GRANT INSERT, DELETE ON {} TO {}").format(table, write))
        columns = [f.column_name for f in model._meta.sorted_fields if f.column_name not in FIXED_COLUMNS]
        if model is models.Setting or model is models.Asset:
            columns = [f.column_name for f in model._meta.sorted_fields]  # replaced by key
        _sql(db, sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)), table, write))
    _sql(db, sql.SQL("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema_id, write))
    _sql(db, sql.SQL(MAY_EDIT).format(schema=schema_id))
    _sql(db, sql.SQL(STAY).format(schema=schema_id))
    for table_name, columns in OWNER_COLUMNS.items():
        table = sql.Identifier(table_name)
        _sql(db, sql.SQL("DROP TRIGGER IF EXISTS uppdrag_stay_with_plan ON {}").format(table))
        moved = sql.SQL(" OR ").join(
            sql.SQL("OLD.{c} IS DISTINCT FROM NEW.{c}").format(c=sql.Identifier(c)) for c in columns)
        _sql(db, sql.SQL("CREATE TRIGGER uppdrag_stay_with_plan BEFORE UPDATE OF {} ON {} FOR EACH ROW "
                         "WHEN ({}) EXECUTE FUNCTION uppdrag_stay_with_plan()").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)), table, moved))
    _sql(db, sql.SQL("REVOKE ALL ON FUNCTION uppdrag_may_edit(integer) FROM PUBLIC"))
    _sql(db, sql.SQL("GRANT EXECUTE ON FUNCTION uppdrag_may_edit(integer) TO {}").format(read))


def _policies(db: Any) -> None:
    from psycopg import sql

    read, write = sql.Identifier(READ_ROLE), sql.Identifier(WRITE_ROLE)
    for table_name in [m._meta.table_name for m in models.MODELS] + ["plan_member", INFO_TABLE]:
        table = sql.Identifier(table_name)
        existing = db.execute_sql("SELECT policyname FROM pg_policies WHERE tablename = %s", (table_name,))
        for (policy,) in existing.fetchall():
            _sql(db, sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(policy), table))
        if table_name in OPEN_TABLES:
            _sql(db, sql.SQL("ALTER TABLE {} DISABLE ROW LEVEL SECURITY").format(table))
            continue
        _sql(db, sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(table))
        _sql(db, sql.SQL("CREATE POLICY uppdrag_read ON {} FOR SELECT TO {} USING (true)").format(table, read))
        if table_name in ("plan_member", INFO_TABLE):
            continue
        rule = PLAN_OF.get(table_name)
        if rule is None:  # persons, settings, assets: the team's shared register
            _sql(db, sql.SQL("CREATE POLICY uppdrag_write ON {} FOR ALL TO {} USING (true) WITH CHECK (true)")
                 .format(table, write))
            continue
        check = sql.SQL(rule)
        insert_check = sql.SQL("created_by = session_user") if table_name == "plan" else check
        _sql(db, sql.SQL("CREATE POLICY uppdrag_add ON {} FOR INSERT TO {} WITH CHECK ({})")
             .format(table, write, insert_check))
        # USING (true) with the check on the new row: a refused UPDATE is an error, not 0 rows.
        _sql(db, sql.SQL("CREATE POLICY uppdrag_change ON {} FOR UPDATE TO {} USING (true) WITH CHECK ({})")
             .format(table, write, check))
        _sql(db, sql.SQL("CREATE POLICY uppdrag_remove ON {} FOR DELETE TO {} USING ({})")
             .format(table, write, check))


def init_server(url: str | ServerAddress, password: str | None = None) -> tuple[str, int | None]:
    """Create or upgrade the schema, the roles and the policies; ('created'|'upgraded'|'current', old version)."""
    from db.identity import SCHEMA_VERSION
    from db.server_connection import address

    addr = address(url)
    db = open_database(addr, password)
    try:
        with db.atomic():
            version = schema_version(db)
            if version is not None and version > SCHEMA_VERSION:
                raise ServerError(tr(
                    "Databasen {server} har schemaversion {version}, nyare än den här versionen av "
                    "Uppdrag kan ({readable}); uppdatera Uppdrag.", server=addr.name, version=version,
                    readable=SCHEMA_VERSION))
            if version is None:
                if db.execute_sql("SELECT to_regclass('plan') IS NOT NULL").fetchone()[0]:
                    raise ServerError(tr("Databasen {server} har redan en tabell ”plan” som inte är Uppdrags; "
                                         "välj en tom databas.", server=addr.name))
                _create_schema(db)
                outcome = "created"
            elif version < SCHEMA_VERSION:
                _upgrade(db, version)
                outcome = "upgraded"
            else:
                outcome = "current"
            _room_for_updates(db)
            _roles_and_grants(db)
            _policies(db)
    except _privilege_errors() as exc:
        raise ServerError(tr(
            "Kontot i adressen får inte sätta upp {server} ({why}); kör kommandot som databasens ägare med rätt att "
            "skapa roller (CREATEROLE).", server=addr.name, why=str(exc).splitlines()[0])) from None
    finally:
        db.drop_connection()
    return outcome, version


def refresh_statistics(db: Any) -> list[str]:
    """ANALYZE the schema's tables this account may analyze (its own, or all as the database's owner);
    the ones analyzed. After a load of many rows (`uppdrag server push`) the planner has no
    statistics until autovacuum's first round, a minute or more later, and meanwhile finds a few
    hundred rows by uuid by reading whole tables (a sync's lookups, several times slower). Another
    account's tables are left to autovacuum: ANALYZE would only warn."""
    from psycopg import sql

    tables = [name for (name,) in db.execute_sql(
        "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
        "AND c.relkind = 'r' AND (pg_has_role(c.relowner, 'USAGE') OR pg_has_role("
        "(SELECT d.datdba FROM pg_database d WHERE d.datname = current_database()), 'USAGE')) ORDER BY 1").fetchall()]
    if tables:
        _sql(db, sql.SQL("ANALYZE {}").format(sql.SQL(", ").join(map(sql.Identifier, tables))))
    return tables


def _privilege_errors() -> tuple[type[BaseException], ...]:
    import peewee

    return (peewee.ProgrammingError,)


def grant(url: str | ServerAddress, user: str, role: str, plan_ref: str | None = None,
          password: str | None = None) -> str | None:
    """Let `user` read (reader) or write (editor, owner, leader) on the server, and on `plan_ref`.

    Returns the plan's title when a plan was named. A reader named on a plan loses any
    editing right on it.
    """
    from psycopg import sql

    from db.server_connection import address

    if role not in MEMBER_ROLES:
        raise ServerError(tr("Rollen ”{role}” finns inte; välj {roles}.", role=role, roles=", ".join(MEMBER_ROLES)))
    addr = address(url)
    db = open_database(addr, password)
    try:
        if schema_version(db) is None:
            raise ServerError(tr("Databasen {server} är inte uppsatt; kör ”uppdrag server init” först.", server=addr.name))
        if not _role_exists(db, user):
            raise ServerError(tr(
                "Användaren ”{user}” finns inte på servern; IT lägger upp kontot (CREATE ROLE … LOGIN) först.",
                user=user))
        title = None
        with db.atomic():
            cluster_role = READ_ROLE if role == "reader" else WRITE_ROLE
            _sql(db, sql.SQL("GRANT {} TO {}").format(sql.Identifier(cluster_role), sql.Identifier(user)))
            if plan_ref is not None:
                plan_uuid, title = _find_plan(db, plan_ref)
                db.execute_sql(
                    'INSERT INTO "plan_member" ("plan_uuid", "username", "role") VALUES (%s, %s, %s) '
                    'ON CONFLICT ("plan_uuid", "username") DO UPDATE SET "role" = EXCLUDED."role"',
                    (plan_uuid, user, role),
                )
    except _privilege_errors() as exc:
        raise ServerError(tr(
            "Kontot i adressen får inte dela ut behörigheter på {server} ({why}); kör kommandot som databasens ägare.",
            server=addr.name, why=str(exc).splitlines()[0])) from None
    finally:
        db.drop_connection()
    return title


def _find_plan(db: Any, ref: str) -> tuple[str, str]:
    ref = ref.strip()
    alive = 'deleted_at IS NULL'
    if ref.isdigit():
        row = db.execute_sql(f'SELECT uuid, title FROM plan WHERE id = %s AND {alive}', (int(ref),)).fetchone()
        if row:
            return row
    row = db.execute_sql(f'SELECT uuid, title FROM plan WHERE uuid = %s AND {alive}', (ref.lower(),)).fetchone()
    if row:
        return row
    rows = db.execute_sql(f'SELECT uuid, title FROM plan WHERE diarienummer = %s AND {alive}', (ref,)).fetchall()
    if len(rows) == 1:
        return rows[0]
    if rows:
        raise LookupError(tr("Flera planer har diarienummer ”{ref}”; ange planens id eller uuid.", ref=ref))
    raise LookupError(tr("Hittar ingen plan ”{ref}” på servern.", ref=ref))


def members(db: Any, plan_uuid: str) -> list[tuple[str, str]]:
    """(user, role) named on a plan, its author first."""
    author = db.execute_sql('SELECT created_by FROM plan WHERE uuid = %s', (plan_uuid,)).fetchone()
    named = db.execute_sql('SELECT username, role FROM plan_member WHERE plan_uuid = %s ORDER BY username',
                           (plan_uuid,)).fetchall()
    return ([(author[0], "author")] if author else []) + [tuple(r) for r in named]


__all__ = ["ServerAddress", "grant", "init_server", "members"]
