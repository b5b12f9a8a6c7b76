import { readdirSync } from 'node:fs';

/**
 * The benchmark scripts of `bench/`: every `bench/*.ts` except `all.ts` and tests, ceilings
 * (`http-hello`) first, then by name. Adding a figure is adding a file.
 */
export function benchScripts(dir: URL | string): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'all.ts' && !f.endsWith('.test.ts') && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''));
  const first = ['http-hello'];
  return [...first.filter((f) => names.includes(f)), ...names.filter((f) => !first.includes(f)).sort()];
}
