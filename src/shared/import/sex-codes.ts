/**
 * Reading a registry's sex column. Words are unambiguous in every language we import, but one-letter
 * codes are not: a Lithuanian list writes V (vyras) for men and M (moteris) for women, while Russian,
 * Polish, German and English lists write M for men (мужской, mężczyzna, männlich, male) and Ж, K, W or F
 * for women. Reading M as "male" everywhere turned every woman of a Lithuanian list into a man. So the
 * mapping says which code system a file uses (suggested from the column's header and values, shown in the
 * preview, changeable by the user); the cell text is always kept as written either way. Pure.
 */
import type { Sex } from '../collection/person';

export const SEX_CODE_SYSTEMS = ['lithuanian', 'common'] as const;
export type SexCodeSystem = (typeof SEX_CODE_SYSTEMS)[number];

const MALE_WORDS =
  /^(male|man|м|муж\.?|мужской|мужчина|v|vyr\.?|vyras|vyriška|mężczyzna|mężczyz\.?|männlich|mann)$/iu;
const FEMALE_WORDS =
  /^(f|female|woman|ж|жен\.?|женский|женщина|mot\.?|moteris|moteriška|k|kobieta|weiblich|frau|w)$/iu;

/** The sex a cell states in the given code system; undefined when it states none we know. */
export function readSexCode(text: string, system: SexCodeSystem): Sex | undefined {
  const value = text.trim();
  // Only the Latin letter M differs between the systems (Cyrillic М is always мужской).
  if (/^m\.?$/iu.test(value)) return system === 'lithuanian' ? 'female' : 'male';
  if (MALE_WORDS.test(value)) return 'male';
  if (FEMALE_WORDS.test(value)) return 'female';
  return undefined;
}

const LITHUANIAN_HEADER = /^lytis$/iu;
/** Codes only a Lithuanian list uses (V), or words only it writes. */
const LITHUANIAN_VALUES = /^(v\.?|vyr\.?|vyras|vyriška|mot\.?|moteris|moteriška)$/iu;
/** Codes that pair with M = male. */
const COMMON_VALUES = /^(f|k|w|ж|жен\.?)$/iu;

/**
 * Which system a sex column uses, from its values first (V beside M is Lithuanian; F, K, W or Ж beside
 * M is not), then from its header (Lithuanian "Lytis"), else the common one.
 */
export function inferSexCodes(header: string, values: readonly string[]): SexCodeSystem {
  let lithuanian = 0;
  let common = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (LITHUANIAN_VALUES.test(value)) lithuanian += 1;
    else if (COMMON_VALUES.test(value)) common += 1;
  }
  if (lithuanian !== common) return lithuanian > common ? 'lithuanian' : 'common';
  return LITHUANIAN_HEADER.test(header.trim()) ? 'lithuanian' : 'common';
}
