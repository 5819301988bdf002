/**
 * Status and kind badges keep their whole label inside their outline in real layout, whatever the label's
 * length: Lithuanian labels ("Pagrįsta šaltiniu") are longer than English ones and used to break out of
 * the pill when a narrow table cell wrapped them.
 */

import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

const e2e = useE2e();

interface BadgeBox {
  text: string;
  boxes: number;
  overflowsSelf: boolean;
  overflowsCell: boolean;
}

describe('badges fit their labels', () => {
  it.each([
    ['lt', 'Pagrįsta šaltiniu'],
    ['en', 'Sourced'],
  ] as const)('on a record page in a narrow window (%s)', async (language, sourced) => {
    const { page, context, errors } = await e2e.visit('/browse/record/lt-deportations-1940-1953/op-vesna', {
      viewport: { width: 640, height: 900 },
      language,
    });
    await page.getByText(sourced, { exact: true }).first().waitFor();
    const badges: BadgeBox[] = await page.locator('.badge').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        const cell = element.closest('td, th, p, li')?.getBoundingClientRect();
        return {
          text: element.textContent ?? '',
          // A label broken across lines draws its outline in pieces: one box per line.
          boxes: element.getClientRects().length,
          overflowsSelf: element.scrollWidth > element.clientWidth + 1,
          overflowsCell: cell ? box.right > cell.right + 1 || box.left < cell.left - 1 : false,
        };
      }),
    );
    expect(badges.filter((badge) => badge.text === sourced).length).toBeGreaterThan(0);
    expect(badges.filter((badge) => badge.boxes !== 1 || badge.overflowsSelf || badge.overflowsCell)).toEqual(
      [],
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
