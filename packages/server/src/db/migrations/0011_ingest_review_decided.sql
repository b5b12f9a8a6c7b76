-- Ingest does not queue an episode for review again when a clerk already decided it (issue 3): a
-- resend of (facility, MA_LK) that lands with the person chosen by a resolved or rejected item is
-- that decision standing. This index answers "was (facility, MA_LK) decided?" for every queued row.
CREATE INDEX ingest_person_review_episode_idx ON ingest_person_review (facility_code, ma_lk);
