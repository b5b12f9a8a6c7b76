import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from '../../api/client.ts';
import { fetchHealthBook } from './api.ts';
import type { BookEpisode, HealthBook } from './types.ts';

export type BookState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'denied'; code: string; message: string }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; book: HealthBook; episodes: BookEpisode[]; next: string | null; loadingMore: boolean };

/**
 * Loads a person's health book page by page (`episodesLimit` + the `nextCursor`). A 403 (no care
 * relationship, not one's own record) becomes the `denied` state, which `open(reason)` retries
 * with a break-glass reason.
 */
export function useHealthBook(person: string | null, limit = 10) {
  const [state, setState] = useState<BookState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const reason = useRef<string | null>(null);

  useEffect(() => {
    if (!person) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchHealthBook({ person, limit, breakGlassReason: reason.current }, controller.signal).then(
      (book) => {
        setState({
          status: 'ready',
          book,
          episodes: [...book.episodes.items],
          next: book.episodes.nextCursor,
          loadingMore: false,
        });
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 403)
          setState({ status: 'denied', code: error.code, message: error.message });
        else setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [person, limit, attempt]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.next || !person) return;
    const before = state.next;
    setState({ ...state, loadingMore: true });
    fetchHealthBook({ person, limit, before, breakGlassReason: reason.current }).then(
      (book) => {
        setState((prev) =>
          prev.status === 'ready'
            ? {
                ...prev,
                episodes: [...prev.episodes, ...book.episodes.items],
                next: book.episodes.nextCursor,
                loadingMore: false,
              }
            : prev,
        );
      },
      (error: unknown) => {
        setState({ status: 'error', error });
      },
    );
  }, [state, person, limit]);

  const open = useCallback((breakGlassReason: string | null) => {
    reason.current = breakGlassReason;
    setAttempt((a) => a + 1);
  }, []);

  const reset = useCallback(() => {
    reason.current = null;
  }, []);

  return { state, loadMore, open, reset, reason };
}
