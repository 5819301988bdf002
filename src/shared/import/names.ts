/**
 * Splitting a whole name ("ФИО") into surname, given name and patronymic — only where the split is
 * unambiguous; otherwise the name stays whole. Pure.
 */

const PATRONYMIC = /(?:вич|вна|ична|инична|оглы|кызы|vich|vna|ovič|evič|ovna|evna)$/iu;
const WORD = /^[\p{L}][\p{L}'’-]*$/u;
const isUpperWord = (w: string) => w.length > 1 && w === w.toLocaleUpperCase() && w !== w.toLocaleLowerCase();

export interface NameParts {
  surname: string;
  givenName: string;
  patronymic?: string;
}

/**
 * Unambiguous forms only:
 * - "Surname Given Patronymic" where the third word is a patronymic (Russian order, as clerks wrote it);
 * - "SURNAME Given" or "SURNAME Given Patronymic": the surname set in capitals, as memorial books do.
 */
export function fullNameParts(fullName: string): NameParts | undefined {
  const words = fullName.trim().split(/\s+/);
  if (!words.every((w) => WORD.test(w))) return undefined;
  const [a, b, c] = words;
  if (a === undefined || b === undefined) return undefined;
  if (words.length === 3 && c !== undefined && PATRONYMIC.test(c) && !PATRONYMIC.test(b)) {
    return { surname: a, givenName: b, patronymic: c };
  }
  if (
    isUpperWord(a) &&
    !isUpperWord(b) &&
    (words.length === 2 || (words.length === 3 && c !== undefined && !isUpperWord(c) && PATRONYMIC.test(c)))
  ) {
    return c === undefined ? { surname: a, givenName: b } : { surname: a, givenName: b, patronymic: c };
  }
  return undefined;
}
