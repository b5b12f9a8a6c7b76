#!/usr/bin/env node
// The whole suite: formatting, lint, type checks, unit + integration tests (node:test via tsx),
// then browser tests when Debian chromium is present. Ends with the line `N passed, N failed`.
// Flags: --only-tests (skip static checks), --no-e2e, --no-static.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failedSteps = 0;
let passed = 0;
let failed = 0;
let skipped = 0;

function step(title, cmd, cmdArgs, env = {}) {
  console.log(`\n▶ ${title}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok) failedSteps++;
  return ok;
}

function findTests(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out.sort();
}

function countTap(file) {
  if (!existsSync(file)) return;
  const tap = readFileSync(file, 'utf8');
  const n = (key) =>
    [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].reduce((a, m) => a + Number(m[1]), 0);
  passed += n('pass');
  failed += n('fail') + n('cancelled');
  skipped += n('skipped') + n('todo');
}

function nodeTests(title, files, tapFile, concurrency) {
  if (files.length === 0) return;
  step(title, process.execPath, [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A hung test fails after 10 minutes instead of eating CI's budget. (No --test-force-exit: it cuts the
    // TAP file short before the closing counts are written.)
    '--test-timeout=600000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  countTap(tapFile);
}

mkdirSync(join(root, 'test-results'), { recursive: true });

if (!args.has('--only-tests') && !args.has('--no-static')) {
  step('Prettier (format check)', bin('prettier'), ['--check', '--log-level=warn', '.']);
  step('TypeScript (strict) — domain, server, scripts', bin('tsc'), ['-p', 'tsconfig.json']);
  step('TypeScript (strict) — web', bin('tsc'), ['-p', 'packages/web/tsconfig.json']);
  step('ESLint (typescript-eslint strict, type-aware)', bin('eslint'), ['--max-warnings=0', '.']);
}

const unit = [
  ...findTests(join(root, 'packages/domain/src')),
  ...findTests(join(root, 'packages/server/src')),
  ...findTests(join(root, 'bench')),
];
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '\nℹ TEST_DATABASE_URL is not set: integration tests run on PGlite only (set it to also run them on PostgreSQL).',
  );
}
nodeTests('Unit and integration tests (node:test)', unit, join(root, 'test-results/unit.tap'), 2);

if (!args.has('--no-e2e')) {
  const e2e = findTests(join(root, 'e2e'));
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.log(
      '\n⚠ Debian chromium is not installed (/usr/bin/chromium): browser tests SKIPPED. `.ci/run` installs it.',
    );
    skipped += e2e.length;
  } else if (e2e.length > 0) {
    if (step('Build web app (vite)', 'npm', ['run', 'build', '--silent'])) {
      nodeTests('Browser tests (Playwright + chromium)', e2e, join(root, 'test-results/e2e.tap'), 1);
    }
  }
}

if (failedSteps > 0) console.log(`\n${failedSteps} step(s) failed (see ✘ above).`);
console.log(`\n${passed} passed, ${failed + failedSteps} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed + failedSteps > 0 ? 1 : 0);
