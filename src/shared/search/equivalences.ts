/**
 * Equivalent names: the forms one place or one given name takes across languages and regimes (Vilnius =
 * Вильно = Wilno = Vilne; Jonas = Иван = Jan = Johann), so that a query in one form finds a record
 * written in another. The bundled lists live in resources/gazetteer (see its README for the format and
 * for the status of each entry); a collection adds its own through its place records' names.
 *
 * Matching is per word, on folded words (fold.ts): a form's generic words (губерния, uezd, kraštas…)
 * are dropped, so "Виленская губерния" contributes "виленская", which is as specific as the place.
 * Forms that folding already brings together (Красноярск = Krasnoyarsk) need no entry.
 */
import { z } from 'zod';
import placesJson from '../../../resources/gazetteer/places.json';
import givenNamesJson from '../../../resources/gazetteer/given-names.json';
import { fold, foldedWords } from './fold';

export type EquivalenceKind = 'place' | 'given-name' | 'patronymic';

/** One group of equivalent forms (a place, or a given name with its patronymics). */
export interface EquivalenceGroup {
  id: string;
  /** The form shown as the name of the group (a place's present-day name, the Lithuanian name). */
  canonical: string;
  kind: 'place' | 'given-name';
  forms: readonly string[];
  /** Words formed from the name that mean "child of" it (Юрьевич): found, never searched from. */
  patronymics?: readonly string[];
}

/** How a word of a document is equivalent to a query word. */
export interface Equivalent {
  /** The form as listed (Вильно), for showing the match. */
  form: string;
  canonical: string;
  kind: EquivalenceKind;
}

const sourceSchema = z
  .object({
    status: z.enum(['sourced', 'unverified']),
    note: z.string().min(1).optional(),
    /** A bibliography entry of the collection attesting the forms; required when sourced. */
    source: z.string().min(1).optional(),
    locator: z.string().min(1).optional(),
  })
  .refine((source) => source.status !== 'sourced' || source.source !== undefined, {
    message: 'an entry marked "sourced" names its source (a bibliography id)',
    path: ['source'],
  })
  .refine((source) => source.status !== 'unverified' || source.note !== undefined, {
    message: 'an unverified entry says plainly where it comes from (note)',
    path: ['note'],
  });
const formSchema = z.object({
  form: z.string().min(1),
  lang: z.string().min(2),
  note: z.string().optional(),
});
const withSource = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, source: sourceSchema });

export const placesFileSchema = z.object({
  format: z.literal('atmintis-gazetteer'),
  version: z.literal(1),
  kind: z.literal('places'),
  places: z.array(
    withSource({
      id: z.string().min(1),
      name: z.string().min(1),
      type: z.string().min(1),
      within: z.array(z.string().min(1)).optional(),
      coordinates: z
        .object({
          lat: z.number().min(-90).max(90),
          lon: z.number().min(-180).max(180),
          status: z.enum(['sourced', 'unverified']),
          note: z.string().optional(),
        })
        .optional(),
      forms: z.array(formSchema).min(1),
      note: z.string().optional(),
    }),
  ),
});

export const givenNamesFileSchema = z.object({
  format: z.literal('atmintis-gazetteer'),
  version: z.literal(1),
  kind: z.literal('given-names'),
  names: z.array(
    withSource({
      id: z.string().min(1),
      forms: z.array(formSchema).min(2),
      patronymics: z
        .array(z.object({ form: z.string().min(1), lang: z.string().min(2), sex: z.enum(['m', 'f']) }))
        .optional(),
      note: z.string().optional(),
    }),
  ),
});

/** Parses a gazetteer file; the error names the file, the entry and the field at fault. */
export function parseGazetteer(json: unknown, fileName: string): EquivalenceGroup[] {
  const kind = (json as { kind?: unknown } | null)?.kind;
  const schema = kind === 'given-names' ? givenNamesFileSchema : placesFileSchema;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new Error(`${fileName}: ${where}: ${issue?.message ?? 'not a gazetteer file'}`);
  }
  const data = parsed.data;
  if (data.kind === 'places') {
    return data.places.map((place) => ({
      id: `place:${place.id}`,
      canonical: place.name,
      kind: 'place' as const,
      forms: [place.name, ...place.forms.map((form) => form.form)],
    }));
  }
  return data.names.map((name) => ({
    id: `name:${name.id}`,
    canonical: name.forms[0]?.form ?? name.id,
    kind: 'given-name' as const,
    forms: name.forms.map((form) => form.form),
    patronymics: (name.patronymics ?? []).map((patronymic) => patronymic.form),
  }));
}

/** The bundled lists (resources/gazetteer), checked by tests/shared/search/equivalences.test.ts. */
export const BUNDLED_EQUIVALENCES: readonly EquivalenceGroup[] = [
  ...parseGazetteer(placesJson, 'resources/gazetteer/places.json'),
  ...parseGazetteer(givenNamesJson, 'resources/gazetteer/given-names.json'),
];

/** Words that say what kind of place a form names, not which one. */
const GENERIC_WORDS = new Set(
  [
    'губерния',
    'уезд',
    'край',
    'область',
    'АССР',
    'gubernia',
    'powiat',
    'województwo',
    'gubernija',
    'apskritis',
    'vaivadija',
    'kraštas',
    'sritis',
    'governorate',
    'uezd',
    'voivodeship',
    'krai',
    'oblast',
    'ASSR',
  ].flatMap((word) => [fold(word), fold(word, { carons: 'drop' })]),
);

/** The specific words of a form, folded both ways (š→sh and š→s). */
function keyWords(form: string): string[] {
  const words = new Set<string>();
  for (const carons of ['digraph', 'drop'] as const) {
    for (const word of foldedWords(fold(form, { carons }))) if (!GENERIC_WORDS.has(word)) words.add(word);
  }
  return [...words];
}

/** Folded word → the words equivalent to it, with what to show for each. */
export class EquivalenceTable {
  private readonly groupsOf = new Map<string, number[]>();
  private readonly words: { word: string; equivalent: Equivalent }[][] = [];

  constructor(groups: readonly EquivalenceGroup[]) {
    groups.forEach((group, g) => {
      const words: { word: string; equivalent: Equivalent }[] = [];
      const add = (form: string, kind: EquivalenceKind, searchable: boolean) => {
        for (const word of keyWords(form)) {
          words.push({ word, equivalent: { form, canonical: group.canonical, kind } });
          if (!searchable) continue;
          const list = this.groupsOf.get(word);
          if (!list) this.groupsOf.set(word, [g]);
          else if (!list.includes(g)) list.push(g);
        }
      };
      for (const form of group.forms) add(form, group.kind, true);
      for (const form of group.patronymics ?? []) add(form, 'patronymic', false);
      this.words.push(words);
    });
  }

  get size(): number {
    return this.groupsOf.size;
  }

  /** The words equivalent to a folded query word (not the word itself), first listing of each. */
  equivalentsOf(word: string): Map<string, Equivalent> {
    const found = new Map<string, Equivalent>();
    for (const g of this.groupsOf.get(word) ?? []) {
      for (const entry of this.words[g] ?? []) {
        if (entry.word !== word && !found.has(entry.word)) found.set(entry.word, entry.equivalent);
      }
    }
    return found;
  }
}
