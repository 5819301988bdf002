/**
 * Zip bombs, zip slips and garbage given to the guarded unzipper: refused with a reason, after
 * inflating no more than the limit (the declared sizes in the headers are never trusted).
 */
import fc from 'fast-check';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unsafeEntryName, unzipWithLimits } from '@shared/zip/safe-unzip';

const MIB = 1024 * 1024;

/** A deflated entry of `megabytes` MiB of zeros, built in 1 MiB steps so the test never holds it whole. */
function zeroBomb(megabytes: number, entries = 1): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const zeros = new Uint8Array(MIB);
  for (let e = 0; e < entries; e++) {
    const entry = new ZipDeflate(`bomb-${e}.json`, { level: 9 });
    zip.add(entry);
    for (let i = 0; i < megabytes; i++) entry.push(zeros, i === megabytes - 1);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('unzipWithLimits', () => {
  it('unpacks an ordinary archive', () => {
    const archive = zipSync({
      'manifest.json': strToU8('{"id":"x"}'),
      'texts/a.md': strToU8('# A'),
      'texts/': new Uint8Array(),
    });
    const result = unzipWithLimits(archive);
    expect(result.ok && [...result.files.keys()].sort()).toEqual(['manifest.json', 'texts/a.md']);
    expect(result.ok && new TextDecoder().decode(result.files.get('texts/a.md'))).toBe('# A');
  });

  it('refuses a zip bomb (1,000:1) after inflating at most the limit plus one step', () => {
    const bomb = zeroBomb(32); // 32 MiB of zeros in well under 1 MiB
    expect(bomb.length).toBeLessThan(MIB);
    const result = unzipWithLimits(bomb, { maxEntryBytes: 5 * MIB });
    expect(result).toMatchObject({
      ok: false,
      error: 'Refusing the archive: "bomb-0.json" inflates to more than 5.0 MiB.',
    });
    // One step feeds 16 KiB of deflate data, which inflates to at most ~16.5 MiB.
    expect(!result.ok && result.inflatedBytes).toBeLessThan(5 * MIB + 17 * MIB);
  });

  it('refuses many entries that are small alone but too much together', () => {
    const result = unzipWithLimits(zeroBomb(4, 6), { maxEntryBytes: 5 * MIB, maxTotalBytes: 20 * MIB });
    expect(result).toMatchObject({
      ok: false,
      error: 'Refusing the archive: the archive inflates to more than 20.0 MiB.',
    });
  });

  it('refuses too many entries', () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.json`, strToU8('{}')]));
    expect(unzipWithLimits(zipSync(files), { maxEntries: 20 })).toMatchObject({
      ok: false,
      error: 'Refusing the archive: the archive has more than 20 entries.',
    });
  });

  it.each(['../evil.json', 'a/../../evil.json', '/etc/passwd', 'C:/x.json', 'a\\b.json', './x', 'a\u0000b'])(
    'refuses the entry name %j (zip slip)',
    (name) => {
      expect(unsafeEntryName(name)).not.toBeNull();
      const result = unzipWithLimits(zipSync({ [name]: strToU8('{}') }));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/^Refusing the archive: an entry name/);
    },
  );

  it('never throws on garbage, truncated or mutated archives', () => {
    const valid = zipSync({ 'a.json': strToU8('{"a":1}'.repeat(100)), 'b.md': strToU8('# b') });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.nat(valid.length).map((n) => valid.slice(0, n)),
          fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
            const copy = valid.slice();
            copy[at] = byte;
            return copy;
          }),
        ),
        (bytes) => {
          const result = unzipWithLimits(bytes);
          if (!result.ok) expect(result.error).toMatch(/^Refusing the archive: /);
        },
      ),
      { numRuns: 300 },
    );
  });
});
