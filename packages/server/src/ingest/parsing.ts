/**
 * Prepared episodes of an envelope, as an async stream of groups, parsed either in this thread or in
 * a parse worker (up to one per core, started on first use, never keeping the process alive).
 * With the worker, chunks are read ahead a little (bounded: memory stays flat) so the worker parses
 * while the caller is busy writing the previous batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EnvelopeHeader } from '@suckhoe/domain/xml130/index';
import type { FromWorker, ToWorker } from './parse-worker.ts';
import { Preparer, type Prepared } from './prepare.ts';
import type { EnvelopeSource } from './source.ts';

export type ParseMode = 'auto' | 'worker' | 'inline';

export interface ParseStreamOptions {
  readonly header: EnvelopeHeader;
  readonly limits: { maxEnvelopeChars: number; maxHoso: number };
  readonly hosoCount: number;
  readonly mode?: ParseMode;
  readonly onProgress?: (bytes: number) => void;
}

/** Envelopes with at least this many HOSO go to the worker in `auto` mode. */
const WORKER_THRESHOLD = 16;
/** Chunks sent to the worker and not yet parsed. */
const MAX_CHUNKS_AHEAD = 4;
/** Prepared episodes waiting for the caller before reading pauses. */
const MAX_QUEUED = 600;
const CHUNK = 256 * 1024;

interface ParseWorker {
  readonly worker: Worker;
  readonly handlers: Map<number, (m: FromWorker) => void>;
}

/**
 * Parse workers, started on first use, up to one per core: envelopes parsed at the same time (the
 * CLI imports two files at a time) go to different workers. The young generation is larger than
 * V8's default: a HOSO's records and strings then die young instead of being promoted and collected
 * by the (much dearer) old-generation collector.
 */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
const pool: (ParseWorker | undefined)[] = [];
let nextRun = 1;

function startWorker(slot: number): ParseWorker {
  const w = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const handlers = new Map<number, (m: FromWorker) => void>();
  w.on('message', (m: FromWorker) => handlers.get(m.id)?.(m));
  const fail = (e: unknown): void => {
    const message = e instanceof Error ? e.message : `parse worker stopped (${String(e)})`;
    for (const [id, h] of handlers) h({ t: 'error', id, message });
    if (pool[slot]?.worker === w) pool[slot] = undefined;
  };
  w.on('error', fail);
  w.on('exit', (code) => {
    if (pool[slot]?.worker === w) fail(code);
  });
  w.unref();
  const started = { worker: w, handlers };
  pool[slot] = started;
  return started;
}

/** The least busy worker (an idle slot starts a new one). */
function worker(): ParseWorker {
  let best: ParseWorker | undefined;
  for (let slot = 0; slot < POOL_SIZE; slot++) {
    const w = pool[slot] ?? startWorker(slot);
    if (w.handlers.size === 0) return w;
    if (best === undefined || w.handlers.size < best.handlers.size) best = w;
  }
  return best!;
}

/** Stops the parse workers (tests, shutdown). */
export async function stopParseWorker(): Promise<void> {
  const all = pool.splice(0, pool.length).filter((w): w is ParseWorker => w !== undefined);
  await Promise.all(all.map((w) => w.worker.terminate()));
}

async function* chunksOf(source: EnvelopeSource): AsyncGenerator<Uint8Array> {
  for await (const c of source.chunks()) {
    for (let i = 0; i < c.byteLength; i += CHUNK) yield c.subarray(i, i + CHUNK);
  }
}

async function* inline(source: EnvelopeSource, o: ParseStreamOptions): AsyncGenerator<readonly Prepared[]> {
  const p = new Preparer(o.header, o.limits);
  let bytes = 0;
  for await (const chunk of chunksOf(source)) {
    const items = p.write(chunk);
    bytes += chunk.byteLength;
    o.onProgress?.(bytes);
    if (items.length > 0) yield items;
  }
  const rest = p.end();
  if (rest.length > 0) yield rest;
}

async function* viaWorker(
  source: EnvelopeSource,
  o: ParseStreamOptions,
): AsyncGenerator<readonly Prepared[]> {
  const s = worker();
  const id = nextRun++;
  const post = (m: ToWorker, transfer: ArrayBuffer[] = []): void => {
    s.worker.postMessage(m, transfer);
  };
  const queue: (readonly Prepared[])[] = [];
  let queued = 0;
  let ahead = 0;
  // Mutated from the worker's message handler (an object, so the reads below are not narrowed away).
  const state: { finished: boolean; failure: Error | undefined } = { finished: false, failure: undefined };
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  s.worker.ref();
  const iterator = chunksOf(source)[Symbol.asyncIterator]();
  let sourceDone = false;
  let reading = false;
  let bytes = 0;
  const pump = async (): Promise<void> => {
    if (reading) return;
    reading = true;
    const before = { sourceDone, failure: state.failure };
    try {
      while (!sourceDone && !state.failure && ahead < MAX_CHUNKS_AHEAD && queued < MAX_QUEUED) {
        const r = await iterator.next();
        if (r.done) {
          sourceDone = true;
          post({ t: 'end', id });
          break;
        }
        const copy = new Uint8Array(r.value); // its own buffer, transferred to the worker
        bytes += copy.byteLength;
        ahead++;
        post({ t: 'chunk', id, data: copy }, [copy.buffer]);
        o.onProgress?.(bytes);
      }
    } catch (e) {
      state.failure = e instanceof Error ? e : new Error(String(e));
    } finally {
      reading = false;
      // Wake the reader only for news it is waiting for (else the two would spin on microtasks).
      if (sourceDone !== before.sourceDone || state.failure !== before.failure) notify();
    }
  };
  s.handlers.set(id, (m) => {
    if (m.t === 'error') state.failure = new Error(`XML 130 parse worker: ${m.message}`);
    else {
      if (m.items.length > 0) {
        queue.push(m.items);
        queued += m.items.length;
      }
      ahead -= m.chunks;
      if (m.done) state.finished = true;
    }
    notify();
    void pump(); // keep the worker busy while the caller is writing
  });
  try {
    post({ t: 'begin', id, header: o.header, limits: o.limits });
    void pump();
    for (;;) {
      if (state.failure) throw state.failure;
      const items = queue.shift();
      if (items) {
        queued -= items.length;
        void pump();
        yield items;
        continue;
      }
      if (state.finished) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        void pump();
      });
    }
  } finally {
    if (!state.finished) post({ t: 'abort', id });
    s.handlers.delete(id);
    if (s.handlers.size === 0) s.worker.unref();
    await iterator.return(undefined);
  }
}

/** The prepared episodes of an envelope, in groups, in envelope order. */
export function prepareEpisodes(
  source: EnvelopeSource,
  o: ParseStreamOptions,
): AsyncGenerator<readonly Prepared[]> {
  const mode = o.mode ?? 'auto';
  const useWorker = mode === 'worker' || (mode === 'auto' && o.hosoCount >= WORKER_THRESHOLD);
  return useWorker ? viaWorker(source, o) : inline(source, o);
}
