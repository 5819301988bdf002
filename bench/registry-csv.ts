/**
 * A SYNTHETIC registry as a 20-column CSV with Lithuanian headers, shaped like a real list (name parts,
 * sex, birth dates in mixed forms, places, case numbers shared by families, repression words, sources,
 * remarks, one column no field takes). People come from bench/synthetic-registry.ts: every one is
 * invented. Used by bench/import.ts; never committed (200,000 rows is tens of MB).
 */
import {
  DESTINATIONS,
  DISTRICTS,
  OPERATIONS,
  generateSyntheticRegistry,
  seededRandom,
} from './synthetic-registry';

export const REGISTRY_20_COLUMNS = [
  'Eil. Nr.',
  'Pavardė',
  'Vardas',
  'Tėvo vardas',
  'Lytis',
  'Gimimo data',
  'Gimimo vieta',
  'Tautybė',
  'Profesija',
  'Gyvenamoji vieta',
  'Bylos Nr.',
  'Šeima',
  'Ištrėmimo data',
  'Operacija',
  'Tremties vieta',
  'Likimas',
  'Grįžo',
  'Mirties data',
  'Šaltinis',
  'Kita',
] as const;

const FATHERS = ['Jono', 'Antano', 'Juozo', 'Petro', 'Kazio', 'Jurgio', 'Vinco'];
const JOBS = ['ūkininkas', 'mokytojas', 'tarnautojas', 'darbininkas', 'namų šeimininkė', 'kunigas', ''];
const FATES = ['Ištremtas', 'Ištremta', 'Mirė tremtyje', 'Grįžo', 'Suimtas, nuteistas 10 m.', 'Sušaudytas'];
const ROLES = ['šeimos galva', 'žmona', 'sūnus', 'duktė', 'motina'];

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Header + one 20-cell row per synthetic person. Same options, same text. */
export function registryCsv20(persons: number, seed = 1941): string {
  const random = seededRandom(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const collection = generateSyntheticRegistry({ persons, seed });
  const lines = [REGISTRY_20_COLUMNS.join(',')];
  let n = 0;
  let caseNo = 0;
  for (const record of collection.records) {
    if (record.kind !== 'person') continue;
    n += 1;
    if (random() < 0.35) caseNo += 1;
    const [given = '', surname = ''] = record.title.split(' ');
    const female = /(ė|ienė|aitė|ytė|utė|ūtė)$/.test(surname);
    const born = 1870 + Math.floor(random() * 80);
    const birth = pick([
      String(born),
      `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}.0${1 + Math.floor(random() * 9)}.${born}`,
      `apie ${born}`,
      `${born} 0${1 + Math.floor(random() * 9)} 1${Math.floor(random() * 9)}`,
    ]);
    const operation = pick(OPERATIONS);
    const day = pick(operation.days);
    const fate = pick(FATES);
    const cells = [
      String(n),
      surname,
      given,
      pick(FATHERS),
      female ? 'M' : 'V',
      birth,
      `${pick(DISTRICTS)} aps.`,
      'lietuvis',
      pick(JOBS),
      `${pick(DISTRICTS)} aps., ${pick(DISTRICTS)} vls.`,
      `B-${caseNo}`,
      pick(ROLES),
      day.replaceAll('-', ' '),
      operation.title,
      pick(DESTINATIONS).lt,
      fate,
      fate === 'Grįžo' ? String(1956 + Math.floor(random() * 10)) : '',
      fate === 'Mirė tremtyje' ? String(1941 + Math.floor(random() * 15)) : '',
      `Sintetinis sąrašas, p. ${1 + Math.floor(n / 40)}`,
      random() < 0.1 ? 'sintetinis įrašas' : '',
    ];
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
