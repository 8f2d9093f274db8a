ALTER TABLE "outbox_messages" ADD COLUMN "card_key" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "as_of" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_messages_card" ON "outbox_messages" USING btree ("card_key","status");--> statement-breakpoint
-- Rows queued by the previous release carry their card in the payload: give them the column too, so
-- coalescing and the one-delivery-per-card rule see them.
UPDATE "outbox_messages" SET "card_key" = coalesce("payload"->>'key', "payload"->>'storeAs') WHERE "kind" IN ('slack.post.v1', 'slack.update.v1');
