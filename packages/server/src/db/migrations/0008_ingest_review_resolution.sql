-- Resolving the person review queue of ingest (issue 3, ingest/review-*.ts): a registrar links the
-- episode to an existing person, registers a new person from it, or rejects the item — who, when, what.
-- status: open | resolved (linked / created) | rejected.
ALTER TABLE ingest_person_review ADD COLUMN resolution text;               -- linked | created | rejected
ALTER TABLE ingest_person_review ADD COLUMN resolved_person_id uuid;        -- the person the episode now belongs to
ALTER TABLE ingest_person_review ADD COLUMN resolution_reason text;         -- free text (reject), at most 500 chars
-- Items are addressed by id (the key leads with person_id, which changes when an item is resolved).
CREATE INDEX ingest_person_review_id_idx ON ingest_person_review (id);
-- The queue of one facility, newest first.
CREATE INDEX ingest_person_review_facility_idx ON ingest_person_review (facility_code, status, created_at);
