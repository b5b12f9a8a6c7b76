import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createHash, type Hash } from 'node:crypto';

/**
 * Streaming file writer with backpressure: `write` resolves at once while the stream's buffer has
 * room and waits for `drain` when it is full, so memory stays flat however much is written. Keeps
 * a SHA-256 and a line count of what it wrote (for the manifest).
 */
export class FileWriter {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private failure: Error | null = null;
  lines = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }

  /** Write text as is. */
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.hash.update(text);
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Write one value as a JSON line. */
  async line(value: unknown): Promise<void> {
    this.lines++;
    await this.write(`${JSON.stringify(value)}\n`);
  }

  /** Flush and close; returns the SHA-256 (hex) of everything written. */
  async close(): Promise<string> {
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    return this.hash.digest('hex');
  }
}
