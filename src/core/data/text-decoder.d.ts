/**
 * The few Encoding API globals the engine uses. Core compiles against ES2022 only (no DOM
 * lib), yet `TextDecoder` and `TextEncoder` exist in every place the engine runs: pages,
 * workers and Node. The shapes mirror lib.dom.d.ts exactly so that, in programs that do
 * load the DOM lib, these declarations merge with it instead of conflicting.
 */

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoder {
  /** The canonical (WHATWG) name of the encoding, lowercased, e.g. 'windows-1252'. */
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  /** Throws a TypeError on malformed input when the decoder is fatal. */
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new(label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoderEncodeIntoResult {
  read: number;
  written: number;
}

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult;
}

declare var TextEncoder: {
  prototype: TextEncoder;
  new(): TextEncoder;
};
