// Share links: the scenario text, the machine configuration and the seed, compressed into the URL
// hash as `#code/<base64url of deflate-raw JSON>` (the TypeScript Playground's scheme, peers.md
// E1). Everything stays in the link: no server keeps anything (DESIGN.md "The app").
//
// Opening a link only restores the text and the configuration: a shared link never runs code by
// itself. The app loads the payload into the editor and waits for the user to press Run.
// Decoding never throws; a damaged link gets a message naming what failed and changes nothing.

/** The machine configuration a link carries (the worker's RunConfig). */
export interface SharedConfig {
  platform: string;
  cores: number;
  kernel: string;
  mcs: boolean;
  seed: number;
  params: Record<string, number>;
}

export interface SharePayload {
  source: string;
  config: SharedConfig;
  /** The built-in example the text started from, if any. */
  scenarioId?: string;
}

export const SHARE_PREFIX = '#code/';
/** Longest URL a link may be; longer work is offered as a file download instead. */
export const MAX_URL_LENGTH = 8000;
/** Refuse to inflate more than this: a crafted link must not exhaust memory. */
const MAX_DECODED_BYTES = 1 << 20;
/** Bumped when the payload's shape changes incompatibly. */
const FORMAT = 1;

export type ShareLinkResult =
  | { ok: true; url: string }
  | { ok: false; reason: 'tooLong'; length: number; max: number; message: string };

export type DecodedLink =
  /** The hash holds no share link. */
  { kind: 'none' } | { kind: 'ok'; payload: SharePayload } | { kind: 'damaged'; message: string };

type ByteTransform = ReadableWritablePair<Uint8Array, Uint8Array>;

/** Runs bytes through a (de)compression stream; throws RangeError past `limit` output bytes. */
async function pipe(bytes: Uint8Array, stream: ByteTransform, limit: number) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError(`more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on characters outside the base64url alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new SyntaxError('not base64url');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The URL of `base` (its hash replaced) holding the payload, or why there is none. */
export async function createShareLink(
  payload: SharePayload,
  base: string,
  max = MAX_URL_LENGTH,
): Promise<ShareLinkResult> {
  const json = JSON.stringify({ v: FORMAT, ...payload });
  const packed = await pipe(
    new TextEncoder().encode(json),
    new CompressionStream('deflate-raw') as ByteTransform,
    Infinity,
  );
  const url = `${base.replace(/#.*$/, '')}${SHARE_PREFIX}${toBase64Url(packed)}`;
  if (url.length <= max) return { ok: true, url };
  return {
    ok: false,
    reason: 'tooLong',
    length: url.length,
    max,
    message: `too long for a link (${url.length} characters, at most ${max}): download the .ts file instead`,
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks the decoded JSON field by field; returns the first problem found. */
export function checkPayload(x: unknown): SharePayload | string {
  if (!isRecord(x)) return 'the contents are not an object';
  if (x.v !== FORMAT) return `it was made by another version (format ${String(x.v)})`;
  if (typeof x.source !== 'string') return "the field 'source' is missing";
  const c = x.config;
  if (!isRecord(c)) return "the field 'config' is missing";
  const fields = [
    ['platform', 'string'],
    ['cores', 'number'],
    ['kernel', 'string'],
    ['mcs', 'boolean'],
    ['seed', 'number'],
  ] as const;
  for (const [name, type] of fields) {
    if (typeof c[name] !== type) return `the field 'config.${name}' is missing`;
  }
  const params = c.params;
  if (!isRecord(params) || Object.values(params).some((v) => typeof v !== 'number')) {
    return "the field 'config.params' is missing";
  }
  if (x.scenarioId !== undefined && typeof x.scenarioId !== 'string') {
    return "the field 'scenarioId' is not a string";
  }
  const config: SharedConfig = {
    platform: c.platform as string,
    cores: c.cores as number,
    kernel: c.kernel as string,
    mcs: c.mcs as boolean,
    seed: c.seed as number,
    params: { ...(params as Record<string, number>) },
  };
  const payload: SharePayload = { source: x.source, config };
  if (typeof x.scenarioId === 'string') payload.scenarioId = x.scenarioId;
  return payload;
}

/** Reads a location hash (`#code/...`); never throws. */
export async function decodeShareHash(hash: string): Promise<DecodedLink> {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  const damaged = (why: string): DecodedLink => ({
    kind: 'damaged',
    message: `The link is damaged: ${why}. Nothing was changed.`,
  });
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(hash.slice(SHARE_PREFIX.length));
  } catch {
    return damaged('its text is not valid base64url (was it cut off or edited?)');
  }
  if (bytes.length === 0) return damaged('it holds no data');
  let json: string;
  try {
    const raw = await pipe(
      bytes,
      new DecompressionStream('deflate-raw') as ByteTransform,
      MAX_DECODED_BYTES,
    );
    json = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (e) {
    if (e instanceof RangeError) return damaged('it unpacks to more than 1 MB');
    return damaged('it does not decompress (was it cut off?)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return damaged('its contents are not valid JSON');
  }
  const checked = checkPayload(parsed);
  return typeof checked === 'string' ? damaged(checked) : { kind: 'ok', payload: checked };
}
