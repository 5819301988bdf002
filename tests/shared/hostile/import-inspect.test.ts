/**
 * The collection importer's entry point (src/shared/import/pipeline.ts) under random and malicious
 * files of every format it accepts: it never throws and answers every refusal with errors naming the
 * file. (Size and zip-bomb limits of the importer are its own tests' business; see the hostile-input
 * notes in the report of issue 8.)
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectImport } from '@shared/import/pipeline';
import { deepJsonText, deepObjectText, nastyString, nastyValue } from './payloads';

const NAMES = ['people.csv', 'people.tsv', 'collection.json', 'collection.jsonl', 'package.zip', 'notes.txt'];
const encode = (text: string) => new TextEncoder().encode(text);

function expectAnswered(result: ReturnType<typeof inspectImport>, file: string) {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.file?.startsWith(file)).toBe(true);
    expect(error.reason.length).toBeGreaterThan(0);
  }
}

describe('inspectImport under hostile input', () => {
  it('never throws on random bytes, text or JSON under any accepted file name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          nastyString.map(encode),
          nastyValue.map((value) => encode(JSON.stringify(value) ?? '')),
        ),
        (file, bytes) => expectAnswered(inspectImport(file, bytes), file),
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['collection.json', `{"records":[${deepJsonText(1_000_000)}]}`],
    ['collection.json', `{"manifest":${deepObjectText(100_000)},"records":[]}`],
    ['collection.jsonl', `${deepJsonText(500_000)}\n`],
  ])('answers deeply nested %s with an error', (file, text) => {
    const result = inspectImport(file, encode(text));
    expect(result.ok).toBe(false);
    expectAnswered(result, file);
  });

  it('refuses zip entries that climb out of the package', () => {
    const result = inspectImport('package.zip', zipSync({ '../evil.json': strToU8('{}') }));
    expect(result.ok).toBe(false);
    expectAnswered(result, 'package.zip');
  });
});
