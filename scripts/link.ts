/**
 * `npm run link -- <collection-dir> [<collection-dir>…] [--json out.json] [--scope across|within|all]
 *  [--threshold BITS] [--keep-above BITS]`
 *
 * Finds the same people across (or within) collection folders with src/shared/linkage and writes the
 * scored candidates, each with its field-by-field explanation, as JSON. Collections are read with the
 * app's own loader and validator, read-only. Prints a summary and the best candidates; exits 1 when a
 * collection cannot be loaded (nothing is written), 2 on bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { loadCollectionFromDirectory } from '../src/main/collection/load-collection';
import { proposeOneToOne } from '@shared/linkage/assign';
import { CANDIDATES_FORMAT, type CandidatesExport } from '@shared/linkage/export';
import { linkRecordsOf } from '@shared/linkage/from-collection';
import { DEFAULT_REVIEW_FLOOR, DEFAULT_THRESHOLD, runLinkage } from '@shared/linkage/run';
import type { LinkRecord, LinkScope } from '@shared/linkage/types';

const USAGE =
  'Usage: npm run link -- <collection-dir> [<collection-dir>…] [--json out.json] ' +
  '[--scope across|within|all] [--threshold BITS] [--keep-above BITS]';

function usage(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) usage(`${name} must be a number of bits, not "${value}"`);
  return parsed;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      scope: { type: 'string' },
      threshold: { type: 'string' },
      'keep-above': { type: 'string' },
    },
  });
  if (positionals.length === 0) usage('Give at least one collection folder.');
  const scopes: LinkScope[] = ['across', 'within', 'all'];
  if (values.scope !== undefined && !scopes.includes(values.scope as LinkScope))
    usage(`--scope must be one of ${scopes.join(', ')}`);
  const threshold = number(values.threshold, '--threshold', DEFAULT_THRESHOLD);
  const keepAbove = number(values['keep-above'], '--keep-above', Math.min(DEFAULT_REVIEW_FLOOR, threshold));

  const records: LinkRecord[] = [];
  const collections: string[] = [];
  for (const dir of positionals) {
    const loaded = await loadCollectionFromDirectory(resolve(dir));
    if (!loaded.ok) {
      console.error(`Linkage failed; nothing was written. ${loaded.error.message}`);
      for (const error of (loaded.error.details ?? []) as CollectionError[])
        console.error(`  ${formatCollectionError(error)}`);
      return 1;
    }
    const id = loaded.value.manifest.id;
    if (collections.includes(id)) usage(`Collection "${id}" is given twice (${dir}).`);
    collections.push(id);
    const people = linkRecordsOf(loaded.value);
    console.log(`${dir}: collection "${id}", ${people.length} person records`);
    records.push(...people);
  }

  const started = performance.now();
  const scope = values.scope as LinkScope | undefined;
  const result = await runLinkage(records, { scope, keepAbove });
  const seconds = (performance.now() - started) / 1000;
  const collectionOf = new Map(records.map((record) => [record.id, record.collection]));
  const proposed = proposeOneToOne(result.candidates, threshold, (id) => collectionOf.get(id) ?? '');
  const proposedKeys = new Set(proposed.map((candidate) => `${candidate.a}\n${candidate.b}`));
  console.log(
    `Linked ${result.records} records (${result.scope}) in ${seconds.toFixed(1)} s: ${result.pairsCompared} pairs ` +
      `compared, ${result.ruledOut} ruled out by birth years, ${result.candidates.length} candidates at or above ` +
      `${keepAbove} bits, ${proposed.length} proposed as the same person (one-to-one, at or above ${threshold} bits)`,
  );
  if (result.skipped.length > 0)
    console.log(
      `${result.skipped.length} record(s) have no name and were not linked: ${result.skipped.slice(0, 10).join(', ')}`,
    );
  for (const candidate of result.candidates.slice(0, 10)) {
    const agreed = candidate.fields
      .filter((field) => field.outcome === 'agree')
      .map((field) => field.field)
      .join(', ');
    console.log(
      `  ${candidate.score.toFixed(1)} bits  ${candidate.a} ~ ${candidate.b}  (agree: ${agreed || 'none'})`,
    );
  }

  if (values.json) {
    const output: CandidatesExport = {
      format: CANDIDATES_FORMAT,
      version: 1,
      collections,
      scope: result.scope,
      threshold,
      keepAbove,
      records: result.records,
      pairsCompared: result.pairsCompared,
      ruledOut: result.ruledOut,
      candidates: result.candidates.map((candidate) => ({
        ...candidate,
        proposed: proposedKeys.has(`${candidate.a}\n${candidate.b}`),
      })),
    };
    writeFileSync(values.json, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`Wrote ${result.candidates.length} candidates to ${values.json}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Linkage failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
