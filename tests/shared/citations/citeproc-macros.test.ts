import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import CSL, { type CiteprocXmlNode } from 'citeproc';
import { describe, expect, it } from 'vitest';
import { indexCiteprocMacros } from '@shared/citations/citeproc-macros';

interface Lookup {
  getNodesByName(root: CiteprocXmlNode, name: string, nameAttribute?: string): CiteprocXmlNode[];
}
const citeproc = CSL as unknown as {
  parseXml(xml: string): CiteprocXmlNode;
  XmlJSON: new (tree: CiteprocXmlNode) => Lookup;
};

const style = readFileSync(
  resolve(import.meta.dirname, '../../../resources/csl/chicago-author-date.csl'),
  'utf8',
);

describe('the macro index citeproc compiles with', () => {
  it('finds the very nodes the tree walk finds, for every macro, and nothing for an unknown one', () => {
    const tree = citeproc.parseXml(style);
    const names = [...style.matchAll(/<macro name="([^"]+)"/g)].map((match) => match[1] as string);
    expect(names.length).toBeGreaterThan(50);
    const walked = names.map((name) => new citeproc.XmlJSON(tree).getNodesByName(tree, 'macro', name));
    indexCiteprocMacros();
    const lookup = new citeproc.XmlJSON(tree);
    names.forEach((name, index) => {
      const found = lookup.getNodesByName(tree, 'macro', name);
      expect(found).toHaveLength(1);
      expect(found[0]).toBe(walked[index]?.[0]);
    });
    expect(lookup.getNodesByName(tree, 'macro', 'test-no-such-macro')).toEqual([]);
    // Other lookups still walk the tree.
    expect(lookup.getNodesByName(tree, 'macro')).toHaveLength(names.length);
  });
});
