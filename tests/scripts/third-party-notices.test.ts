import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionPackages, renderNotices } from '../../scripts/third-party-notices';

describe('THIRD_PARTY_NOTICES.md', () => {
  it('lists every shipped package with its license (run `npm run notices` after changing dependencies)', () => {
    const packages = productionPackages(process.cwd());
    expect(packages.length).toBeGreaterThan(5);
    expect(packages.every((p) => p.license !== 'UNKNOWN')).toBe(true);
    expect(readFileSync('THIRD_PARTY_NOTICES.md', 'utf8')).toBe(renderNotices(packages));
  });
});
