import { describe, expect, it } from 'vitest';
import { buildBlocks, forEachPair, surnameKeys, type BlockingOptions } from '@shared/linkage/blocking';
import type { PreparedRecord } from '@shared/linkage/prepare';
import type { LinkScope } from '@shared/linkage/types';
import { defined, prepare, record, year } from './helpers';

function pairs(records: PreparedRecord[], scope: LinkScope, touching?: Set<number>): string[] {
  const keysOf = records.map(surnameKeys);
  const options: BlockingOptions = { scope, touching };
  const found: string[] = [];
  for (const block of buildBlocks(records)) {
    forEachPair(block, records, keysOf, options, (a, b) => found.push([a.id, b.id].sort().join(' ~ ')));
  }
  return found.sort();
}

// Invented people.
const lists = prepare([
  record('1', 'lt', { surname: 'Grinkevičius', givenName: 'Jonas', birthDate: year(1901) }),
  record('1', 'ru', { surname: 'Гринкевичюс', givenName: 'Иван', birthDate: year(1902) }),
  record('2', 'lt', { surname: 'Lukša', givenName: 'Ona', birthDate: year(1920) }),
  record('2', 'pl', { surname: 'Łuksza', givenName: 'Anna' }),
  record('3', 'lt', { surname: 'Petrauskas', givenName: 'Petras', birthDate: year(1890) }),
  record('3', 'ru', { surname: 'Петраускас', givenName: 'Пётр', birthDate: year(1896) }),
  record('4', 'lt', { surname: 'Mockus', givenName: 'Juozas', birthDate: year(1880) }),
  // A typo moved the surname to another Daitch–Mokotoff code; the given name and year still meet.
  record('4', 'ru', { surname: 'Мотскус', givenName: 'Иосиф', birthDate: year(1881) }),
]);

describe('blocking', () => {
  it('pairs one person across spellings and scripts, and nothing unrelated', () => {
    expect(pairs(lists, 'across')).toEqual([
      'lt/1 ~ ru/1', // Grinkevičius = Гринкевичюс, one year apart
      'lt/2 ~ pl/2', // Lukša = Łuksza, one side without a birth year
      'lt/4 ~ ru/4', // second pass: Juozas = Иосиф, same initial, a year apart
    ]);
  });

  it('never compares a pair that shares no block, or is more than two birth years apart', () => {
    // Petrauskas 1890 and Петраускас 1896 share a surname code but not the birth-year window.
    expect(pairs(lists, 'across')).not.toContain('lt/3 ~ ru/3');
    const keysOf = lists.map(surnameKeys);
    for (const block of buildBlocks(lists)) {
      forEachPair(block, lists, keysOf, { scope: 'all' }, (a, b) => {
        const sharesSurname = defined(keysOf[a.index]).some((key) => defined(keysOf[b.index]).includes(key));
        const sameGiven =
          block.pass === 2 && block.members.includes(a.index) && block.members.includes(b.index);
        expect(sharesSurname || sameGiven).toBe(true);
        if (a.birth && b.birth) expect(Math.abs(a.birth.year - b.birth.year)).toBeLessThanOrEqual(2);
      });
    }
  });

  it('compares each pair once even when it shares several codes', () => {
    const found = pairs(lists, 'all');
    expect(new Set(found).size).toBe(found.length);
  });

  it('keeps to the scope, and to the records touched in an incremental run', () => {
    const one = prepare([
      record('a', 'lt', { surname: 'Jonaitis', birthDate: year(1900) }),
      record('b', 'lt', { surname: 'Jonaitis', birthDate: year(1901) }),
      record('c', 'ru', { surname: 'Йонайтис', birthDate: year(1900) }),
    ]);
    expect(pairs(one, 'within')).toEqual(['lt/a ~ lt/b']);
    expect(pairs(one, 'across')).toEqual(['lt/a ~ ru/c', 'lt/b ~ ru/c']);
    expect(pairs(one, 'all', new Set([0]))).toEqual(['lt/a ~ lt/b', 'lt/a ~ ru/c']);
  });
});
