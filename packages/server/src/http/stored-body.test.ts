import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { codingEtag, MIN_COMPRESSED_BYTES, negotiateCoding, sendStored, StoredBody } from './stored-body.ts';

describe('Accept-Encoding → coding (RFC 9110 §12.5.3)', () => {
  const cases: [string | string[] | undefined, 'br' | 'gzip' | null][] = [
    [undefined, null],
    ['', null],
    ['identity', null],
    ['deflate, zstd', null],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, deflate', 'gzip'], // Chromium over plain HTTP, okhttp, curl --compressed without brotli
    ['gzip, deflate, br, zstd', 'br'], // Chromium over HTTPS
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', 'br'],
    ['br;q=0.5, gzip', 'gzip'], // the client's weights decide
    ['deflate, br', 'br'],
    ['gzip;q=0', null],
    ['gzip; q=0.000', null],
    ['gzip;q=0, *', 'br'], // an explicit refusal wins over the wildcard
    ['gzip;q=0, br;q=0, *', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['gzip;q=abc', 'gzip'], // a malformed weight is ignored, as by most servers
    [['deflate', 'gzip'], 'gzip'],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)} → ${expected}`, () => {
      assert.equal(negotiateCoding(header), expected);
    });
  }
});

describe('stored bodies over HTTP', () => {
  const big = new StoredBody(Buffer.from(JSON.stringify({ items: Array(400).fill('Nguyễn Văn An') })));
  const small = new StoredBody(Buffer.from('{"a":1}'));
  const etag = '"abc123"';
  const app = Fastify();
  app.get('/big', (req, reply) => sendStored(req, reply, big, etag, 'application/json; charset=utf-8'));
  app.get('/small', (req, reply) => sendStored(req, reply, small, etag, 'application/json; charset=utf-8'));

  test('compressed for a client that accepts it: same content, own ETag, Vary', async () => {
    assert.ok(big.size >= MIN_COMPRESSED_BYTES);
    const decode = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [accept, coding, tag] of [
      ['gzip, deflate', 'gzip', '"abc123-gz"'],
      ['gzip, deflate, br, zstd', 'br', '"abc123-br"'],
    ] as const) {
      const r = await app.inject({ url: '/big', headers: { 'accept-encoding': accept } });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-encoding'], coding);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(r.headers.vary, 'accept-encoding');
      assert.equal(r.headers.etag, tag);
      assert.equal(r.headers['cache-control'], 'private, no-cache');
      assert.ok(r.rawPayload.length < big.size / 10, `${r.rawPayload.length} bytes`);
      assert.deepEqual(decode[coding](r.rawPayload), big.bytes);
    }
  });

  test('the plain bytes otherwise, and for small bodies', async () => {
    const plain = await app.inject({ url: '/big' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.etag, etag);
    assert.deepEqual(plain.rawPayload, big.bytes);
    const refused = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
    const tiny = await app.inject({ url: '/small', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.equal(tiny.body, '{"a":1}');
  });

  test('If-None-Match with either representation’s tag is a 304', async () => {
    const gz = codingEtag(etag, 'gzip');
    for (const tag of [etag, gz, `W/${gz}`, codingEtag(etag, 'br'), `"other", ${etag}`, '*']) {
      for (const enc of ['gzip', 'br', 'identity']) {
        const r = await app.inject({
          url: '/big',
          headers: { 'accept-encoding': enc, 'if-none-match': tag },
        });
        assert.equal(r.statusCode, 304, `${tag} / ${enc}`);
        assert.equal(r.body, '');
      }
    }
    const other = await app.inject({ url: '/big', headers: { 'if-none-match': '"abc12"' } });
    assert.equal(other.statusCode, 200);
  });

  test('each compressed form is made once and reused', async () => {
    const b = new StoredBody(Buffer.alloc(5000, 'a'));
    for (const coding of ['gzip', 'br'] as const) {
      const [x, y] = await Promise.all([b.encode(coding), b.encode(coding)]);
      assert.equal(x, y);
      assert.equal(await b.encode(coding), x);
    }
    assert.notDeepEqual(await b.encode('gzip'), await b.encode('br'));
  });
});
