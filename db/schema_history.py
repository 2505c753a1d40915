"""Frozen DDL of each schema version, as new files of that version hold it.

Never edit: the schema check compares files against it, and the migration
tests build version-1 files from it. A new schema version adds its own.
"""

V1_DDL: tuple[str, ...] = (
    'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "doc_type" VARCHAR(255) NOT NULL, "template" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL, "programme" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "diarienummer" VARCHAR(255) NOT NULL, "assignment" VARCHAR(255) NOT NULL, "document_date" DATE, "document_date_precision" VARCHAR(255), "edition" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "authors" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "decision_date" DATE, "decision_date_precision" VARCHAR(255), "decision_text" TEXT NOT NULL, "decision_choice" VARCHAR(255) NOT NULL, "decision_comment" TEXT NOT NULL, "signature_title" VARCHAR(255) NOT NULL, "signature_name" VARCHAR(255) NOT NULL, "signature_date" DATE, "signature_date_precision" VARCHAR(255))',
    'CREATE UNIQUE INDEX "plan_uuid" ON "plan" ("uuid")',
    'CREATE TABLE "budget_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "amount" INTEGER, "year" INTEGER, "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "budget_line_uuid" ON "budget_line" ("uuid")',
    'CREATE INDEX "budget_line_plan_id" ON "budget_line" ("plan_id")',
    'CREATE TABLE "person" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "name" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "unit" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "person_uuid" ON "person" ("uuid")',
    'CREATE TABLE "timeline_item" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "responsible" VARCHAR(255) NOT NULL, "responsible_person_id" INTEGER, "status" VARCHAR(255) NOT NULL, "progress" INTEGER NOT NULL, "comment" TEXT NOT NULL, "parent_id" INTEGER, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("responsible_person_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("parent_id") REFERENCES "timeline_item" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "timeline_item_uuid" ON "timeline_item" ("uuid")',
    'CREATE INDEX "timeline_item_plan_id" ON "timeline_item" ("plan_id")',
    'CREATE INDEX "timeline_item_responsible_person_id" ON "timeline_item" ("responsible_person_id")',
    'CREATE INDEX "timeline_item_parent_id" ON "timeline_item" ("parent_id")',
    'CREATE TABLE "edition" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "label" VARCHAR(255) NOT NULL, "edition_date" DATE NOT NULL, "comment" TEXT NOT NULL, "snapshot" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "edition_uuid" ON "edition" ("uuid")',
    'CREATE INDEX "edition_plan_id" ON "edition" ("plan_id")',
    'CREATE TABLE "goal" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "measure" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "goal_uuid" ON "goal" ("uuid")',
    'CREATE INDEX "goal_plan_id" ON "goal" ("plan_id")',
    'CREATE TABLE "log_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "entry_date" DATE, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "decided_by" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "log_entry_uuid" ON "log_entry" ("uuid")',
    'CREATE INDEX "log_entry_plan_id" ON "log_entry" ("plan_id")',
    'CREATE TABLE "reference" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "url" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "reference_uuid" ON "reference" ("uuid")',
    'CREATE INDEX "reference_plan_id" ON "reference" ("plan_id")',
    'CREATE TABLE "resource_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "competence" TEXT NOT NULL, "person_id" INTEGER, "name" TEXT NOT NULL, "allocation" INTEGER, "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "resource_line_uuid" ON "resource_line" ("uuid")',
    'CREATE INDEX "resource_line_plan_id" ON "resource_line" ("plan_id")',
    'CREATE INDEX "resource_line_person_id" ON "resource_line" ("person_id")',
    'CREATE TABLE "risk" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, "cause" TEXT NOT NULL, "consequence" TEXT NOT NULL, "probability" INTEGER, "impact" INTEGER, "owner" VARCHAR(255) NOT NULL, "mitigation" TEXT NOT NULL, "due" DATE, "due_precision" VARCHAR(255), "status" VARCHAR(255) NOT NULL, "trend" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "risk_uuid" ON "risk" ("uuid")',
    'CREATE INDEX "risk_plan_id" ON "risk" ("plan_id")',
    'CREATE TABLE "role" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "person_id" INTEGER, "name" TEXT NOT NULL, "unit" TEXT NOT NULL, "allocation" INTEGER, "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "role_uuid" ON "role" ("uuid")',
    'CREATE INDEX "role_plan_id" ON "role" ("plan_id")',
    'CREATE INDEX "role_person_id" ON "role" ("person_id")',
    'CREATE TABLE "section" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "heading" TEXT NOT NULL, "level" INTEGER NOT NULL, "numbered" INTEGER NOT NULL, "content" VARCHAR(255) NOT NULL, "body" TEXT NOT NULL, "guidance" TEXT NOT NULL, "optional" INTEGER NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "section_uuid" ON "section" ("uuid")',
    'CREATE INDEX "section_plan_id" ON "section" ("plan_id")',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "status_report" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "report_date" DATE NOT NULL, "status" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "author" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "status_report_uuid" ON "status_report" ("uuid")',
    'CREATE INDEX "status_report_plan_id" ON "status_report" ("plan_id")',
    'CREATE TABLE "term" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "term" VARCHAR(255) NOT NULL, "explanation" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "term_uuid" ON "term" ("uuid")',
    'CREATE INDEX "term_plan_id" ON "term" ("plan_id")',
)

