import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import { searchPersons } from '../../api/endpoints.ts';
import type { ListResponse, Person } from '../../api/types.ts';

export const PAGE_SIZE = 20;

export interface Criteria {
  q: string;
  birthDate?: string | undefined;
}

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; previous: ListResponse<Person> | null }
  | { status: 'success'; data: ListResponse<Person> }
  | { status: 'error'; error: unknown };

interface Request {
  criteria: Criteria;
  page: number;
  /** Bumped to repeat the same request (retry, or the same search submitted again). */
  attempt: number;
}

/** Runs `GET /api/v1/persons` for the current criteria and page; a newer request cancels the older. */
export function usePersonSearch() {
  const [request, setRequest] = useState<Request | null>(null);
  const [state, setState] = useState<SearchState>({ status: 'idle' });

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    setState((prev) => ({ status: 'loading', previous: prev.status === 'success' ? prev.data : null }));
    searchPersons(
      { ...request.criteria, limit: PAGE_SIZE, offset: (request.page - 1) * PAGE_SIZE },
      controller.signal,
    ).then(
      (data) => {
        setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [request]);

  const search = useCallback((criteria: Criteria) => {
    setRequest((prev) => ({ criteria, page: 1, attempt: (prev?.attempt ?? 0) + 1 }));
  }, []);
  const goToPage = useCallback((page: number) => {
    setRequest((prev) => (prev ? { ...prev, page } : prev));
  }, []);
  const retry = useCallback(() => {
    setRequest((prev) => (prev ? { ...prev, attempt: prev.attempt + 1 } : prev));
  }, []);
  const reset = useCallback(() => {
    setRequest(null);
    setState({ status: 'idle' });
  }, []);

  return {
    state,
    page: request?.page ?? 1,
    criteria: request?.criteria ?? null,
    search,
    goToPage,
    retry,
    reset,
  };
}
