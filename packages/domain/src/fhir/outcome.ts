/** OperationOutcome for every error of the FHIR API (Vietnamese diagnostics, English code in details). */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type IssueCode = OperationOutcomeIssue['code'];
export type IssueSeverity = OperationOutcomeIssue['severity'];

export const PLATFORM_ERROR_SYSTEM = 'https://fhir.suckhoe.vn/CodeSystem/error-code';

export function outcome(
  issues: readonly {
    severity?: IssueSeverity;
    code: IssueCode;
    diagnostics: string;
    errorCode?: string;
    expression?: string[];
  }[],
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity ?? 'error',
      code: i.code,
      ...(i.errorCode
        ? { details: { coding: [{ system: PLATFORM_ERROR_SYSTEM, code: i.errorCode }], text: i.diagnostics } }
        : {}),
      diagnostics: i.diagnostics,
      ...(i.expression?.length ? { expression: i.expression } : {}),
    })),
  };
}

/** HTTP status → the closest issue code. */
export function issueCodeForStatus(status: number): IssueCode {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 405) return 'not-supported';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 413) return 'too-costly';
  if (status === 415) return 'not-supported';
  if (status === 422) return 'processing';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'exception';
  return 'invalid';
}

/** The English error code of an OperationOutcome (first issue), for clients and tests. */
export function outcomeErrorCode(o: OperationOutcome): string | undefined {
  return o.issue[0]?.details?.coding?.find((c) => c.system === PLATFORM_ERROR_SYSTEM)?.code;
}