# Objects schema version 2 added, frozen as the migration creates them.
V2_NEW_OBJECTS: tuple[str, ...] = (
    'CREATE TABLE "asset" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "data" BLOB NOT NULL, "modified_at" VARCHAR(255) NOT NULL)',
    'CREATE TABLE "dependency" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "predecessor_id" INTEGER NOT NULL, "successor_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, FOREIGN KEY ("predecessor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE, FOREIGN KEY ("successor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "dependency_uuid" ON "dependency" ("uuid")',
    'CREATE INDEX "dependency_predecessor_id" ON "dependency" ("predecessor_id")',
    'CREATE INDEX "dependency_successor_id" ON "dependency" ("successor_id")',
    'CREATE TABLE "risk_assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "risk_id" INTEGER NOT NULL, "assessed_on" DATE NOT NULL, "probability" INTEGER NOT NULL, "impact" INTEGER NOT NULL, "scale" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("risk_id") REFERENCES "risk" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "risk_assessment_uuid" ON "risk_assessment" ("uuid")',
    'CREATE INDEX "risk_assessment_risk_id" ON "risk_assessment" ("risk_id")',
)

# Schema version 2 as a new file holds it: the DDL peewee makes from db.models, frozen so that
# opening a file does not have to make it (tests/db/test_schema.py keeps the models to it).
V2_DDL: tuple[str, ...] = (
    'CREATE TABLE "asset" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "data" BLOB NOT NULL, "modified_at" VARCHAR(255) NOT NULL)',
    'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "doc_type" VARCHAR(255) NOT NULL, "template" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL, "programme" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "diarienummer" VARCHAR(255) NOT NULL, "assignment" VARCHAR(255) NOT NULL, "document_date" DATE, "document_date_precision" VARCHAR(255), "edition" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "authors" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "decision_date" DATE, "decision_date_precision" VARCHAR(255), "decision_text" TEXT NOT NULL, "decision_choice" VARCHAR(255) NOT NULL, "decision_comment" TEXT NOT NULL, "signature_title" VARCHAR(255) NOT NULL, "signature_name" VARCHAR(255) NOT NULL, "signature_date" DATE, "signature_date_precision" VARCHAR(255))',
    'CREATE UNIQUE INDEX "plan_uuid" ON "plan" ("uuid")',
    'CREATE TABLE "budget_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "amount" INTEGER, "year" INTEGER, "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "budget_line_uuid" ON "budget_line" ("uuid")',
    'CREATE INDEX "budget_line_plan_id" ON "budget_line" ("plan_id")',
    'CREATE TABLE "person" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "name" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "unit" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "person_uuid" ON "person" ("uuid")',
    'CREATE TABLE "timeline_item" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "responsible" VARCHAR(255) NOT NULL, "responsible_person_id" INTEGER, "status" VARCHAR(255) NOT NULL, "progress" INTEGER NOT NULL, "comment" TEXT NOT NULL, "parent_id" INTEGER, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("responsible_person_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("parent_id") REFERENCES "timeline_item" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "timeline_item_uuid" ON "timeline_item" ("uuid")',
    'CREATE INDEX "timeline_item_plan_id" ON "timeline_item" ("plan_id")',
    'CREATE INDEX "timeline_item_responsible_person_id" ON "timeline_item" ("responsible_person_id")',
    'CREATE INDEX "timeline_item_parent_id" ON "timeline_item" ("parent_id")',
    'CREATE TABLE "dependency" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "predecessor_id" INTEGER NOT NULL, "successor_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, FOREIGN KEY ("predecessor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE, FOREIGN KEY ("successor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "dependency_uuid" ON "dependency" ("uuid")',
    'CREATE INDEX "dependency_predecessor_id" ON "dependency" ("predecessor_id")',
    'CREATE INDEX "dependency_successor_id" ON "dependency" ("successor_id")',
    'CREATE TABLE "edition" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "label" VARCHAR(255) NOT NULL, "edition_date" DATE NOT NULL, "comment" TEXT NOT NULL, "snapshot" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "edition_uuid" ON "edition" ("uuid")',
    'CREATE INDEX "edition_plan_id" ON "edition" ("plan_id")',
    'CREATE TABLE "goal" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "measure" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "goal_uuid" ON "goal" ("uuid")',
    'CREATE INDEX "goal_plan_id" ON "goal" ("plan_id")',
    'CREATE TABLE "log_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "entry_date" DATE, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "decided_by" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "log_entry_uuid" ON "log_entry" ("uuid")',
    'CREATE INDEX "log_entry_plan_id" ON "log_entry" ("plan_id")',
    'CREATE TABLE "reference" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "url" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "reference_uuid" ON "reference" ("uuid")',
    'CREATE INDEX "reference_plan_id" ON "reference" ("plan_id")',
    'CREATE TABLE "resource_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "competence" TEXT NOT NULL, "person_id" INTEGER, "name" TEXT NOT NULL, "allocation" INTEGER, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "resource_line_uuid" ON "resource_line" ("uuid")',
    'CREATE INDEX "resource_line_plan_id" ON "resource_line" ("plan_id")',
    'CREATE INDEX "resource_line_person_id" ON "resource_line" ("person_id")',
    'CREATE TABLE "risk" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, "cause" TEXT NOT NULL, "consequence" TEXT NOT NULL, "probability" INTEGER, "impact" INTEGER, "owner" VARCHAR(255) NOT NULL, "mitigation" TEXT NOT NULL, "due" DATE, "due_precision" VARCHAR(255), "status" VARCHAR(255) NOT NULL, "trend" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "risk_uuid" ON "risk" ("uuid")',
    'CREATE INDEX "risk_plan_id" ON "risk" ("plan_id")',
    'CREATE TABLE "risk_assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "risk_id" INTEGER NOT NULL, "assessed_on" DATE NOT NULL, "probability" INTEGER NOT NULL, "impact" INTEGER NOT NULL, "scale" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("risk_id") REFERENCES "risk" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "risk_assessment_uuid" ON "risk_assessment" ("uuid")',
    'CREATE INDEX "risk_assessment_risk_id" ON "risk_assessment" ("risk_id")',
    'CREATE TABLE "role" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "person_id" INTEGER, "name" TEXT NOT NULL, "unit" TEXT NOT NULL, "allocation" INTEGER, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "role_uuid" ON "role" ("uuid")',
    'CREATE INDEX "role_plan_id" ON "role" ("plan_id")',
    'CREATE INDEX "role_person_id" ON "role" ("person_id")',
    'CREATE TABLE "section" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "heading" TEXT NOT NULL, "level" INTEGER NOT NULL, "numbered" INTEGER NOT NULL, "content" VARCHAR(255) NOT NULL, "body" TEXT NOT NULL, "body_after" TEXT NOT NULL, "guidance" TEXT NOT NULL, "optional" INTEGER NOT NULL, "empty_text" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "section_uuid" ON "section" ("uuid")',
    'CREATE INDEX "section_plan_id" ON "section" ("plan_id")',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "status_report" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "report_date" DATE NOT NULL, "status" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "author" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "status_report_uuid" ON "status_report" ("uuid")',
    'CREATE INDEX "status_report_plan_id" ON "status_report" ("plan_id")',
    'CREATE TABLE "term" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "term" VARCHAR(255) NOT NULL, "explanation" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "term_uuid" ON "term" ("uuid")',
    'CREATE INDEX "term_plan_id" ON "term" ("plan_id")',
)


