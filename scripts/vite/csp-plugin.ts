/**
 * The Content-Security-Policy of the production build (docs/SECURITY.md): nothing from another
 * origin, no inline script, no eval (WebAssembly compilation alone is allowed, for duckdb-wasm).
 *
 * - `cspPlugin()` writes it into index.html as `<meta http-equiv>` at build time only: the dev
 *   server needs inline scripts (React refresh preamble), so `vite` (dev) is left alone.
 * - `CONTENT_SECURITY_POLICY` is the full policy for servers that can send headers
 *   (scripts/e2e/static-server.ts does); `frame-ancestors` works only as a header, a meta ignores it.
 *
 * Why each source is there:
 * - `'wasm-unsafe-eval'`: duckdb-wasm compiles its .wasm (WebAssembly.compile/instantiateStreaming);
 *   it does not allow eval() or new Function().
 * - `worker-src 'self' blob:`: the duckdb worker is a same-origin file; Vite's bundled module workers
 *   are same-origin files too; `blob:` for libraries that start a worker from a Blob URL.
 * - `img-src data: blob:`: the PNG export goes through a data: URL and a Blob; ECharts' SVG export too.
 * - `connect-src 'self' data: blob:`: fetch() of the dataset and the wasm (same origin), and of the
 *   chart's own data: URL when the PNG export turns it into a Blob. Neither data: nor blob: can reach a server.
 * - `style-src 'unsafe-inline'`: React `style={…}` attributes and ECharts' tooltip and SVG styles are inline.
 *   Styles cannot run script; the risk left is CSS-based exfiltration, which `connect-src`/`img-src` close.
 */
import type { Plugin } from 'vite';

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self' data: blob:"],
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a `<meta http-equiv>` policy cannot carry (the browser ignores them there and warns). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const serialise = (directives: ReadonlyArray<readonly [string, string]>): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The full policy, as a response header. */
export const CONTENT_SECURITY_POLICY = serialise(DIRECTIVES);

/** The same policy without the header-only directives, for the meta element. */
export const META_CONTENT_SECURITY_POLICY = serialise(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

export function cspPlugin(): Plugin {
  return {
    name: 'fazhi-atlas:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}
