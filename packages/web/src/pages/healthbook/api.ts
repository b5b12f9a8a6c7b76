/** Calls of the health-book screens (the shared client; break-glass reason as a header). */
import { apiRequest } from '../../api/client.ts';
import type { HealthBook } from './types.ts';

export interface BookQuery {
  person: string;
  limit?: number;
  before?: string | null;
  /** Emergency access reason (sent percent-encoded: HTTP headers are Latin-1). */
  breakGlassReason?: string | null;
}

export function fetchHealthBook(q: BookQuery, signal?: AbortSignal): Promise<HealthBook> {
  return apiRequest<HealthBook>(`/api/v1/persons/${encodeURIComponent(q.person)}/health-book`, {
    query: { episodesLimit: q.limit ?? 10, episodesBefore: q.before ?? undefined },
    ...(q.breakGlassReason
      ? { headers: { 'X-Break-Glass-Reason': encodeURIComponent(q.breakGlassReason) } }
      : {}),
    ...(signal ? { signal } : {}),
  });
}

export function startCare(person: string): Promise<unknown> {
  return apiRequest(`/api/v1/persons/${encodeURIComponent(person)}/care`, { method: 'POST', body: {} });
}

export function fetchExport(person: string, breakGlassReason?: string | null): Promise<unknown> {
  return apiRequest(`/api/v1/persons/${encodeURIComponent(person)}/health-book/export`, {
    ...(breakGlassReason
      ? { headers: { 'X-Break-Glass-Reason': encodeURIComponent(breakGlassReason) } }
      : {}),
  });
}

export interface Me {
  id: string;
  username: string;
  roles: string[];
  personId: string | null;
}

export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('/api/v1/auth/me');
}

/** Save JSON as a file in the browser. */
export function downloadJson(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
