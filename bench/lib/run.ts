import type { BenchEngine } from './figure.ts';
import { benchEngines, openBenchDb, type BenchDb } from './engines.ts';

/** A note on stderr (stdout carries only the JSON figures). */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Run a benchmark script's body once per engine on a fresh database, reporting failures on stderr
 * and through the exit code (the other engines still run).
 */
export async function forEachEngine(
  name: string,
  body: (bdb: BenchDb) => Promise<void>,
  engines: readonly BenchEngine[] = benchEngines(),
): Promise<void> {
  for (const engine of engines) {
    note(`▶ ${name} on ${engine}`);
    const bdb = await openBenchDb(engine);
    note(`  ${bdb.version}`);
    try {
      await body(bdb);
    } catch (e) {
      process.exitCode = 1;
      note(`✘ ${name} on ${engine}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      await bdb.dispose();
    }
  }
}
