import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DuplicateLink, SynthFacility, SynthPersonRecord, SynthResident } from '@suckhoe/domain';
import { parseEnvelope, validateEnvelope } from '@suckhoe/domain/xml130/index';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { engines, openTestDb } from '../testing/engines.ts';
import { findPersons } from '../persons/repo.ts';
import { FILES, generateProvince, MANIFEST, type GenerateOptions } from './province.ts';
import { progressBar } from './progress.ts';
import { xmlSigner } from './sign.ts';
import type { HouseholdLine } from './records.ts';

const tiny = (outDir: string): GenerateOptions => ({
  provinceCode: '92',
  persons: 200,
  episodes: 150,
  episodesPerFile: 8,
  seed: 7,
  outDir,
  duplicateRate: 0.1,
  progress: progressBar(false),
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'suckhoe-gen-'));
}

/** Every file under `dir` (relative path → bytes). */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const ndjson = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

test('same seed → byte-identical files; every file parses and hangs together', async () => {
  const a = tempDir();
  const b = tempDir();
  try {
    await generateProvince(tiny(a));
    await generateProvince(tiny(b));
    const sa = snapshot(a);
    const sb = snapshot(b);
    assert.deepEqual([...sa.keys()], [...sb.keys()]);
    for (const [name, bytes] of sa) assert.ok(bytes.equals(sb.get(name)!), `${name} differs between runs`);

    const facilities = JSON.parse(readFileSync(join(a, FILES.facilities), 'utf8')) as SynthFacility[];
    assert.ok(facilities.length > 100);
    assert.ok(facilities.every((f) => /^92\d{3}$/.test(f.code)));
    const persons = ndjson<SynthResident>(join(a, FILES.persons));
    const ids = new Set(persons.map((p) => p.id));
    assert.equal(persons.length, 200);
    assert.equal(new Set(persons.map((p) => p.personalId)).size, 200);
    const households = ndjson<HouseholdLine>(join(a, FILES.households));
    assert.deepEqual(
      households.flatMap((h) => h.members.map((m) => m.personId)),
      persons.map((p) => p.id),
    );
    const duplicates = ndjson<SynthPersonRecord>(join(a, FILES.duplicates));
    const links = ndjson<DuplicateLink>(join(a, FILES.duplicateLinks));
    assert.ok(duplicates.length > 5);
    assert.equal(links.length, duplicates.length);
    assert.ok(links.every((l, i) => ids.has(l.originalId) && l.duplicateId === duplicates[i]?.id));
    const manifest = JSON.parse(readFileSync(join(a, MANIFEST), 'utf8')) as { persons: number; seed: number };
    assert.equal(manifest.persons, 200);
    assert.equal(manifest.seed, 7);

    // Episodes: GIAMDINHHS files of one facility each that parse and validate; the index lists them all.
    const index = ndjson<{ maLk: string; facilityCode: string; personId: string; file: string }>(
      join(a, FILES.episodeIndex),
    );
    assert.equal(index.length, 150);
    assert.equal(new Set(index.map((e) => e.maLk)).size, 150);
    assert.ok(index.every((e) => ids.has(e.personId)));
    const files = readdirSync(join(a, FILES.episodes));
    let hoso = 0;
    for (const f of files) {
      const parsed = parseEnvelope(readFileSync(join(a, FILES.episodes, f)));
      assert.ok(parsed.ok, `${f}: ${JSON.stringify(parsed.errors.slice(0, 2))}`);
      assert.equal(parsed.value.header.macskcb, f.slice(0, 5));
      assert.ok(parsed.value.hoso.length <= 8);
      const report = validateEnvelope(parsed.value, { senderFacility: f.slice(0, 5) });
      assert.deepEqual(report.errors, [], f);
      hoso += parsed.value.hoso.length;
      for (const h of parsed.value.hoso) assert.ok(index.some((e) => e.maLk === h.maLk && e.file === f));
    }
    assert.equal(hoso, 150);

    // A different seed gives a different population.
    const c = tempDir();
    try {
      await generateProvince({ ...tiny(c), seed: 8 });
      assert.ok(!snapshot(c).get(FILES.persons)!.equals(sa.get(FILES.persons)!));
    } finally {
      rmSync(c, { recursive: true, force: true });
    }
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

for (const engine of engines()) {
  test(`--load makes the generated persons findable through the registry (${engine})`, async () => {
    const out = tempDir();
    const t = await openTestDb(engine);
    try {
      const s = await generateProvince({ ...tiny(out), db: t.db });
      assert.equal(s.loaded?.persons, 200);
      assert.ok(s.loaded.facilities > 100);
      const persons = ndjson<SynthResident>(join(out, FILES.persons));
      for (const p of [persons[0]!, persons[99]!, persons[199]!]) {
        const byId = await findPersons(t.db, { identifier: p.personalId, limit: 5, offset: 0 });
        assert.deepEqual(
          byId.items.map((x) => x.id),
          [p.id],
        );
        const byName = await findPersons(t.db, {
          name: p.fullName,
          birthDate: p.birthDate,
          limit: 20,
          offset: 0,
        });
        assert.ok(byName.items.some((x) => x.id === p.id));
        if (p.bhyt) {
          const byCard = await findPersons(t.db, { identifier: p.bhyt.code, limit: 5, offset: 0 });
          assert.deepEqual(
            byCard.items.map((x) => x.id),
            [p.id],
          );
        }
      }
      const [count] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
      assert.equal(count?.n, 200);
      // Loading the same seed twice is refused with a clear message, nothing half-written.
      await assert.rejects(generateProvince({ ...tiny(out), db: t.db }), /seed/);
    } finally {
      await t.dispose();
      rmSync(out, { recursive: true, force: true });
    }
  });
}

test('--sign: every envelope carries an enveloped XMLDSig that verifies with the certificate', async (t) => {
  const dir = tempDir();
  try {
    const keygen = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=SucKhoe test',
      ],
      { encoding: 'utf8' },
    );
    if (keygen.status !== 0) {
      t.skip('openssl is not available to make a test certificate');
      return;
    }
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const signer = xmlSigner(readFileSync(join(dir, 'key.pem'), 'utf8'), cert);
    const t2 = await openTestDb('pglite');
    try {
      await generateProvince({
        ...tiny(join(dir, 'out')),
        persons: 60,
        episodes: 20,
        signer,
        certificatePem: cert,
        db: t2.db,
      });
      // The signing certificate is registered for the loaded facilities (imports verify against it).
      const rows = await t2.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM facility WHERE certificate_sha256 IS NOT NULL',
      );
      assert.ok((rows[0]?.n ?? 0) > 100);
    } finally {
      await t2.dispose();
    }
    const check = (text: string): boolean => {
      const doc = new DOMParser().parseFromString(text, 'text/xml');
      const node = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
      if (!node) return false;
      const v = new SignedXml({ publicCert: cert });
      v.loadSignature(new XMLSerializer().serializeToString(node));
      try {
        return v.checkSignature(text);
      } catch {
        return false;
      }
    };
    const folder = join(dir, 'out', FILES.episodes);
    const files = readdirSync(folder);
    assert.ok(files.length > 0);
    for (const f of files) {
      const xml = readFileSync(join(folder, f), 'utf8');
      const parsed = parseEnvelope(xml);
      assert.ok(parsed.ok && parsed.value.signature.signed, f);
      assert.ok(check(xml), `${f} does not verify`);
      assert.ok(!check(xml.replace(/<NGAYLAP>\d/, '<NGAYLAP>9')), `${f}: tampering not detected`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('`npx suckhoe generate` parses its flags and writes the province', () => {
  const out = tempDir();
  const bin = new URL('../../bin/suckhoe.mjs', import.meta.url).pathname;
  try {
    const ok = spawnSync(
      process.execPath,
      [bin, 'generate', '--persons', '30', '--seed', '3', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /30 người/);
    assert.match(ok.stderr, /persons/); // the progress bar prints even without a terminal
    assert.equal(ndjson(join(out, FILES.persons)).length, 30);
    const bad = spawnSync(process.execPath, [bin, 'generate', '--persons', 'many', '--out', out], {
      encoding: 'utf8',
    });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /--persons/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
