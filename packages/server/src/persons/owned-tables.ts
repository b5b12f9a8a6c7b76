/**
 * Person-centred tables whose rows move to the surviving record when two persons are merged.
 * A capability that adds a table with a `person_id` column lists it here (see README.md).
 */
export const PERSON_OWNED_TABLES: readonly string[] = [];
