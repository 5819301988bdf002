/**
 * Writes the synthetic registry (bench/synthetic-registry.ts: invented people, clearly synthetic) as a
 * CSV like a historian's spreadsheet export, at test time (never committed: 200,000 rows is ~25 MB).
 */
import { generateSyntheticRegistry } from '../../bench/synthetic-registry';

export interface RegistryCsvOptions {
  persons: number;
  seed?: number;
  delimiter?: string;
}

const quote = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || cell.includes('"') || cell.includes('\n')
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;

export const REGISTRY_COLUMNS = [
  'ID',
  'Name',
  'Cyrillic spelling',
  'Birth year',
  'District',
  'Operation',
  'Destination',
  'Date',
];

/** Header + one row per synthetic person. Same options, same text. */
export function registryCsv(options: RegistryCsvOptions): string {
  const delimiter = options.delimiter ?? ',';
  const collection = generateSyntheticRegistry({ persons: options.persons, seed: options.seed ?? 1941 });
  const titles = new Map(collection.records.map((r) => [r.id, r.title]));
  const lines = [REGISTRY_COLUMNS.join(delimiter)];
  for (const record of collection.records) {
    if (record.kind !== 'person') continue;
    const target = (type: string) =>
      titles.get(record.relations.find((r) => r.type === type)?.target ?? '') ?? '';
    const born = /Born (\d{4})/.exec(record.summary)?.[1] ?? '';
    const cells = [
      record.id,
      record.title,
      record.altNames[0]?.name ?? '',
      born,
      target('origin').replace(/ district$/, ''),
      target('part-of'),
      target('destination'),
      record.date ?? '',
    ];
    lines.push(cells.map((c) => quote(c, delimiter)).join(delimiter));
  }
  return `${lines.join('\n')}\n`;
}
