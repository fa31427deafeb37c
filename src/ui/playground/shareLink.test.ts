import { describe, expect, it } from 'vitest';
import {
  createShareLink,
  decodeShareHash,
  fromBase64Url,
  MAX_URL_LENGTH,
  SHARE_PREFIX,
  toBase64Url,
  type SharePayload,
} from './shareLink';

const BASE = 'http://127.0.0.1:4173/?view=timeline';

const PAYLOAD: SharePayload = {
  source:
    "import { scenario } from 'ipcscope';\n// ünïcode — ✓ 🚀\nexport default scenario({ name: 'x', setup() {} });\n",
  config: {
    platform: 'a9-sabre',
    cores: 2,
    kernel: 'clustered:1',
    mcs: true,
    seed: 42,
    params: { think: 500 },
  },
  scenarioId: 'echo.ts',
};

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

function hashOf(url: string): string {
  return url.slice(url.indexOf('#'));
}

/** Text that barely compresses (a fixed-seed LCG over printable characters). */
function noise(length: number): string {
  let x = 12345;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += String.fromCharCode(33 + ((x >>> 16) % 90));
  }
  return s;
}

describe('share links', () => {
  it('round-trips the text, the configuration, the seed and the example id', async () => {
    const r = await createShareLink(PAYLOAD, `${BASE}#old`);
    if (!r.ok) throw new Error(r.message);
    expect(r.url.startsWith(`${BASE}${SHARE_PREFIX}`)).toBe(true);
    expect(r.url).not.toContain('#old');
    expect(await decodeShareHash(hashOf(r.url))).toEqual({ kind: 'ok', payload: PAYLOAD });
  });

  it('keeps the link small for a typical scenario', async () => {
    const source = `${PAYLOAD.source}\n${'function* p(sys: Sys) { yield* sys.call("ep"); }\n'.repeat(40)}`;
    const r = await createShareLink({ ...PAYLOAD, source }, BASE);
    expect(r.ok && r.url.length < source.length / 4).toBe(true);
  });

  it('says a link is too long instead of making one past the limit', async () => {
    const r = await createShareLink({ ...PAYLOAD, source: noise(MAX_URL_LENGTH) }, BASE);
    expect(r).toMatchObject({ ok: false, reason: 'tooLong', max: MAX_URL_LENGTH });
    if (!r.ok) {
      expect(r.length).toBeGreaterThan(MAX_URL_LENGTH);
      expect(r.message).toMatch(/too long .*download the \.ts file instead/);
    }
  });

  it('ignores hashes that are not share links', async () => {
    expect(await decodeShareHash('')).toEqual({ kind: 'none' });
    expect(await decodeShareHash('#timeline')).toEqual({ kind: 'none' });
  });

  it('base64url round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
  });
});

describe('damaged share links', () => {
  async function expectDamaged(hash: string, why: RegExp) {
    const d = await decodeShareHash(hash);
    expect(d.kind).toBe('damaged');
    if (d.kind === 'damaged') {
      expect(d.message).toMatch(/^The link is damaged: /);
      expect(d.message).toMatch(why);
    }
  }

  it('names bad base64', async () => {
    await expectDamaged(`${SHARE_PREFIX}abc$def`, /base64url/);
    await expectDamaged(`${SHARE_PREFIX}abcde`, /base64url/);
  });

  it('names an empty link', async () => {
    await expectDamaged(SHARE_PREFIX, /no data/);
  });

  it('names data that does not decompress, whether garbage or cut off', async () => {
    await expectDamaged(
      `${SHARE_PREFIX}${toBase64Url(Uint8Array.of(0xff, 0xff, 0xff, 0xff))}`,
      /decompress/,
    );
    const r = await createShareLink(PAYLOAD, BASE);
    if (!r.ok) throw new Error(r.message);
    const hash = hashOf(r.url);
    await expectDamaged(hash.slice(0, SHARE_PREFIX.length + 40), /decompress/);
  });

  it('names contents that are not JSON', async () => {
    await expectDamaged(`${SHARE_PREFIX}${await deflate('{"v":1, source:')}`, /not valid JSON/);
  });

  it('names the missing field', async () => {
    const { config, ...noConfig } = PAYLOAD;
    await expectDamaged(
      `${SHARE_PREFIX}${await deflate(JSON.stringify({ v: 1, ...noConfig }))}`,
      /'config'/,
    );
    const noSeed = { v: 1, ...PAYLOAD, config: { ...config, seed: undefined } };
    await expectDamaged(
      `${SHARE_PREFIX}${await deflate(JSON.stringify(noSeed))}`,
      /'config\.seed'/,
    );
    const badParams = { v: 1, ...PAYLOAD, config: { ...config, params: { a: 'x' } } };
    await expectDamaged(
      `${SHARE_PREFIX}${await deflate(JSON.stringify(badParams))}`,
      /'config\.params'/,
    );
    const noSource = { v: 1, config };
    await expectDamaged(`${SHARE_PREFIX}${await deflate(JSON.stringify(noSource))}`, /'source'/);
  });

  it('names a link made by another format version', async () => {
    await expectDamaged(
      `${SHARE_PREFIX}${await deflate(JSON.stringify({ ...PAYLOAD, v: 9 }))}`,
      /format 9/,
    );
  });

  it('refuses a link that inflates past 1 MB', async () => {
    await expectDamaged(`${SHARE_PREFIX}${await deflate(' '.repeat(2 << 20))}`, /more than 1 MB/);
  });
});
