/**
 * The small part of citation-js (which ships no TypeScript types) that src/shared/citations uses.
 * Kept narrow on purpose: everything else stays `unknown` until it is needed and checked.
 */
declare module '@citation-js/core' {
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T | undefined;
  }

  /** citeproc-js's CSL.Engine, as far as this app drives it. */
  export interface CiteprocEngine {
    updateItems(ids: string[], nosort?: boolean): string[];
    makeBibliography():
      | false
      | [{ entry_ids: string[][]; bibliography_errors: { itemID: string; error_code: number }[] }, string[]];
    rebuildProcessorState(
      citations: {
        citationItems: Record<string, unknown>[];
        properties: { noteIndex: number; unsorted?: boolean };
      }[],
      format: string,
      uncitedItemIds: string[],
    ): [string, number, string][];
    setOutputFormat(format: string): void;
    opt: { development_extensions: Record<string, unknown> };
  }

  interface CslPluginConfig {
    styles: Register<string>;
    locales: Register<string>;
    engine(data: object[], style: string, locale: string | undefined, format: string): CiteprocEngine;
  }

  interface BibtexPluginConfig {
    format: { useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean };
  }

  export const plugins: {
    config: {
      get(name: '@csl'): CslPluginConfig | undefined;
      get(name: '@bibtex'): BibtexPluginConfig | undefined;
    };
    output: {
      format(
        name: 'bibtex' | 'biblatex',
        data: object[],
        options: { format: 'object' },
      ): { type: string; label: string; properties: Record<string, string> }[];
      format(name: 'bibtex' | 'biblatex', data: object[], options?: Record<string, unknown>): string;
      format(name: 'ris', data: object[], options: { format: 'object' }): Record<string, string | string[]>[];
    };
    input: {
      chain(input: string, options?: Record<string, unknown>): Record<string, unknown>[];
    };
  };
}

declare module '@citation-js/plugin-csl';

/** citeproc-js itself, only where ./citeproc-macros.ts speeds up a lookup. */
declare module 'citeproc' {
  export interface CiteprocXmlNode {
    name: string;
    attrs: Record<string, string | undefined>;
    children: (CiteprocXmlNode | string)[];
  }

  interface XmlJson {
    dataObj: CiteprocXmlNode;
    getNodesByName(
      root: CiteprocXmlNode,
      name: string,
      nameAttribute?: string,
      found?: CiteprocXmlNode[],
    ): CiteprocXmlNode[];
  }

  const CSL: { XmlJSON: { prototype: XmlJson } };
  export default CSL;
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
