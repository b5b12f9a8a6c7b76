/** The one database interface every capability uses. PostgreSQL dialect on both engines. */
export type Engine = 'pglite' | 'postgres';

export type Row = Record<string, unknown>;

/** Optional per-statement settings. */
export interface QueryOptions {
  /**
   * A prepared-statement name for a hot path: on PostgreSQL the statement is parsed and planned
   * once per connection, then only executed (a name always stands for the same SQL text). PGlite
   * ignores it.
   */
  readonly name?: string;
}

export interface Queryable {
  /** Run one parameterised statement and return its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
