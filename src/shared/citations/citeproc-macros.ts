/**
 * Compiling a style is most of the wait before the first formatted reference (seconds for Chicago on a
 * slow machine), and a good part of it is citeproc-js finding macros: every time it expands one, it
 * walks the whole style tree for the macro's node (Chicago author-date: about 11,000 expansions over a
 * tree of thousands of nodes). This answers that lookup from an index of the tree's macros by name,
 * built on the first lookup: the same nodes, in the same order, as the walk finds. Any other lookup, or
 * a name the index lacks, still walks the tree.
 */
import CSL, { type CiteprocXmlNode } from 'citeproc';

let installed = false;

export function indexCiteprocMacros(): void {
  if (installed) return;
  installed = true;
  const prototype = CSL.XmlJSON.prototype;
  const walk = prototype.getNodesByName;
  const indexes = new WeakMap<CiteprocXmlNode, Map<string, CiteprocXmlNode[]>>();
  const indexOf = (owner: typeof prototype, root: CiteprocXmlNode) => {
    const index = new Map<string, CiteprocXmlNode[]>();
    for (const node of walk.call(owner, root, 'macro')) {
      const name = node.attrs.name ?? '';
      index.set(name, [...(index.get(name) ?? []), node]);
    }
    indexes.set(root, index);
    return index;
  };
  prototype.getNodesByName = function getNodesByName(root, name, nameAttribute, found) {
    if (name !== 'macro' || !nameAttribute || found || !root || root !== this.dataObj) {
      return walk.call(this, root, name, nameAttribute, found);
    }
    let nodes = (indexes.get(root) ?? indexOf(this, root)).get(nameAttribute);
    // Not in the index: the tree may have changed since it was made (or the macro does not exist).
    if (!nodes) nodes = indexOf(this, root).get(nameAttribute);
    return nodes ? [...nodes] : [];
  };
}
