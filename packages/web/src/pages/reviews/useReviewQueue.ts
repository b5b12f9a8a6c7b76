import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import { listReviews, type ReviewItem, type ReviewStatus } from './api.ts';

export const PAGE_SIZE = 10;

export type QueueState =
  | { status: 'loading' }
  | { status: 'success'; items: ReviewItem[]; total: number }
  | { status: 'error'; error: unknown };

/** Loads one page of the review queue for a status; `reload` after a decision. */
export function useReviewQueue() {
  const [filter, setFilter] = useState<ReviewStatus>('open');
  const [page, setPage] = useState(1);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<QueueState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    listReviews({ status: filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, controller.signal).then(
      (data) => {
        setState({ status: 'success', items: data.items, total: data.total });
      },
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [filter, page, attempt]);

  const changeFilter = useCallback((next: ReviewStatus) => {
    setFilter(next);
    setPage(1);
  }, []);
  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  return { filter, page, state, changeFilter, setPage, reload };
}
