-- Intake drafts are scratch state between the steps of one modal, kept a day at most. Without WAL their
-- insert commits without waiting for a disk flush, which is most of a details step's time. After a
-- server crash PostgreSQL empties the table: a user mid-form is told the form expired and starts again.
-- Nothing else references the table, and registered systems never live in it.
ALTER TABLE "intake_drafts" SET UNLOGGED;
