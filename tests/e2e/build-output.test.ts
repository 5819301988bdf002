import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` runs `electron-vite build` before Vitest; these check what it produced.
describe('electron-vite build output', () => {
  it('has main, a CommonJS preload that requires only electron, and the renderer', () => {
    expect(existsSync('out/main/index.js')).toBe(true);
    expect(existsSync('out/renderer/index.html')).toBe(true);
    const preload = readFileSync('out/preload/index.cjs', 'utf8');
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/\bexport\s+(default|const|function|\{)/);
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('serves no remote resources from the renderer HTML', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
  });
});
