import { apiRequest } from './client.ts';
import type { ListResponse, LoginRequest, LoginResponse, Person } from './types.ts';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/v1/auth/login', { method: 'POST', body: credentials, auth: false });
}

export interface PersonSearch {
  q: string;
  birthDate?: string | undefined;
  limit: number;
  offset: number;
}

export function searchPersons(search: PersonSearch, signal?: AbortSignal): Promise<ListResponse<Person>> {
  return apiRequest<ListResponse<Person>>('/api/v1/persons', {
    query: { q: search.q, birthDate: search.birthDate, limit: search.limit, offset: search.offset },
    ...(signal ? { signal } : {}),
  });
}

export function logout(refreshToken: string): Promise<void> {
  return apiRequest<undefined>('/api/v1/auth/logout', {
    method: 'POST',
    body: { refreshToken },
    auth: false,
  });
}