# Objects schema version 3 added (row history), frozen as the migration creates them.
V3_NEW_OBJECTS: tuple[str, ...] = (
    'CREATE TABLE "row_version" ("id" INTEGER NOT NULL PRIMARY KEY, "tbl" VARCHAR(255) NOT NULL, "row_uuid" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "parent" VARCHAR(255), "parent2" VARCHAR(255), "rev" INTEGER NOT NULL, "at" VARCHAR(255) NOT NULL, "who" VARCHAR(255) NOT NULL, "action" VARCHAR(255) NOT NULL, "data" TEXT)',
    'CREATE INDEX "row_version_row_uuid" ON "row_version" ("row_uuid")',
    'CREATE UNIQUE INDEX "row_version_version" ON "row_version" ("version")',
)

V3_DDL: tuple[str, ...] = (
    'CREATE TABLE "asset" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "data" BLOB NOT NULL, "modified_at" VARCHAR(255) NOT NULL)',
    'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "doc_type" VARCHAR(255) NOT NULL, "template" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL, "programme" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "diarienummer" VARCHAR(255) NOT NULL, "assignment" VARCHAR(255) NOT NULL, "document_date" DATE, "document_date_precision" VARCHAR(255), "edition" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "authors" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "decision_date" DATE, "decision_date_precision" VARCHAR(255), "decision_text" TEXT NOT NULL, "decision_choice" VARCHAR(255) NOT NULL, "decision_comment" TEXT NOT NULL, "signature_title" VARCHAR(255) NOT NULL, "signature_name" VARCHAR(255) NOT NULL, "signature_date" DATE, "signature_date_precision" VARCHAR(255))',
    'CREATE UNIQUE INDEX "plan_uuid" ON "plan" ("uuid")',
    'CREATE TABLE "budget_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "amount" INTEGER, "year" INTEGER, "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "budget_line_uuid" ON "budget_line" ("uuid")',
    'CREATE INDEX "budget_line_plan_id" ON "budget_line" ("plan_id")',
    'CREATE TABLE "person" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "unit" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "person_uuid" ON "person" ("uuid")',
    'CREATE TABLE "timeline_item" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "responsible" VARCHAR(255) NOT NULL, "responsible_person_id" INTEGER, "status" VARCHAR(255) NOT NULL, "progress" INTEGER NOT NULL, "comment" TEXT NOT NULL, "parent_id" INTEGER, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("responsible_person_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("parent_id") REFERENCES "timeline_item" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "timeline_item_uuid" ON "timeline_item" ("uuid")',
    'CREATE INDEX "timeline_item_plan_id" ON "timeline_item" ("plan_id")',
    'CREATE INDEX "timeline_item_responsible_person_id" ON "timeline_item" ("responsible_person_id")',
    'CREATE INDEX "timeline_item_parent_id" ON "timeline_item" ("parent_id")',
    'CREATE TABLE "dependency" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "predecessor_id" INTEGER NOT NULL, "successor_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, FOREIGN KEY ("predecessor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE, FOREIGN KEY ("successor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "dependency_uuid" ON "dependency" ("uuid")',
    'CREATE INDEX "dependency_predecessor_id" ON "dependency" ("predecessor_id")',
    'CREATE INDEX "dependency_successor_id" ON "dependency" ("successor_id")',
    'CREATE TABLE "edition" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "label" VARCHAR(255) NOT NULL, "edition_date" DATE NOT NULL, "comment" TEXT NOT NULL, "snapshot" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "edition_uuid" ON "edition" ("uuid")',
    'CREATE INDEX "edition_plan_id" ON "edition" ("plan_id")',
    'CREATE TABLE "goal" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "measure" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "goal_uuid" ON "goal" ("uuid")',
    'CREATE INDEX "goal_plan_id" ON "goal" ("plan_id")',
    'CREATE TABLE "log_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "entry_date" DATE, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "decided_by" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "log_entry_uuid" ON "log_entry" ("uuid")',
    'CREATE INDEX "log_entry_plan_id" ON "log_entry" ("plan_id")',
    'CREATE TABLE "reference" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "url" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "reference_uuid" ON "reference" ("uuid")',
    'CREATE INDEX "reference_plan_id" ON "reference" ("plan_id")',
    'CREATE TABLE "resource_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "competence" TEXT NOT NULL, "person_id" INTEGER, "name" TEXT NOT NULL, "allocation" INTEGER, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "resource_line_uuid" ON "resource_line" ("uuid")',
    'CREATE INDEX "resource_line_plan_id" ON "resource_line" ("plan_id")',
    'CREATE INDEX "resource_line_person_id" ON "resource_line" ("person_id")',
    'CREATE TABLE "risk" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, "cause" TEXT NOT NULL, "consequence" TEXT NOT NULL, "probability" INTEGER, "impact" INTEGER, "owner" VARCHAR(255) NOT NULL, "mitigation" TEXT NOT NULL, "due" DATE, "due_precision" VARCHAR(255), "status" VARCHAR(255) NOT NULL, "trend" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "risk_uuid" ON "risk" ("uuid")',
    'CREATE INDEX "risk_plan_id" ON "risk" ("plan_id")',
    'CREATE TABLE "risk_assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "risk_id" INTEGER NOT NULL, "assessed_on" DATE NOT NULL, "probability" INTEGER NOT NULL, "impact" INTEGER NOT NULL, "scale" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("risk_id") REFERENCES "risk" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "risk_assessment_uuid" ON "risk_assessment" ("uuid")',
    'CREATE INDEX "risk_assessment_risk_id" ON "risk_assessment" ("risk_id")',
    'CREATE TABLE "role" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "person_id" INTEGER, "name" TEXT NOT NULL, "unit" TEXT NOT NULL, "allocation" INTEGER, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "note" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "role_uuid" ON "role" ("uuid")',
    'CREATE INDEX "role_plan_id" ON "role" ("plan_id")',
    'CREATE INDEX "role_person_id" ON "role" ("person_id")',
    'CREATE TABLE "row_version" ("id" INTEGER NOT NULL PRIMARY KEY, "tbl" VARCHAR(255) NOT NULL, "row_uuid" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "parent" VARCHAR(255), "parent2" VARCHAR(255), "rev" INTEGER NOT NULL, "at" VARCHAR(255) NOT NULL, "who" VARCHAR(255) NOT NULL, "action" VARCHAR(255) NOT NULL, "data" TEXT)',
    'CREATE INDEX "row_version_row_uuid" ON "row_version" ("row_uuid")',
    'CREATE UNIQUE INDEX "row_version_version" ON "row_version" ("version")',
    'CREATE TABLE "section" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "heading" TEXT NOT NULL, "level" INTEGER NOT NULL, "numbered" INTEGER NOT NULL, "content" VARCHAR(255) NOT NULL, "body" TEXT NOT NULL, "body_after" TEXT NOT NULL, "guidance" TEXT NOT NULL, "optional" INTEGER NOT NULL, "empty_text" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "section_uuid" ON "section" ("uuid")',
    'CREATE INDEX "section_plan_id" ON "section" ("plan_id")',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "status_report" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "report_date" DATE NOT NULL, "status" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "author" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "status_report_uuid" ON "status_report" ("uuid")',
    'CREATE INDEX "status_report_plan_id" ON "status_report" ("plan_id")',
    'CREATE TABLE "term" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "term" VARCHAR(255) NOT NULL, "explanation" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "term_uuid" ON "term" ("uuid")',
    'CREATE INDEX "term_plan_id" ON "term" ("plan_id")',
)


