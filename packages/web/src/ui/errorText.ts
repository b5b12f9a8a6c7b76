import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** What to tell the user about a failed call: the server's own (Vietnamese) message when it sent one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.fromServer && error.message) return error.message;
    if (error.code === 'NETWORK_ERROR') return t('errors.network');
    return t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '—' });
}
