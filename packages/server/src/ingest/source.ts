/** Where an envelope's bytes come from. Ingest reads them more than once (scan, parse, store). */
import { createReadStream, statSync } from 'node:fs';

export interface EnvelopeSource {
  /** Size in bytes, when known up front. */
  readonly size?: number;
  /** A fresh pass over the bytes, in chunks. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The whole envelope, when it is held in memory (request bodies). */
  readonly bytes?: Uint8Array;
}

const SLICE = 256 * 1024;

export function bufferSource(bytes: Uint8Array): EnvelopeSource {
  return {
    size: bytes.byteLength,
    bytes,
    async *chunks() {
      for (let i = 0; i < bytes.byteLength; i += SLICE) yield bytes.subarray(i, i + SLICE);
    },
  };
}

export function fileSource(path: string): EnvelopeSource {
  return {
    size: statSync(path).size,
    chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
  };
}
