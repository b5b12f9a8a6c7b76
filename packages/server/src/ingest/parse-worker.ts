/**
 * The parse worker's body (loaded by parse-worker.mjs): reads envelopes sent to it chunk by chunk and
 * answers with prepared episodes, so parsing and validation (the CPU-heavy part of an ingest) run on
 * another core while the ingest thread writes to the database. Several envelopes may be in progress.
 */
import { parentPort } from 'node:worker_threads';
import type { EnvelopeHeader } from '@suckhoe/domain/xml130/index';
import { Preparer, type Prepared } from './prepare.ts';

export type ToWorker =
  | {
      readonly t: 'begin';
      readonly id: number;
      readonly header: EnvelopeHeader;
      readonly limits: { maxEnvelopeChars: number; maxHoso: number };
    }
  | { readonly t: 'chunk'; readonly id: number; readonly data: Uint8Array }
  | { readonly t: 'end'; readonly id: number }
  | { readonly t: 'abort'; readonly id: number };

export type FromWorker =
  | {
      readonly t: 'episodes';
      readonly id: number;
      readonly items: readonly Prepared[];
      readonly chunks: number;
      readonly done: boolean;
    }
  | { readonly t: 'error'; readonly id: number; readonly message: string };

const port = parentPort;
if (port) {
  const runs = new Map<number, Preparer>();
  port.on('message', (m: ToWorker) => {
    try {
      switch (m.t) {
        case 'begin':
          runs.set(m.id, new Preparer(m.header, m.limits));
          break;
        case 'chunk': {
          const run = runs.get(m.id);
          if (run)
            port.postMessage({
              t: 'episodes',
              id: m.id,
              items: run.write(m.data),
              chunks: 1,
              done: false,
            } satisfies FromWorker);
          break;
        }
        case 'end': {
          const run = runs.get(m.id);
          runs.delete(m.id);
          if (run)
            port.postMessage({
              t: 'episodes',
              id: m.id,
              items: run.end(),
              chunks: 0,
              done: true,
            } satisfies FromWorker);
          break;
        }
        case 'abort':
          runs.delete(m.id);
          break;
      }
    } catch (e) {
      runs.delete(m.id);
      port.postMessage({
        t: 'error',
        id: m.id,
        message: e instanceof Error ? e.message : String(e),
      } satisfies FromWorker);
    }
  });
}
