/**
 * `npm run bench:linkage -- [--people N] [--lists 2|3] [--threshold BITS] [--fuse-sample N]
 *                          [--case-numbers shared|per-list] [--json F]`
 *
 * Record linkage measured against known truth: synthetic lists of invented people
 * (bench/synthetic-lists.ts) are linked by src/shared/linkage, and the pairs at or above the threshold
 * are scored against the generator's answer (precision, recall, F1 over cross-list pairs). Two simple
 * baselines run on the same lists: exact folded surname + given name + birth year, and Fuse.js top-1 on
 * the folded name (for a sample of records, since one Fuse search scans a whole list). Prints pairs
 * compared, time and peak memory (resident set, sampled every 50 ms): the linkage run's peak (up to
 * when it returned, before the baselines) and the whole process's.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { fold } from '@shared/search/fold';
import { proposeOneToOne } from '@shared/linkage/assign';
import { DEFAULT_THRESHOLD, runLinkage } from '@shared/linkage/run';
import type { Candidate, LinkRecord } from '@shared/linkage/types';
import { generateSyntheticLists } from './synthetic-lists';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '20000' },
    lists: { type: 'string', default: '2' },
    threshold: { type: 'string' },
    'fuse-sample': { type: 'string' },
    'case-numbers': { type: 'string', default: 'shared' },
    json: { type: 'string' },
  },
});
const people = Number(values.people);
const listCount = values.lists === '3' ? 3 : 2;
const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Quality {
  predicted: number;
  correct: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
}
const quality = (predicted: number, correct: number, truePairs: number): Quality => {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = truePairs === 0 ? 0 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { predicted, correct, truePairs, precision: round(precision), recall: round(recall), f1: round(f1) };
};

let started = performance.now();
const caseNumbers = values['case-numbers'] === 'per-list' ? 'per-list' : 'shared';
const synthetic = generateSyntheticLists({ people, lists: listCount, caseNumbers });
const records: LinkRecord[] = synthetic.lists.flatMap((list) => list.records);
const generateSeconds = (performance.now() - started) / 1000;
const { truth } = synthetic;
const sizes = synthetic.lists.map((list) => `${list.id} ${list.records.length}`).join(', ');
console.log(
  `Synthetic lists of ${people} invented people: ${sizes}, case numbers ${caseNumbers} (generated in ${generateSeconds.toFixed(1)} s)`,
);

// Every pair of records (in different lists) describing the same person.
const byPerson = new Map<number, number>();
for (const person of truth.values()) byPerson.set(person, (byPerson.get(person) ?? 0) + 1);
let truePairs = 0;
for (const count of byPerson.values()) truePairs += (count * (count - 1)) / 2;
const isTrue = (a: string, b: string) => truth.get(a) === truth.get(b);

// Sweep a few thresholds from the same run: keep everything from the lowest.
const sweep = [threshold - 6, threshold - 4, threshold - 2, threshold, threshold + 2, threshold + 4];
global.gc?.();
started = performance.now();
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
const result = await runLinkage(records, { explain: false, keepAbove: Math.min(...sweep) });
const linkSeconds = (performance.now() - started) / 1000;
// On a shared machine wall time says more about the neighbours than about linkage: report CPU too.
const cpu = process.cpuUsage(cpuBefore);
const linkCpuSeconds = (cpu.user + cpu.system) / 1e6;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const collectionOf = (id: string) => id.slice(0, id.indexOf('/'));
const atThreshold = (t: number, all: readonly Candidate[]) => {
  let predicted = 0;
  let correct = 0;
  for (const candidate of proposeOneToOne(all, t, collectionOf)) {
    predicted += 1;
    if (isTrue(candidate.a, candidate.b)) correct += 1;
  }
  return quality(predicted, correct, truePairs);
};
const linkage = atThreshold(threshold, result.candidates);
const allPairs = quality(
  result.candidates.filter((c) => c.score >= threshold).length,
  result.candidates.filter((c) => c.score >= threshold && isTrue(c.a, c.b)).length,
  truePairs,
);
const curve = sweep.map((t) => ({ threshold: t, ...atThreshold(t, result.candidates) }));
const linkPeak = peakRss;

// Baseline 1: exact folded surname + given name + birth year.
const exactGroups = new Map<string, LinkRecord[]>();
for (const record of records) {
  const { surname, givenName, birthDate } = record.person;
  const year = birthDate?.edtf?.slice(0, 4);
  if (!surname || !givenName || !year) continue;
  const key = `${fold(surname)}|${fold(givenName)}|${year}`;
  const group = exactGroups.get(key);
  if (group) group.push(record);
  else exactGroups.set(key, [record]);
}
let exactPredicted = 0;
let exactCorrect = 0;
for (const group of exactGroups.values()) {
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const a = group[i] as LinkRecord;
      const b = group[j] as LinkRecord;
      if (a.collection === b.collection) continue;
      exactPredicted += 1;
      if (isTrue(a.id, b.id)) exactCorrect += 1;
    }
  }
}
const exact = quality(exactPredicted, exactCorrect, truePairs);

// Baseline 2: Fuse.js top-1 on the folded name, for a sample of the first list against the others.
const nameOf = (record: LinkRecord) =>
  fold(`${record.person.surname ?? ''} ${record.person.givenName ?? ''}`);
// One Fuse search scans a whole list (about 20 µs a name), so the sample is bounded by a time budget too.
const fuseSample = Number(values['fuse-sample'] ?? 1000);
const FUSE_BUDGET_MS = 60_000;
const [first, ...others] = synthetic.lists;
started = performance.now();
let fusePredicted = 0;
let fuseCorrect = 0;
let fuseTruePairs = 0;
let fuseQueries = 0;
const sample = (first?.records ?? [])
  .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / fuseSample)) === 0)
  .slice(0, fuseSample);
for (const other of others) {
  const fuse = new Fuse(
    other.records.map((record) => ({ id: record.id, name: nameOf(record) })),
    { keys: ['name'], includeScore: true },
  );
  const present = new Set(other.records.map((record) => truth.get(record.id)));
  const budgetEnd = performance.now() + FUSE_BUDGET_MS / others.length;
  for (const record of sample) {
    if (performance.now() > budgetEnd) break;
    fuseQueries += 1;
    if (present.has(truth.get(record.id))) fuseTruePairs += 1;
    const top = fuse.search(nameOf(record), { limit: 1 })[0];
    if (!top) continue;
    fusePredicted += 1;
    if (isTrue(record.id, top.item.id)) fuseCorrect += 1;
  }
}
const fuseSeconds = (performance.now() - started) / 1000;
const fuseQuality = quality(fusePredicted, fuseCorrect, fuseTruePairs);
clearInterval(sampler);
// The Fuse baseline indexes a whole list and can outgrow the linkage run: the whole process's peak is
// reported beside the linkage peak (taken when the run returned, before any baseline started).
const processPeak = Math.max(peakRss, process.memoryUsage().rss);

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const line = (name: string, q: Quality) =>
  `  ${name.padEnd(44)} precision ${pct(q.precision)}  recall ${pct(q.recall)}  F1 ${pct(q.f1)}  (${q.correct}/${q.predicted} predicted, ${q.truePairs} true pairs)`;
console.log(
  `Linkage: ${result.records} records, ${result.blocks} blocks, ${result.pairsCompared} pairs compared ` +
    `(${result.ruledOut} ruled out by birth years, ${result.familyPairs} rescored for shared family members), ` +
    `${linkSeconds.toFixed(1)} s wall, ` +
    `${linkCpuSeconds.toFixed(1)} s CPU, ` +
    `peak RSS ${mib(linkPeak)} MiB (${mib(rssBefore)} MiB before the run, lists included)`,
);
console.log(`Threshold ${threshold} bits:`);
console.log(line('linkage, one-to-one proposals (default)', linkage));
console.log(line('linkage, every pair above the threshold', allPairs));
console.log(line('baseline: exact folded name + birth year', exact));
console.log(
  line(`baseline: Fuse.js top-1 on folded name (${fuseQueries} queries)`, fuseQuality) +
    ` ${fuseSeconds.toFixed(1)} s`,
);
console.log(
  `Peak RSS: linkage run ${mib(linkPeak)} MiB (sampled until the run returned, before the baselines); ` +
    `whole process ${mib(processPeak)} MiB (baselines included)`,
);
console.log('Threshold sweep (same run):');
for (const point of curve) console.log(line(`  ≥ ${point.threshold} bits`, point));

if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        synthetic: true,
        people,
        caseNumbers,
        lists: synthetic.lists.map((list) => ({ id: list.id, records: list.records.length })),
        records: result.records,
        blocks: result.blocks,
        pairsCompared: result.pairsCompared,
        ruledOut: result.ruledOut,
        familyPairs: result.familyPairs,
        seconds: Math.round(linkSeconds * 10) / 10,
        cpuSeconds: Math.round(linkCpuSeconds * 10) / 10,
        peakRssMiB: mib(linkPeak),
        processPeakRssMiB: mib(processPeak),
        threshold,
        linkage,
        everyPairAboveThreshold: allPairs,
        curve,
        baselines: {
          exactNameAndYear: exact,
          fuseTop1: { ...fuseQuality, queries: fuseQueries, seconds: Math.round(fuseSeconds * 10) / 10 },
        },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${values.json}`);
}
