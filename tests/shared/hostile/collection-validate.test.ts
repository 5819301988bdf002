/**
 * The pure collection validator under random and malicious packages: it never throws, always answers,
 * and every error names a file and says why in a bounded message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCollectionError } from '@shared/collection/collection-error';
import { validateCollection, type ValidationResult } from '@shared/collection/validate';
import { MINIMAL_FIXTURE, readPackageFiles } from '../collection/package-files';
import { deepJsonText, deepObjectText, nastyString, nastyValue } from './payloads';

const minimal = readPackageFiles(MINIMAL_FIXTURE);
const jsonFiles = [...minimal.keys()].filter((file) => file.endsWith('.json'));

function expectAnswered(result: ValidationResult) {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.file).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    expect(formatCollectionError(error).length).toBeLessThan(2000);
  }
}

/** Replaces the value at a random path of a JSON tree. */
function mutateAt(tree: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || tree === null || typeof tree !== 'object') return replacement;
  const entries = Object.entries(tree);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const [key, child] = entries[(head ?? 0) % entries.length] as [string, unknown];
  const copy: Record<string, unknown> = Array.isArray(tree) ? ([...tree] as never) : { ...tree };
  copy[key] = mutateAt(child, rest, replacement);
  return copy;
}

describe('validateCollection under hostile input', () => {
  it('never throws on any corruption of a valid package, and explains every refusal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...jsonFiles),
        fc.array(fc.nat(), { maxLength: 7 }),
        nastyValue,
        (file, path, replacement) => {
          const files = new Map(minimal);
          const tree = JSON.parse(files.get(file) ?? 'null') as unknown;
          files.set(file, JSON.stringify(mutateAt(tree, path, replacement)) ?? 'null');
          expectAnswered(validateCollection(files));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on packages of random files and random text', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('manifest.json', 'bibliography.json', 'records/a.json', 'texts/a.md'),
            nastyString,
          ),
          fc.oneof(
            nastyString,
            nastyValue.map((value) => JSON.stringify(value) ?? ''),
          ),
          { maxKeys: 6 },
        ),
        (entries) => expectAnswered(validateCollection(new Map(Object.entries(entries)))),
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a million nested arrays as a record file', 'records/events.json', deepJsonText(1_000_000)],
    [
      'deeply nested objects inside a record',
      'records/events.json',
      `[{"id":"x","kind":"event","title":${deepObjectText(100_000)}}]`,
    ],
    ['deeply nested manifest', 'manifest.json', `{"id":${deepJsonText(100_000)}}`],
    ['a 10 MB single field', 'records/events.json', JSON.stringify([{ id: 'x'.repeat(10_000_000) }])],
    ['a 10 MB unknown key', 'manifest.json', `{"${'k'.repeat(10_000_000)}":1}`],
  ])('refuses %s with a clear error naming the file', (_name, file, text) => {
    const files = new Map(minimal);
    files.set(file, text);
    const result = validateCollection(files);
    expect(result.ok).toBe(false);
    expectAnswered(result);
    if (!result.ok) expect(result.errors.some((error) => error.file === file)).toBe(true);
  });

  it('says where JSON nests too deeply', () => {
    const files = new Map(minimal);
    files.set('records/events.json', deepJsonText(1000));
    const result = validateCollection(files);
    expect(!result.ok && result.errors.map(formatCollectionError)).toContain(
      'records/events.json: JSON nested more than 64 levels deep (line 1, column 65); refusing to read it',
    );
  });
});
