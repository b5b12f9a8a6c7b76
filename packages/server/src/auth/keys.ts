import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * JWT signing keys (HS256) with a `kid`. The newest key signs; the previous one is still accepted,
 * so rotating never logs anyone out (access tokens live minutes, refresh tokens are not JWTs).
 *
 * - With `JWT_SECRET` (and optionally `JWT_PREVIOUS_SECRETS`) the keys come from the environment
 *   only: rotate by moving the old secret to JWT_PREVIOUS_SECRETS and setting a new JWT_SECRET.
 * - Otherwise keys are generated into `DATA_DIR/secrets/jwt-keys.json` (mode 600): rotated by
 *   `npx suckhoe keys rotate`, or automatically when the current key is older than
 *   JWT_KEY_MAX_AGE_DAYS. A running server notices a rotated file within a minute.
 */
export interface SigningKey {
  readonly kid: string;
  readonly secret: Uint8Array;
  readonly createdAt: Date;
}

export interface KeyRing {
  /** The key new tokens are signed with. */
  current(): SigningKey;
  /** A key still accepted for verification, by `kid`. */
  find(kid: string): SigningKey | undefined;
  /** kid, creation time and whether it signs, newest first (no secrets). */
  list(): { kid: string; createdAt: string; current: boolean }[];
}

interface StoredKey {
  kid: string;
  secret: string;
  createdAt: string;
}

const KEEP = 2; // current + previous
const RELOAD_MS = 60_000;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const kidOf = (secret: string): string => createHash('sha256').update(secret).digest('hex').slice(0, 12);

function ring(keys: readonly SigningKey[]): KeyRing {
  return {
    current: () => keys[0]!,
    find: (kid) => keys.find((k) => k.kid === kid),
    list: () => keys.map((k, i) => ({ kid: k.kid, createdAt: k.createdAt.toISOString(), current: i === 0 })),
  };
}

/** Keys from the environment: JWT_SECRET signs, JWT_PREVIOUS_SECRETS are accepted. */
export function envKeyRing(secret: string, previous: readonly string[] = []): KeyRing {
  const epoch = new Date(0);
  return ring(
    [secret, ...previous].map((s) => ({ kid: `env-${kidOf(s)}`, secret: enc(s), createdAt: epoch })),
  );
}

export const keyFile = (dataDir: string): string => join(dataDir, 'secrets', 'jwt-keys.json');

function readStored(file: string): StoredKey[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return Array.isArray(parsed) ? (parsed as StoredKey[]) : [];
}

function writeStored(file: string, keys: readonly StoredKey[]): void {
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(keys, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}

const newKey = (): StoredKey => {
  const secret = randomBytes(48).toString('base64url');
  return { kid: kidOf(secret), secret, createdAt: new Date().toISOString() };
};

/** Add a new signing key to the file ring, keeping the previous one. Returns the new kid. */
export function rotateKeyFile(dataDir: string): string {
  const file = keyFile(dataDir);
  const k = newKey();
  writeStored(file, [k, ...readStored(file)].slice(0, KEEP));
  return k.kid;
}

/** The file ring: created on first use (importing a legacy `secrets/jwt.key`), rotated when too old. */
export function fileKeyRing(dataDir: string, maxAgeDays: number): KeyRing {
  const file = keyFile(dataDir);
  let loaded: KeyRing = ring([]);
  let mtime = -1;
  let checkedAt = 0;
  const load = (): void => {
    let stored = readStored(file);
    if (stored.length === 0) {
      const legacy = join(dataDir, 'secrets', 'jwt.key');
      const first = existsSync(legacy)
        ? (() => {
            const secret = readFileSync(legacy, 'utf8').trim();
            return { kid: kidOf(secret), secret, createdAt: new Date().toISOString() };
          })()
        : newKey();
      stored = [first];
      writeStored(file, stored);
    }
    const age = Date.now() - Date.parse(stored[0]!.createdAt);
    if (maxAgeDays > 0 && age > maxAgeDays * 86_400_000) {
      rotateKeyFile(dataDir);
      stored = readStored(file);
    }
    loaded = ring(
      stored.map((s) => ({ kid: s.kid, secret: enc(s.secret), createdAt: new Date(s.createdAt) })),
    );
    mtime = statSync(file).mtimeMs;
    checkedAt = Date.now();
  };
  const fresh = (): KeyRing => {
    if (Date.now() - checkedAt > RELOAD_MS) {
      checkedAt = Date.now();
      if (!existsSync(file) || statSync(file).mtimeMs !== mtime) load();
    }
    return loaded;
  };
  load();
  return {
    current: () => fresh().current(),
    find: (kid) => {
      const k = fresh().find(kid);
      if (k) return k;
      // A token signed by a key rotated in by another process: re-read once (at most every second).
      if (Date.now() - checkedAt > 1000 && existsSync(file) && statSync(file).mtimeMs !== mtime) load();
      return loaded.find(kid);
    },
    list: () => fresh().list(),
  };
}

/** The ring the server uses: environment keys when JWT_SECRET is set, else the generated file. */
export function loadKeyRing(opts: {
  jwtSecret: string | undefined;
  previousSecrets: readonly string[];
  dataDir: string;
  maxAgeDays: number;
}): KeyRing {
  return opts.jwtSecret
    ? envKeyRing(opts.jwtSecret, opts.previousSecrets)
    : fileKeyRing(opts.dataDir, opts.maxAgeDays);
}