def _as_changed(base: tuple[str, ...], tables: dict[str, str], after: dict[str, str] | None = None) -> tuple[str, ...]:
    """A version's new-file DDL from the one before: its changed tables' CREATE TABLE in place of the old
    ones, and each new object right after the statement `after` names for it."""
    out: list[str] = []
    for old in base:
        out.append(next((sql for name, sql in tables.items() if old.startswith(f'CREATE TABLE "{name}" ')), old))
        out.extend(new for new, anchor in (after or {}).items() if anchor == old)
    return tuple(out)


# Schema version 4 as a new file holds it: version 3 and the budget line's sum_rule.
V4_DDL: tuple[str, ...] = _as_changed(
    V3_DDL,
    {
        "budget_line": 'CREATE TABLE "budget_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "amount" INTEGER, "year" INTEGER, "note" TEXT NOT NULL, "sum_rule" VARCHAR(255) NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    },
)


# Schema version 5: steering models and decisions at decision points, as the migration alters a file.
V5_ALTERATIONS: tuple[str, ...] = (
    'ALTER TABLE "plan" ADD COLUMN "steering_model" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "timeline_item" ADD COLUMN "checklist" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "log_entry" ADD COLUMN "item_id" INTEGER REFERENCES "timeline_item" ("id") ON DELETE SET NULL',
    'ALTER TABLE "log_entry" ADD COLUMN "outcome" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "log_entry" ADD COLUMN "diarienummer" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'CREATE INDEX "log_entry_item_id" ON "log_entry" ("item_id")',
)

# Schema version 5 as a new file holds it.
V5_DDL: tuple[str, ...] = _as_changed(
    V4_DDL,
    {
        "plan": 'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "doc_type" VARCHAR(255) NOT NULL, "template" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL, "programme" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "diarienummer" VARCHAR(255) NOT NULL, "assignment" VARCHAR(255) NOT NULL, "document_date" DATE, "document_date_precision" VARCHAR(255), "edition" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "authors" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "decision_date" DATE, "decision_date_precision" VARCHAR(255), "decision_text" TEXT NOT NULL, "decision_choice" VARCHAR(255) NOT NULL, "decision_comment" TEXT NOT NULL, "signature_title" VARCHAR(255) NOT NULL, "signature_name" VARCHAR(255) NOT NULL, "signature_date" DATE, "signature_date_precision" VARCHAR(255), "steering_model" VARCHAR(255) NOT NULL DEFAULT \'\')',
        "timeline_item": 'CREATE TABLE "timeline_item" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "responsible" VARCHAR(255) NOT NULL, "responsible_person_id" INTEGER, "status" VARCHAR(255) NOT NULL, "progress" INTEGER NOT NULL, "comment" TEXT NOT NULL, "parent_id" INTEGER, "checklist" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("responsible_person_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("parent_id") REFERENCES "timeline_item" ("id") ON DELETE SET NULL)',
        "log_entry": 'CREATE TABLE "log_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "entry_date" DATE, "kind" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "decided_by" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "item_id" INTEGER, "outcome" VARCHAR(255) NOT NULL DEFAULT \'\', "diarienummer" VARCHAR(255) NOT NULL DEFAULT \'\', FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("item_id") REFERENCES "timeline_item" ("id") ON DELETE SET NULL)',
    },
    after={V5_ALTERATIONS[-1]: 'CREATE INDEX "log_entry_plan_id" ON "log_entry" ("plan_id")'},
)


# Schema version 6: budget follow-up (a line's tertial, utfall and prognos).
V6_ALTERATIONS: tuple[str, ...] = (
    'ALTER TABLE "budget_line" ADD COLUMN "tertial" INTEGER',
    'ALTER TABLE "budget_line" ADD COLUMN "actual" INTEGER',
    'ALTER TABLE "budget_line" ADD COLUMN "forecast" INTEGER',
)

# The tables version 6 changed, as a new file of it holds them.
_V6_TABLES: dict[str, str] = {
    "budget_line": 'CREATE TABLE "budget_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "amount" INTEGER, "year" INTEGER, "note" TEXT NOT NULL, "sum_rule" VARCHAR(255) NOT NULL, "tertial" INTEGER, "actual" INTEGER, "forecast" INTEGER, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
}

# Schema version 6 as a new file holds it: version 5's objects with those tables as they are now.
V6_DDL: tuple[str, ...] = _as_changed(V5_DDL, _V6_TABLES)


# Schema version 7: dependency kinds with a lag, actual start and finish, a plan's automatic scheduling.
V7_ALTERATIONS: tuple[str, ...] = (
    'ALTER TABLE "dependency" ADD COLUMN "lag" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "dependency" ADD COLUMN "lag_unit" VARCHAR(255) NOT NULL DEFAULT \'day\'',
    'ALTER TABLE "timeline_item" ADD COLUMN "actual_start" DATE',
    'ALTER TABLE "timeline_item" ADD COLUMN "actual_finish" DATE',
    'ALTER TABLE "plan" ADD COLUMN "auto_schedule" INTEGER NOT NULL DEFAULT 0',
)

# The tables version 7 changed, as a new file of it holds them.
_V7_TABLES: dict[str, str] = {
    "plan": 'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "doc_type" VARCHAR(255) NOT NULL, "template" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL, "programme" VARCHAR(255) NOT NULL, "organisation" VARCHAR(255) NOT NULL, "diarienummer" VARCHAR(255) NOT NULL, "assignment" VARCHAR(255) NOT NULL, "document_date" DATE, "document_date_precision" VARCHAR(255), "edition" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "authors" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "decision_date" DATE, "decision_date_precision" VARCHAR(255), "decision_text" TEXT NOT NULL, "decision_choice" VARCHAR(255) NOT NULL, "decision_comment" TEXT NOT NULL, "signature_title" VARCHAR(255) NOT NULL, "signature_name" VARCHAR(255) NOT NULL, "signature_date" DATE, "signature_date_precision" VARCHAR(255), "steering_model" VARCHAR(255) NOT NULL DEFAULT \'\', "auto_schedule" INTEGER NOT NULL DEFAULT 0)',
    "timeline_item": 'CREATE TABLE "timeline_item" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "description" TEXT NOT NULL, "start" DATE, "start_precision" VARCHAR(255), "end" DATE, "end_precision" VARCHAR(255), "responsible" VARCHAR(255) NOT NULL, "responsible_person_id" INTEGER, "status" VARCHAR(255) NOT NULL, "progress" INTEGER NOT NULL, "comment" TEXT NOT NULL, "parent_id" INTEGER, "checklist" TEXT NOT NULL DEFAULT \'\', "actual_start" DATE, "actual_finish" DATE, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("responsible_person_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("parent_id") REFERENCES "timeline_item" ("id") ON DELETE SET NULL)',
    "dependency": 'CREATE TABLE "dependency" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "modified_at" VARCHAR(255) NOT NULL, "rev" INTEGER NOT NULL, "deleted_at" VARCHAR(255), "version_id" VARCHAR(255) NOT NULL, "predecessor_id" INTEGER NOT NULL, "successor_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "lag" INTEGER NOT NULL DEFAULT 0, "lag_unit" VARCHAR(255) NOT NULL DEFAULT \'day\', FOREIGN KEY ("predecessor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE, FOREIGN KEY ("successor_id") REFERENCES "timeline_item" ("id") ON DELETE CASCADE)',
}

# Schema version 7 as a new file holds it: version 6's objects with those tables as they are now.
V7_DDL: tuple[str, ...] = _as_changed(V6_DDL, _V7_TABLES)
