import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslItemSchema, type CslItem } from '@shared/collection/schema';
import { incompleteParts } from '@shared/citations/completeness';

const BUNDLED = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../../resources/collections/lt-deportations-1940-1953/bibliography.json',
    ),
    'utf8',
  ),
) as CslItem[];

describe('incomplete references', () => {
  it('lists the declared unknown parts, and a missing or bracketed title, in a fixed order', () => {
    expect(incompleteParts({ id: 'a', type: 'book', title: 'A Title' })).toEqual([]);
    expect(incompleteParts({ id: 'b', type: 'book', author: [{ family: 'Bugai' }] })).toEqual(['title']);
    expect(incompleteParts({ id: 'c', type: 'webpage', title: '[Klaipėda events page]' })).toEqual(['title']);
    expect(
      incompleteParts({ id: 'd', type: 'book', title: 'T', 'atmintis-incomplete': ['publisher', 'issued'] }),
    ).toEqual(['issued', 'publisher']);
  });

  it('refuses an unknown part with the field and the allowed values', () => {
    const parsed = cslItemSchema.safeParse({ id: 'e', type: 'book', 'atmintis-incomplete': ['subtitle'] });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(['atmintis-incomplete', 0]);
    expect(issue?.message).toMatch(/title/);
  });

  it('marks every bundled work whose title the sources do not give, and gives no title in brackets as real', () => {
    const untitled = BUNDLED.filter((item) => !item.title);
    expect(untitled).toHaveLength(22);
    for (const item of BUNDLED) {
      const declared = item['atmintis-incomplete'] ?? [];
      const described = item.title?.startsWith('[') ?? false;
      // The data says so itself, not only the app's inference: exports and other tools see it too.
      expect(declared.includes('title'), item.id).toBe(!item.title || described);
      if (declared.includes('issued')) expect(item.issued, item.id).toBeUndefined();
      if (declared.includes('publisher')) expect(item.publisher, item.id).toBeUndefined();
      expect(cslItemSchema.safeParse(item).success, item.id).toBe(true);
    }
    expect(incompleteParts(BUNDLED.find((item) => item.id === 'bugai1992') as CslItem)).toEqual(['title']);
  });
});
