/**
 * Starts the real platform (`suckhoe serve`) for browser tests: a free port on 127.0.0.1, a fresh
 * embedded database in a temp folder (first start migrates and seeds the demo province), and the
 * built web app from packages/web/dist (built here if missing). Output goes to
 * test-results/e2e-server-<port>.log.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  dataDir: string;
  logFile: string;
  stop: () => Promise<void>;
}

function cliPath(): string {
  const cli = join(ROOT, 'packages/server/bin/suckhoe.mjs');
  if (!existsSync(cli)) throw new Error(`The platform CLI is missing: ${cli}`);
  return cli;
}

/** The test runner builds the web app first; when a test file is run on its own, build it once here. */
function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'packages/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '--silent', '--workspace', '@suckhoe/web'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('Building the web app failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(
        `The server exited with code ${String(child.exitCode)} before it was healthy:\n${tail}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `The server did not answer GET /health with 200 within ${START_TIMEOUT_MS / 1000} s (log: ${logFile})`,
  );
}

export async function startServer(options: { adminPassword?: string } = {}): Promise<RunningServer> {
  const cli = cliPath();
  ensureWebBuild();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'suckhoe-e2e-'));
  const adminPassword = options.adminPassword ?? `E2e-${Math.random().toString(36).slice(2, 10)}-Pass!`;
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const logFile = join(ROOT, 'test-results', `e2e-server-${String(port)}.log`);
  const log = createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: adminPassword,
  };
  delete env.DATABASE_URL; // always the embedded database, which seeds the demo province

  const child = spawn(process.execPath, [cli, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminPassword, dataDir, logFile, stop };
}
