-- Check-in hot path: the desk's person lookup as a function whose queries run with a cached GENERIC
-- plan. As a plain prepared statement PostgreSQL re-planned it at every check-in (its custom plans
-- look cheaper than the generic one, so the plan cache never switched): planning cost 2–3× the
-- execution. The `= ANY(ARRAY(subquery))` form keeps the generic plan on the indexes (an
-- `IN (subquery)` generic plan hash-joins a sequential scan of person). A generic plan made while a
-- table is still small (a new installation, a morning's first check-ins) would scan it sequentially
-- for as long as the pooled connection lives; every lookup here has its index, so sequential scans
-- are switched off for the function. Measured with pg_stat_statements.track_planning and the
-- backend's CPU time; see docs/performance.md (check-in).
--
-- Everyone the input may point at: active persons holding any of the keys (or, when p_name_key is
-- given, that name + birth date / birth year), each with identifiers, stored BHYT cards and today's
-- check-in at the clinic (NULL when p_clinic is NULL). At most 10, oldest first.
CREATE FUNCTION checkin_candidates(
  p_keys text[], p_name_key text, p_birth text, p_facility text, p_clinic text, p_day date
) RETURNS TABLE (
  id uuid, personal_id text, full_name text, name_key text, birth_date text, sex text, ethnic_code text,
  province_code text, commune_code text, address_line text, phone text,
  identifiers json, cards json, existing json
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
DECLARE
  ids uuid[];
BEGIN
  IF p_name_key IS NOT NULL THEN
    ids := ARRAY(SELECT x.id FROM person x WHERE x.name_key = p_name_key AND (x.birth_date = p_birth
      OR x.birth_date = substr(p_birth, 1, 4) OR (length(p_birth) = 4 AND x.birth_year = substr(p_birth, 1, 4)::int)));
  ELSE
    -- A UNION, not an OR: each branch uses its own index (person.personal_id, person_identifier.value).
    ids := ARRAY(SELECT x.id FROM person x WHERE x.personal_id = ANY(p_keys)
      UNION SELECT i.person_id FROM person_identifier i WHERE i.value = ANY(p_keys));
  END IF;
  RETURN QUERY
  SELECT p.id, p.personal_id, p.full_name, p.name_key, p.birth_date, p.sex, p.ethnic_code, p.province_code,
    p.commune_code, p.address_line, p.phone,
    coalesce((SELECT json_agg(json_build_object('system', i.system, 'value', i.value, 'validFrom', i.valid_from::text,
        'validTo', i.valid_to::text, 'status', i.status) ORDER BY i.system, i.valid_from NULLS FIRST, i.value)
      FROM person_identifier i WHERE i.person_id = p.id), '[]'::json),
    coalesce((SELECT json_agg(json_build_object('code', c.code, 'validFrom', c.valid_from::text, 'validTo', c.valid_to::text,
        'initialFacilityCode', c.initial_facility_code, 'fiveYearsFrom', c.five_years_from::text, 'seenAt', c.seen_at)
        ORDER BY c.seen_at DESC)
      FROM bhyt_card c WHERE c.person_id = p.id), '[]'::json),
    -- Today's ticket at the clinic, with the queue's pace for its position and wait (a repeated
    -- check-in then needs no second statement).
    (SELECT json_build_object('id', k.id, 'ticketNumber', k.ticket_number, 'checkedInAt', k.checked_in_at,
        'status', k.status, 'calledAt', k.called_at, 'visitKind', k.visit_kind, 'inputKind', k.input_kind,
        'selfPay', k.self_pay, 'cardCode', k.card_code, 'eligibility', k.eligibility,
        'queue', json_build_object('servingNumber', coalesce(q.serving_number, 0),
          'servedLastHour', (SELECT count(*)::int FROM checkin s WHERE s.facility_code = p_facility
            AND s.clinic_code = p_clinic AND s.day = p_day AND s.called_at > now() - interval '1 hour')))
      FROM checkin k
      LEFT JOIN queue_counter q ON q.facility_code = k.facility_code AND q.clinic_code = k.clinic_code AND q.day = k.day
      WHERE p_clinic IS NOT NULL AND k.person_id = p.id AND k.facility_code = p_facility
        AND k.clinic_code = p_clinic AND k.day = p_day)
  FROM person p WHERE p.status = 'active' AND p.id = ANY(ids)
  ORDER BY p.created_at LIMIT 10;
END $$;
