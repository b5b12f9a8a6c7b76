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
import type { FastifyRequest } from 'fastify';
import { isUuid } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { careExistsSql, since, statementPerSources } from './care.ts';
import { CARE_SOURCES, type CareSource } from './care-sources.ts';
import { stateOf } from './request-state.ts';

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

/** The facts' select list for the person `person` (an SQL expression of type uuid). */
const factColumns = (sources: readonly CareSource[], person: string): string => `
       ${careExistsSql(sources, `= ${person}`)} AS care,
       coalesce((SELECT version FROM person_record_version WHERE person_id = ${person}), 0) AS version,
       (SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'target', d.target,
                 'created_at', d.created_at, 'revoked_at', d.revoked_at) ORDER BY d.created_at DESC, d.id), '[]'::json)
          FROM consent_directive d WHERE d.person_id = ${person} AND d.revoked_at IS NULL) AS consents`;

const sqlFor = (sources: readonly CareSource[]): string => `SELECT ${factColumns(sources, '$1::uuid')}`;

/**
 * Resolution of a `{person}` reference (person-ref.ts: platform id or personal ID, merges followed to
 * the survivor, at most 10 steps) and the facts of the person found, in one statement.
 */
const resolvingSqlFor = (sources: readonly CareSource[], start: string): string => `
WITH RECURSIVE chain(id, merged_into, depth) AS (
  SELECT id, merged_into, 0 FROM person WHERE ${start}
  UNION ALL
  SELECT p.id, p.merged_into, c.depth + 1 FROM person p JOIN chain c ON p.id = c.merged_into WHERE c.depth < 10
), t AS (SELECT id FROM chain ORDER BY depth DESC LIMIT 1)
SELECT t.id, ${factColumns(sources, 't.id')} FROM t`;

/**
 * Where a resolution starts: a platform id; a personal ID; or a FHIR Patient id (fhir/patients.ts:
 * the platform id — $4, null when the id is no uuid — else an id a client chose, person_fhir_alias).
 */
const STARTS = {
  byId: 'id = $1::uuid',
  byPersonalId: 'personal_id = $1',
  byPatientId: `id = coalesce((SELECT id FROM person WHERE id = $4::uuid),
                               (SELECT person_id FROM person_fhir_alias WHERE alias = $1))`,
} as const;

/** The statements for a source list, built once (care.ts `statementPerSources`). */
const statements = {
  facts: statementPerSources('person_facts', sqlFor),
  byId: statementPerSources('person_ref_facts', (sources) => resolvingSqlFor(sources, STARTS.byId)),
  byPersonalId: statementPerSources('person_ref_facts', (sources) =>
    resolvingSqlFor(sources, STARTS.byPersonalId),
  ),
  byPatientId: statementPerSources('person_patient_facts', (sources) =>
    resolvingSqlFor(sources, STARTS.byPatientId),
  ),
};

type FactsRow = {
  care: boolean | null;
  version: number | string;
  consents: DirectiveRow[] | string;
};

const toFacts = (r: FactsRow | undefined): PersonFacts => ({
  care: r?.care === true,
  version: Number(r?.version ?? 0),
  consents:
    typeof r?.consents === 'string' ? (JSON.parse(r.consents) as DirectiveRow[]) : (r?.consents ?? []),
});

/** Care (for `facilityCode`, within `windowDays`), record version and active directives of a person. */
export async function loadPersonFacts(
  db: Queryable,
  personId: string,
  facilityCode: string | null,
  windowDays: number,
  opts: { now?: Date; sources?: readonly CareSource[] } = {},
): Promise<PersonFacts> {
  const { text, name } = statements.facts(opts.sources ?? CARE_SOURCES);
  const [r] = await db.query<FactsRow>(
    text,
    [personId, facilityCode, since(windowDays, opts.now ?? new Date())],
    {
      name,
    },
  );
  return toFacts(r);
}

/**
 * The person a parsed `{person}` reference names (null: none) and their facts, in one statement —
 * for a staff read, whose access check needs the care relationship anyway.
 */
export async function resolveWithFacts(
  db: Queryable,
  ref: { readonly byId: boolean; readonly value: string },
  facilityCode: string | null,
  windowDays: number,
  opts: { now?: Date; sources?: readonly CareSource[] } = {},
): Promise<{ readonly personId: string; readonly facts: PersonFacts } | null> {
  const { text, name } = statements[ref.byId ? 'byId' : 'byPersonalId'](opts.sources ?? CARE_SOURCES);
  const [r] = await db.query<FactsRow & { id: string }>(
    text,
    [ref.value, facilityCode, since(windowDays, opts.now ?? new Date())],
    { name },
  );
  return r ? { personId: r.id, facts: toFacts(r) } : null;
}

/**
 * The person a FHIR Patient id names (fhir/patients.ts `personOfPatientId`: platform id or client
 * alias, merges followed; null: none) and their facts, in one statement — for a staff read.
 */
export async function resolvePatientWithFacts(
  db: Queryable,
  patientId: string,
  facilityCode: string | null,
  windowDays: number,
  opts: { now?: Date; sources?: readonly CareSource[] } = {},
): Promise<{ readonly personId: string; readonly facts: PersonFacts } | null> {
  const { text, name } = statements.byPatientId(opts.sources ?? CARE_SOURCES);
  const uuid = isUuid(patientId) ? patientId.toLowerCase() : null;
  const [r] = await db.query<FactsRow & { id: string }>(
    text,
    [patientId, facilityCode, since(windowDays, opts.now ?? new Date()), uuid],
    { name },
  );
  return r ? { personId: r.id, facts: toFacts(r) } : null;
}

/**
 * Takes one fact of the person read by this request's access check — once: a second call (or a
 * request without facts) gets undefined and reads the database itself.
 */
export function takeFact<K extends 'version' | 'consents'>(
  req: FastifyRequest,
  personId: string,
  key: K,
): PersonFacts[K] {
  const facts = stateOf(req).facts.get(personId);
  if (!facts) return undefined;
  const value = facts[key];
  facts[key] = undefined;
  return value;
}
