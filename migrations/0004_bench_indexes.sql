CREATE INDEX "evidence_artifacts_by_period_end" ON "evidence_artifacts" USING btree ("period_to");--> statement-breakpoint
CREATE INDEX "evidence_claims_by_artifact" ON "evidence_claims" USING btree ("artifact_id");--> statement-breakpoint
CREATE INDEX "escalations_by_item" ON "escalations" USING btree ("item_id");