/** The CapabilityStatement of the FHIR R4 endpoint, built from the resource and search-parameter tables. */
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { IMPORTABLE } from './import/index.ts';
import { RESOURCE_TYPES } from './resource-types.ts';
import { searchParams } from './search/definitions.ts';

export function capabilityStatement(o: { base: string; version: string; date: string }): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = RESOURCE_TYPES.map((t) => ({
    type: t.type as CapabilityStatementRestResource['type'],
    documentation: t.documentation,
    interaction: [
      { code: 'read' as const },
      ...(t.search ? [{ code: 'search-type' as const }] : []),
      ...(Object.hasOwn(IMPORTABLE, t.type)
        ? [{ code: 'create' as const }, { code: 'update' as const }]
        : []),
    ],
    ...(Object.hasOwn(IMPORTABLE, t.type) ? { updateCreate: true, conditionalCreate: true } : {}),
    ...(t.search
      ? {
          searchInclude: searchParams(t.type)
            .filter((p) => p.type === 'reference')
            .map((p) => `${t.type}:${p.name}`),
          searchParam: searchParams(t.type).map((p) => ({
            name: p.name,
            type: p.type,
            documentation: p.documentation,
          })),
        }
      : {}),
    ...(t.type === 'Patient'
      ? {
          operation: [
            { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
            {
              name: 'export',
              definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export',
            },
          ],
        }
      : t.type === 'Group'
        ? {
            operation: [
              {
                name: 'export',
                definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export',
              },
            ],
          }
        : {}),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: o.date,
    publisher: 'SứcKhỏe Hub — Sở Y tế',
    kind: 'instance',
    software: { name: 'SứcKhỏe Hub', version: o.version },
    implementation: {
      description:
        'SứcKhỏe Hub FHIR R4 — góc nhìn FHIR trên mô hình dữ liệu chuẩn (XML 130, danh bạ người dân)',
      url: o.base,
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Mọi yêu cầu (trừ /metadata) cần Bearer JWT hoặc X-API-Key. Dữ liệu của một người chỉ xem được khi có quan hệ điều trị, là chính người dân đó, hoặc truy cập khẩn cấp có lý do (X-Break-Glass-Reason); mọi lượt truy cập được ghi nhật ký.',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'OAuth',
                  display: 'OAuth',
                },
              ],
              text: 'Bearer JWT (POST /api/v1/auth/login) hoặc X-API-Key',
            },
          ],
        },
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        operation: [
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
        ],
      },
    ],
  };
}
