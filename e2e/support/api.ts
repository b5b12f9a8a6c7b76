/** Direct API calls used to pick test data (the UI is what the tests check). */
export interface ApiPerson {
  id: string;
  personalId: string | null;
  fullName: string;
  birthDate: string;
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${String(res.status)} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string };
  return body.accessToken;
}

export async function apiSearchPersons(
  baseUrl: string,
  token: string,
  q: string,
  limit = 20,
): Promise<ApiPerson[]> {
  const url = `${baseUrl}/api/v1/persons?q=${encodeURIComponent(q)}&limit=${String(limit)}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/v1/persons failed: ${String(res.status)} ${await res.text()}`);
  const body = (await res.json()) as { items: ApiPerson[] };
  return body.items;
}
