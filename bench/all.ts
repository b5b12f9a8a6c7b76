/**
 * `npm run bench`: every script in bench/ in its own process (so RSS and crashes stay per script),
 * figures (JSON lines) on stdout, notes on stderr, a summary table at the end.
 *   npm run bench -- --only persons-search,person-matching   run some
 *   npm run bench -- --out bench-results.ndjson              also write the figures to a file
 * Environment knobs: bench/README.md.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { benchConfig } from './lib/config.ts';
import { formatFigure, parseFigure, type Figure } from './lib/figure.ts';
import { benchScripts } from './lib/scripts.ts';

const { values } = parseArgs({
  options: { only: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: false,
});
const only = values.only?.split(',').map((s) => s.trim());
const scripts = benchScripts(new URL('.', import.meta.url)).filter((s) => !only || only.includes(s));
if (only) for (const o of only) if (!scripts.includes(o)) throw new Error(`no benchmark bench/${o}.ts`);

function run(script: string): Promise<{ figures: Figure[]; code: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL(`./${script}.ts`, import.meta.url).pathname],
      { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
    );
    const figures: Figure[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const f = parseFigure(line);
      if (f) {
        figures.push(f);
        process.stdout.write(`${formatFigure(f)}\n`);
      } else if (line.trim()) process.stderr.write(`  [${script}] ${line}\n`);
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ figures, code: code ?? 1 }));
  });
}

const t0 = performance.now();
process.stderr.write(
  `Benchmarks: ${scripts.join(', ')} — persons ${benchConfig.persons}, ${benchConfig.durationS} s × ` +
    `${benchConfig.connections} connections per HTTP figure, engines: pglite${benchConfig.databaseUrl ? ' + postgres' : ''}\n`,
);
const all: Figure[] = [];
const failed: string[] = [];
for (const script of scripts) {
  const s0 = performance.now();
  const { figures, code } = await run(script);
  all.push(...figures);
  if (code !== 0 || figures.length === 0) failed.push(script);
  process.stderr.write(
    `■ ${script}: ${figures.length} figures in ${((performance.now() - s0) / 1000).toFixed(0)} s\n`,
  );
}

const fmt = (x: number | null): string => (x === null ? '—' : String(x));
process.stderr.write(
  '\nbench                                          engine    value          ceiling        p50/p99 ms   rss MB\n',
);
for (const f of all) {
  process.stderr.write(
    `${f.bench.padEnd(46)} ${f.engine.padEnd(9)} ${`${f.value} ${f.unit}`.padEnd(14)} ${`${f.ceiling} ${f.ceilingUnit}`.padEnd(14)} ${`${fmt(f.p50)}/${fmt(f.p99)}`.padEnd(12)} ${f.rssMb}\n`,
  );
}
process.stderr.write(`\n${all.length} figures in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.stderr.write(failed.length ? `; failed: ${failed.join(', ')}\n` : '\n');
if (values.out) writeFileSync(values.out, all.map((f) => `${formatFigure(f)}\n`).join(''));
if (failed.length) process.exitCode = 1;
