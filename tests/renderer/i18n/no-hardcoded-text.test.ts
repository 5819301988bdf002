import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No interface text may bypass i18next. This parses every renderer .tsx file with the TypeScript
 * compiler and reports JSX text and user-visible string attributes that contain words. Punctuation,
 * symbols and numbers between elements (" · ", "(", "%") are not language and are allowed.
 */
const ROOT = join(__dirname, '../../../src/renderer/src');
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Two letters or more in a row: a word, not a unit symbol or a lone "×". */
const WORD = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

function hardCodedText(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${relative(ROOT, fileName)}:${line + 1}`;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) {
      found.push(`${where(node)} text "${node.text.trim()}"`);
    }
    if (
      ts.isJsxAttribute(node) &&
      VISIBLE_ATTRIBUTES.has(node.name.getText(file)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      WORD.test(node.initializer.text)
    ) {
      found.push(`${where(node)} ${node.name.getText(file)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no hard-coded interface text', () => {
  it('finds JSX text and visible attributes in a sample, and ignores symbols', () => {
    const sample = `const a = <p title="Open it">Hello <b>{t('x')}</b> · 70 %</p>;
      const b = <img alt={t('y')} aria-label="×" />;`;
    expect(hardCodedText(join(ROOT, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:1 title="Open it"',
      'sample.tsx:1 text "Hello"',
    ]);
  });

  it('renderer components put every word through i18next', () => {
    const files = tsxFiles(ROOT);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => hardCodedText(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
