import type { AuditEvent } from './types.ts';

/**
 * An audit event as a FHIR R4 AuditEvent shaped after IHE Basic Audit Log Patterns (BALP), for the
 * FHIR capability's `GET /fhir/R4/AuditEvent` view. Pure: no database, no I/O.
 */
const REST: Record<string, { code: string; action: 'C' | 'R' | 'U' | 'D' | 'E' }> = {
  read: { code: 'read', action: 'R' },
  search: { code: 'search-type', action: 'E' },
  create: { code: 'create', action: 'C' },
  update: { code: 'update', action: 'U' },
  merge: { code: 'update', action: 'U' },
  delete: { code: 'delete', action: 'D' },
  export: { code: 'read', action: 'R' },
  break_glass: { code: 'read', action: 'R' },
};

const OUTCOME = { success: '0', denied: '4', error: '8' } as const;

export function toFhirAuditEvent(e: AuditEvent): Record<string, unknown> {
  const rest = REST[e.action];
  const isLogin = e.action === 'login' || e.action === 'login_failed' || e.action === 'logout';
  return {
    resourceType: 'AuditEvent',
    id: String(e.seq),
    meta: {
      profile: [
        rest
          ? 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead'
          : 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Log',
      ],
    },
    type: isLogin
      ? {
          system: 'http://dicom.nema.org/resources/ontology/DCM',
          code: '110114',
          display: 'User Authentication',
        }
      : {
          system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
          code: 'rest',
          display: 'RESTful Operation',
        },
    subtype: rest
      ? [{ system: 'http://hl7.org/fhir/restful-interaction', code: rest.code }]
      : [{ system: 'urn:suckhoe:audit-action', code: e.action }],
    action: rest?.action ?? 'E',
    recorded: e.at,
    outcome: OUTCOME[e.outcome],
    purposeOfEvent: [
      {
        coding: [
          e.breakGlass
            ? {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
                code: 'ETREAT',
                display: 'Emergency Treatment',
              }
            : {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
                code: 'TREAT',
                display: 'treatment',
              },
        ],
        ...(e.purpose ? { text: e.purpose } : {}),
      },
    ],
    agent: [
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
              code: 'IRCP',
              display: 'information recipient',
            },
          ],
        },
        who: {
          identifier: { system: `urn:suckhoe:${e.actorKind}`, value: e.actorId ?? 'anonymous' },
          ...(e.actorName ? { display: e.actorName } : {}),
        },
        role: e.roles.map((r) => ({ coding: [{ system: 'urn:suckhoe:role', code: r }] })),
        requestor: true,
        ...(e.facilityCode
          ? { location: { identifier: { system: 'urn:suckhoe:facility', value: e.facilityCode } } }
          : {}),
      },
    ],
    source: {
      observer: { display: 'SứcKhỏe Hub' },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
    entity: [
      ...(e.personId
        ? [
            {
              what: { reference: `Patient/${e.personId}` },
              role: {
                system: 'http://terminology.hl7.org/CodeSystem/object-role',
                code: '1',
                display: 'Patient',
              },
            },
          ]
        : []),
      ...(e.resourceId
        ? [{ what: { identifier: { value: e.resourceId } }, type: { code: e.resourceType } }]
        : []),
      ...(e.requestId
        ? [
            {
              what: { identifier: { value: e.requestId } },
              type: {
                system: 'https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType',
                code: 'XrequestId',
              },
            },
          ]
        : []),
    ],
  };
}
