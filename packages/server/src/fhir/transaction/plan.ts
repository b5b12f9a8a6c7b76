/**
 * A transaction/batch Bundle as a list of planned writes: method (POST create, PUT update-as-create
 * with the client's id), type, resource, `fullUrl` and `ifNoneExist`. Everything the server cannot
 * do is an entry error (batch) or the whole request's error (transaction).
 */
import type { Resource } from '@medplum/fhirtypes';
import { FHIR_ID, fhirImport, parseDerivedId } from '@suckhoe/domain/fhir/index';
import { FhirError } from '../errors.ts';

export const MAX_ENTRIES = 20_000;

export interface EntryPlan {
  readonly index: number;
  readonly method: 'POST' | 'PUT';
  readonly type: string;
  readonly resource: Resource;
  readonly fullUrl: string | null;
  /** PUT: the id from the URL. */
  readonly urlId: string | null;
  readonly ifNoneExist: string | null;
  /** Conditional update (`PUT Type?identifier=…`): the query; the id comes from the match (assign.ts). */
  readonly conditional: string | null;
}

export interface EntryError {
  readonly index: number;
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly issue:
    | 'not-supported'
    | 'invalid'
    | 'required'
    | 'conflict'
    | 'not-found'
    | 'processing'
    | 'value'
    | 'multiple-matches';
}

export interface BundlePlan {
  readonly kind: 'transaction' | 'batch';
  readonly entries: readonly EntryPlan[];
  readonly errors: readonly EntryError[];
}

/** A Bundle entry as received (untrusted: any field may be missing). */
interface LooseEntry {
  readonly fullUrl?: string;
  readonly resource?: Resource;
  readonly request?: { readonly method?: string; readonly url?: string; readonly ifNoneExist?: string };
}

function planEntry(e: LooseEntry, index: number): EntryPlan | EntryError {
  const err = (
    status: number,
    code: string,
    message: string,
    issue: EntryError['issue'] = 'invalid',
  ): EntryError => ({
    index,
    status,
    code,
    message,
    issue,
  });
  const method = e.request?.method;
  const url = e.request?.url?.replace(/^\/+/, '') ?? '';
  if (!method || !url)
    return err(
      400,
      'ENTRY_REQUEST_MISSING',
      `Mục ${index}: thiếu request.method hoặc request.url.`,
      'required',
    );
  if (method !== 'POST' && method !== 'PUT') {
    return err(
      400,
      'METHOD_NOT_SUPPORTED',
      `Mục ${index}: chưa hỗ trợ ${method} trong Bundle (chỉ POST và PUT).`,
      'not-supported',
    );
  }
  const r = e.resource;
  if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') {
    return err(400, 'ENTRY_RESOURCE_MISSING', `Mục ${index}: thiếu resource.`, 'required');
  }
  const [path = '', query] = url.split('?');
  const [type = '', id, extra] = path.split('/');
  if (type !== r.resourceType) {
    return err(
      400,
      'TYPE_MISMATCH',
      `Mục ${index}: request.url (${type}) không khớp loại tài nguyên ${r.resourceType}.`,
    );
  }
  if (!Object.hasOwn(fhirImport.IMPORTABLE, type)) {
    return err(400, 'TYPE_NOT_SUPPORTED', `Mục ${index}: chưa hỗ trợ nhập ${type}.`, 'not-supported');
  }
  if (extra !== undefined) return err(400, 'URL_INVALID', `Mục ${index}: request.url không hợp lệ.`);
  if (method === 'PUT' && query !== undefined) {
    if (id !== undefined || query === '')
      return err(
        400,
        'URL_INVALID',
        `Mục ${index}: PUT có điều kiện dùng request.url = ${type}?identifier=….`,
      );
  } else if (method === 'PUT') {
    if (!id || !FHIR_ID.test(id))
      return err(400, 'ID_INVALID', `Mục ${index}: PUT cần ${type}/{id} với id hợp lệ.`);
    if (r.id !== undefined && r.id !== id)
      return err(
        400,
        'ID_MISMATCH',
        `Mục ${index}: resource.id (${r.id}) khác id trong request.url (${id}).`,
      );
    if (parseDerivedId(id)) {
      return err(
        409,
        'XML130_RESOURCE_READ_ONLY',
        `Mục ${index}: ${type}/${id} được tạo từ hồ sơ XML 130; gửi lại hồ sơ XML để thay đổi.`,
        'conflict',
      );
    }
  } else if (id !== undefined) {
    return err(400, 'URL_INVALID', `Mục ${index}: POST dùng request.url = ${type} (không kèm id).`);
  }
  return {
    index,
    method,
    type,
    resource: r,
    fullUrl: e.fullUrl ?? null,
    urlId: method === 'PUT' ? (id ?? null) : null,
    ifNoneExist: e.request.ifNoneExist ?? null,
    conditional: method === 'PUT' && query !== undefined ? query : null,
  };
}

export function planBundle(body: unknown): BundlePlan {
  const b = body as { resourceType?: unknown; type?: unknown; entry?: unknown } | null;
  if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle') {
    throw new FhirError(400, 'BUNDLE_EXPECTED', 'Cần gửi một Bundle (resourceType = Bundle).', 'invalid');
  }
  const kind = b.type;
  if (kind !== 'transaction' && kind !== 'batch') {
    throw new FhirError(400, 'BUNDLE_TYPE', 'Bundle.type phải là transaction hoặc batch.', 'invalid');
  }
  const raw = (b.entry ?? []) as LooseEntry[];
  if (!Array.isArray(raw))
    throw new FhirError(400, 'BUNDLE_ENTRY', 'Bundle.entry phải là một mảng.', 'invalid');
  if (raw.length > MAX_ENTRIES) {
    throw new FhirError(
      413,
      'BUNDLE_TOO_LARGE',
      `Bundle có ${raw.length} mục, tối đa ${MAX_ENTRIES}.`,
      'too-costly',
    );
  }
  const entries: EntryPlan[] = [];
  const errors: EntryError[] = [];
  raw.forEach((e, i) => {
    const p = planEntry(e, i);
    if ('status' in p) errors.push(p);
    else entries.push(p);
  });
  const seen = new Map<string, number>();
  for (const e of entries) {
    if (e.method !== 'PUT') continue;
    const k = e.conditional !== null ? `${e.type}?${e.conditional}` : `${e.type}/${e.urlId ?? ''}`;
    if (seen.has(k) && kind === 'transaction') {
      errors.push({
        index: e.index,
        status: 400,
        code: 'DUPLICATE_ENTRY',
        message: `Mục ${e.index}: ${k} xuất hiện hai lần trong transaction.`,
        issue: 'invalid',
      });
    }
    seen.set(k, e.index);
  }
  return { kind, entries, errors };
}
