/**
 * Phase 5: the manifest's texts: unique ids, .md files under texts/ that exist, valid links inside them,
 * translations of an existing text in another language, and no texts/*.md file left unlisted.
 */
import type { LoadedText } from '../model';
import { MANIFEST_FILE, isSafePackagePath, type CollectionFiles } from '../package-paths';
import type { Manifest } from '../schema';
import type { ErrorSink } from './error-sink';
import type { ReferenceChecks } from './references';

export function readTexts(
  files: CollectionFiles,
  manifest: Manifest,
  sink: ErrorSink,
  checkLinks: ReferenceChecks['checkLinks'],
): LoadedText[] {
  const texts: LoadedText[] = [];
  const listed = new Set<string>();
  const textIds = new Map<string, number>();
  manifest.texts.forEach((t, i) => {
    const base = { file: MANIFEST_FILE, field: `texts[${i}]` };
    const prevId = textIds.get(t.id);
    if (prevId !== undefined) {
      sink.add({
        ...base,
        field: `texts[${i}].id`,
        message: `duplicate text id "${t.id}": also texts[${prevId}]`,
      });
    } else {
      textIds.set(t.id, i);
    }
    if (!isSafePackagePath(t.file)) {
      sink.add({
        ...base,
        field: `texts[${i}].file`,
        message: `path "${t.file}" escapes the collection folder (absolute, or contains "." or "..")`,
      });
      return;
    }
    if (!/^texts\/.+\.md$/.test(t.file)) {
      sink.add({
        ...base,
        field: `texts[${i}].file`,
        message: `"${t.file}" must be a .md file under texts/`,
      });
      return;
    }
    listed.add(t.file);
    const markdown = files.get(t.file);
    if (markdown === undefined) {
      sink.add({
        ...base,
        field: `texts[${i}].file`,
        message: `no such file "${t.file}" in the collection`,
      });
      return;
    }
    checkLinks(markdown, { file: t.file });
    texts.push({
      id: t.id,
      title: t.title,
      language: t.language,
      markdown,
      ...(t.translationOf === undefined ? {} : { translationOf: t.translationOf }),
    });
  });
  manifest.texts.forEach((t, i) => {
    if (t.translationOf === undefined) return;
    const original = manifest.texts.find((other) => other.id === t.translationOf);
    const message =
      t.translationOf === t.id
        ? 'a text cannot be a translation of itself'
        : !original
          ? `no text "${t.translationOf}" in the manifest`
          : original.language === t.language
            ? `"${t.translationOf}" is already in language "${t.language}"`
            : undefined;
    if (message) sink.add({ file: MANIFEST_FILE, field: `texts[${i}].translationOf`, message });
  });
  for (const path of files.keys()) {
    if (path.startsWith('texts/') && path.endsWith('.md') && !listed.has(path)) {
      sink.add({ file: path, message: 'text file is not listed in manifest.json "texts"' });
    }
  }
  return texts;
}
