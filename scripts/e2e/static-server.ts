/**
 * A small static file server for the browser tests: serves a built bundle as it is on disk.
 *
 * - loopback only (127.0.0.1), on a free port unless one is given;
 * - correct MIME types, `application/wasm` included (streaming wasm compilation needs it);
 * - HTTP Range requests (one range: 206 with Content-Range; unsatisfiable: 416), HEAD;
 * - never compresses on the fly (unlike `vite preview`); a file built with precompressed siblings
 *   (`x.wasm.br`, `x.wasm.gz`, scripts/build/precompress.ts) is sent as one of them when the request
 *   accepts that encoding and asks for no range, with `Content-Encoding`, `Vary: Accept-Encoding` and
 *   the original file's type (`application/wasm`: streaming compilation still works);
 * - `Cache-Control: no-cache` with an ETag: every use revalidates, an unchanged file answers 304;
 * - GET / and any directory serve its index.html; nothing outside the root is reachable;
 * - `mounts` maps a URL prefix to another directory (the benchmark serves the built app with
 *   `/data/` taken from another dataset); nothing outside a mount's directory is reachable through it.
 *
 * Usage: `tsx scripts/e2e/static-server.ts <dir> [port]` or `startStaticServer({ root })`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../vite/csp-plugin.ts';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.duckdb': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export const mimeType = (path: string): string => MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234/` (with the trailing slash). */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Precompressed siblings, preferred first: [encoding, file suffix]. */
export const PRECOMPRESSED: ReadonlyArray<readonly [string, string]> = [['br', '.br'], ['gzip', '.gz']];

/** Whether an `Accept-Encoding` header accepts `encoding` (a q=0 refuses it). */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    if (name !== encoding && name !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a `Range` header against a file size. Supports `bytes=a-b`, `bytes=a-`, `bytes=-n`.
 * Returns null when the header is absent, malformed or asks for several ranges (then the whole
 * file is sent with 200, which RFC 9110 allows), `'unsatisfiable'` for a range past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
    if (to !== '' && Number(to) < start) return null;
  }
  if (start >= size || size === 0) return 'unsatisfiable';
  return { start, end };
}

/** A URL prefix ('/data/') served from a directory instead of the root. */
export type Mounts = Readonly<Record<string, string>>;

/** The directory and the path inside it that serve `pathname`: the longest matching mount, else the root. */
export function locate(root: string, mounts: Mounts, pathname: string): { dir: string; path: string } {
  const prefix = Object.keys(mounts).filter((p) => pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? { dir: root, path: pathname } : { dir: mounts[prefix]!, path: `/${pathname.slice(prefix.length)}` };
}

async function handle(root: string, mounts: Mounts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('Bad request');
    return;
  }
  if (pathname.includes('\0')) {
    response.writeHead(400).end('Bad request');
    return;
  }
  const { dir, path } = locate(root, mounts, pathname);
  let file = resolve(join(dir, path));
  if (file !== dir && !file.startsWith(dir + sep)) {
    response.writeHead(403).end('Forbidden');
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = mimeType(file);
  let encoding: string | null = null;
  let vary = false;
  for (const [name, suffix] of PRECOMPRESSED) {
    const sibling = await stat(file + suffix).catch(() => null);
    if (!sibling?.isFile()) continue;
    vary = true;
    if (encoding === null && !request.headers.range && acceptsEncoding(request.headers['accept-encoding'], name)) {
      encoding = name;
      file += suffix;
      info = sibling;
    }
  }
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    ...(vary ? { Vary: 'Accept-Encoding' } : {}),
    'Accept-Ranges': 'bytes',
    // Revalidated on every use; a 304 saves the transfer of the cached wasm. Its compiled code is not reused:
    // duckdb-wasm's worker compiles a Response it builds around a TransformStream (its progress callback), for
    // which Chrome writes no wasm code cache (docs/ROADMAP.md, issue 11: "the engine's start").
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    // The production policy (docs/SECURITY.md), as a header: it also covers frame-ancestors, which a meta cannot.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  };
  if (request.headers['if-none-match'] === etag && !request.headers.range) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache', ...(vary ? { Vary: 'Accept-Encoding' } : {}) }).end();
    return;
  }
  const range = parseRange(request.headers.range, info.size);
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  const length = info.size === 0 ? 0 : end - start + 1;
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  headers['Content-Length'] = length;
  response.writeHead(range ? 206 : 200, headers);
  if (request.method === 'HEAD' || length === 0) {
    response.end();
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/** Starts serving `root` on 127.0.0.1 (port 0: a free port chosen by the system). */
export async function startStaticServer({ root, port = 0, mounts = {} }: { root: string; port?: number; mounts?: Mounts }): Promise<StaticServer> {
  const base = resolve(root);
  const resolvedMounts = Object.fromEntries(Object.entries(mounts).map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)]));
  const server = createServer((request, response) => {
    handle(base, resolvedMounts, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end('Internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    server,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', port = '0'] = process.argv.slice(2);
  const served = await startStaticServer({ root: dir, port: Number(port) });
  console.log(`Serving ${resolve(dir)} at ${served.url} (Ctrl-C to stop)`);
}
