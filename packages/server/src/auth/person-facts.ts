/**
 * What a read of a person's data needs to know about the person, in ONE statement: whether the
 * caller's facility cares for them (care.ts), the record version the response caches are keyed by
 * (person_record_version, migration 0005), and the citizen's active consent directives. These were
 * three statements per read; on loopback every statement costs more in round trip (a socket write
 * that wakes the database backend, protocol, a snapshot) than in execution (≈ 0.02 ms each,
 * pg_stat_statements), so a warm health-book read spent most of its database time on them.
 *
 * The facts are kept in the request's state (request-state.ts) and each is taken once by its user:
 * `assertCanReadPerson` (care), `recordVersionFor` (version) and `consentFilterFor` (directives). A
 * second use in the same request reads the database again, so a request that writes to the record
 * and reads it again never sees facts from before its own write.
 */
import type { Queryable } from '../db/types.ts';
import { careExistsSql, since, statementName } from './care.ts';
import { CARE_SOURCES, type CareSource } from './care-sources.ts';

/** An active consent directive as stored (consent/repo.ts maps it). */
export interface DirectiveRow {
  readonly id: string;
  readonly kind: 'hide_episode' | 'block_facility';
  readonly target: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

export interface PersonFacts {
  /** The facility (null: none) cared for the person within the window. */
  readonly care: boolean;
  /** The person's record version (0 when nothing was ever written). */
  version: number | undefined;
  /** Active directives, newest first (as `listConsents` orders them). */
  consents: readonly DirectiveRow[] | undefined;
}

const sqlFor = (sources: readonly CareSource[]): string => `
SELECT ${careExistsSql(sources)} AS care,
       coalesce((SELECT version FROM person_record_version WHERE person_id = $1::uuid), 0) AS version,
       (SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'target', d.target,
                 'created_at', d.created_at, 'revoked_at', d.revoked_at) ORDER BY d.created_at DESC, d.id), '[]'::json)
          FROM consent_directive d WHERE d.person_id = $1::uuid AND d.revoked_at IS NULL) AS consents`;

/** Care (for `facilityCode`, within `windowDays`), record version and active directives of a person. */
export async function loadPersonFacts(
  db: Queryable,
  personId: string,
  facilityCode: string | null,
  windowDays: number,
  opts: { now?: Date; sources?: readonly CareSource[] } = {},
): Promise<PersonFacts> {
  const sql = sqlFor(opts.sources ?? CARE_SOURCES);
  const [r] = await db.query<{
    care: boolean | null;
    version: number | string;
    consents: DirectiveRow[] | string;
  }>(sql, [personId, facilityCode, since(windowDays, opts.now ?? new Date())], {
    name: statementName('person_facts', sql),
  });
  const consents =
    typeof r?.consents === 'string' ? (JSON.parse(r.consents) as DirectiveRow[]) : (r?.consents ?? []);
  return { care: r?.care === true, version: Number(r?.version ?? 0), consents };
}
