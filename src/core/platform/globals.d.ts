/**
 * What src/core uses of the platform, declared for its own typecheck (src/core/tsconfig.json, which
 * has neither DOM nor Node types): text decoding and encoding, which Node and every browser provide
 * alike (WHATWG Encoding). Nothing else: a core module that needs fetch, storage, workers or files
 * takes them as arguments from the layer above.
 */
interface TextDecodeOptions { stream?: boolean }
interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
// eslint-disable-next-line no-var -- a global declaration, as lib.dom.d.ts writes it
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: TextDecoderOptions): TextDecoder };

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
// eslint-disable-next-line no-var -- a global declaration, as lib.dom.d.ts writes it
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
