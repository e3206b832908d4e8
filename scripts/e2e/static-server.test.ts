import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { acceptsEncoding, locate, mimeType, parseRange, startStaticServer, type StaticServer } from './static-server.ts';

describe('parseRange', () => {
  it('reads the three single-range forms', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
  });
  it('ignores what it does not serve, refuses what cannot be served', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=9-3', 100)).toBeNull();
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
});

describe('acceptsEncoding', () => {
  it('reads Accept-Encoding lists, q-values and the wildcard', () => {
    expect(acceptsEncoding('gzip, deflate', 'gzip')).toBe(true);
    expect(acceptsEncoding('gzip, deflate', 'br')).toBe(false);
    expect(acceptsEncoding('br;q=0, gzip', 'br')).toBe(false);
    expect(acceptsEncoding('br;q=0.5', 'br')).toBe(true);
    expect(acceptsEncoding('*', 'gzip')).toBe(true);
    expect(acceptsEncoding(undefined, 'gzip')).toBe(false);
  });
});

describe('locate', () => {
  it('takes the longest matching mount, else the root', () => {
    const mounts = { '/data/': '/elsewhere', '/data/big/': '/big' };
    expect(locate('/dist', mounts, '/data/observations.csv')).toEqual({ dir: '/elsewhere', path: '/observations.csv' });
    expect(locate('/dist', mounts, '/data/big/x.parquet')).toEqual({ dir: '/big', path: '/x.parquet' });
    expect(locate('/dist', mounts, '/assets/a.js')).toEqual({ dir: '/dist', path: '/assets/a.js' });
    expect(locate('/dist', mounts, '/database')).toEqual({ dir: '/dist', path: '/database' });
  });
});

describe('mimeType', () => {
  it('knows the bundle and dataset types', () => {
    expect(mimeType('a/duckdb-eh.wasm')).toBe('application/wasm');
    expect(mimeType('index.html')).toMatch(/^text\/html/);
    expect(mimeType('x.JS')).toMatch(/^text\/javascript/);
    expect(mimeType('data/observations.csv')).toMatch(/^text\/csv/);
    expect(mimeType('favicon.svg')).toBe('image/svg+xml');
    expect(mimeType('blob.bin')).toBe('application/octet-stream');
  });
});

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(url: string, headers: Record<string, string> = {}, method = 'GET', rawPath?: string): Promise<Reply> {
  const target = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ host: target.hostname, port: target.port, path: rawPath ?? target.pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('startStaticServer', () => {
  let dir: string;
  let served: StaticServer;
  const wasm = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'assets', 'x.wasm'), wasm);
    writeFileSync(join(dir, 'assets', 'packed.wasm'), wasm);
    writeFileSync(join(dir, 'assets', 'packed.wasm.gz'), gzipSync(wasm));
    writeFileSync(join(dir, 'assets', 'packed.wasm.br'), Buffer.from('pretend brotli'));
    writeFileSync(join(dir, 'secret-sibling.txt'), 'nope');
    mkdirSync(join(dir, 'other-data'));
    writeFileSync(join(dir, 'other-data', 'observations.csv'), 'a,b\n1,2\n');
    served = await startStaticServer({ root: join(dir, 'assets', '..'), mounts: { '/data': join(dir, 'other-data') } });
  });
  afterAll(async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only, on a free port', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(served.port).toBeGreaterThan(0);
    expect((served.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves index.html for / and wasm as application/wasm, uncompressed', async () => {
    const index = await get(served.url, { 'Accept-Encoding': 'gzip, br' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body.toString()).toContain('<title>t</title>');
    const file = await get(`${served.url}assets/x.wasm`, { 'Accept-Encoding': 'gzip, br' });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/wasm');
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.headers['accept-ranges']).toBe('bytes');
    expect(file.headers['content-length']).toBe('1000');
    expect(file.body.equals(wasm)).toBe(true);
  });

  it('sends a precompressed sibling when the request accepts its encoding, never for a range', async () => {
    const br = await get(`${served.url}assets/packed.wasm`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/wasm');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.toString()).toBe('pretend brotli');
    const gz = await get(`${served.url}assets/packed.wasm`, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('application/wasm');
    expect(gz.body.equals(gzipSync(wasm))).toBe(true);
    expect(gz.headers.etag).not.toBe(br.headers.etag);
    const plain = await get(`${served.url}assets/packed.wasm`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(wasm)).toBe(true);
    const range = await get(`${served.url}assets/packed.wasm`, { 'Accept-Encoding': 'gzip, br', Range: 'bytes=0-9' });
    expect(range.status).toBe(206);
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.body.equals(wasm.subarray(0, 10))).toBe(true);
  });

  it('serves a mounted prefix from its own directory', async () => {
    const csv = await get(`${served.url}data/observations.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body.toString()).toBe('a,b\n1,2\n');
    expect((await get(served.url, {}, 'GET', '/data/..%2findex.html')).status).toBe(403);
  });

  it('answers Range requests with 206 and the exact bytes', async () => {
    const part = await get(`${served.url}assets/x.wasm`, { Range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 10-19/1000');
    expect(part.headers['content-length']).toBe('10');
    expect(part.body.equals(wasm.subarray(10, 20))).toBe(true);
    const tail = await get(`${served.url}assets/x.wasm`, { Range: 'bytes=-4' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(wasm.subarray(996))).toBe(true);
    const past = await get(`${served.url}assets/x.wasm`, { Range: 'bytes=5000-' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */1000');
  });

  it('revalidates with the ETag: 304 when unchanged', async () => {
    const first = await get(`${served.url}assets/x.wasm`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get(`${served.url}assets/x.wasm`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(`${served.url}assets/x.wasm`, { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD without a body', async () => {
    const head = await get(`${served.url}assets/x.wasm`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('1000');
    expect(head.body.length).toBe(0);
  });

  it('404s missing files and never leaves the root', async () => {
    expect((await get(`${served.url}nope.js`)).status).toBe(404);
    const escape = await get(served.url, {}, 'GET', '/assets/..%2f..%2f..%2fetc%2fpasswd');
    expect([403, 404]).toContain(escape.status);
    expect(escape.body.toString()).not.toContain('root:');
    expect((await get(served.url, {}, 'POST')).status).toBe(405);
  });
});
