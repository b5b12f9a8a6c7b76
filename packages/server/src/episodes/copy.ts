/**
 * `COPY … FROM STDIN` for the PostgreSQL engine: several times faster than multi-row INSERT for the
 * line tables (episode_drug / _service / _lab …), which are most of an ingest's rows.
 *
 * The `Db` interface offers `query(sql, params)` only. node-postgres accepts a "submittable" object in
 * place of the SQL text (the mechanism pg-copy-streams uses); this one is also a thenable, so the
 * engine wrapper's `await client.query(…)` waits for the copy to finish inside the caller's
 * transaction. Only used when `db.engine === 'postgres'`; PGlite keeps multi-row INSERTs.
 */
import type { Queryable } from '../db/types.ts';
import type { Column } from './bulk.ts';
import { copyCells } from './copy-text.ts';

/** The parts of node-postgres's connection a submittable talks to. */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 256 * 1024;

class CopyIn implements PromiseLike<{ rows: never[] }> {
  readonly text: string;
  private readonly done: Promise<{ rows: never[] }>;
  private settle!: { resolve: (v: { rows: never[] }) => void; reject: (e: unknown) => void };
  private failed = false;

  constructor(
    table: string,
    columns: readonly Column[],
    private readonly data: Buffer,
  ) {
    this.text = `COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN`;
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    for (let i = 0; i < this.data.length; i += CHUNK)
      connection.sendCopyFromChunk(this.data.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }

  handleCommandComplete(): void {
    // the result arrives with ReadyForQuery
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.settle.resolve({ rows: [] });
  }

  handleError(error: unknown): void {
    this.failed = true;
    this.settle.reject(error);
  }

  then<A = { rows: never[] }, B = never>(
    onFulfilled?: ((v: { rows: never[] }) => A | PromiseLike<A>) | null,
    onRejected?: ((e: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.done.then(onFulfilled, onRejected);
  }
}

/** Copies rows already in COPY text format (each line ending in a newline) into `table`. */
export async function copyText(
  q: Queryable,
  table: string,
  columns: readonly Column[],
  text: string,
): Promise<void> {
  if (text === '') return;
  const submittable = new CopyIn(table, columns, Buffer.from(text, 'utf8'));
  await q.query(submittable as unknown as string);
}

/** Copies `rows` into `table` through a PostgreSQL transaction's Queryable. */
export async function copyRows(
  q: Queryable,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  let text = '';
  for (const r of rows) text += `${copyCells(columns.map((_, i) => r[i]))}\n`;
  await copyText(q, table, columns, text);
}
