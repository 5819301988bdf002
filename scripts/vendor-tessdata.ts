/**
 * `npx tsx scripts/vendor-tessdata.ts`: vendors Tesseract's language data for OCR into resources/tessdata/
 * from Debian's `tesseract-ocr-<lang>` packages, so the app never fetches a model at run time and every
 * file can be traced to the package (and the upstream tessdata commit) it came from.
 *
 * Run by hand on a Debian-like machine (needs apt-get and dpkg-deb), never at build or test time; commit
 * what it writes. tests/scripts/vendor-tessdata.test.ts checks each committed file against SOURCES.json.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The languages of our sources: Lithuanian, Russian, Polish, German, English (Tesseract's codes). */
export const TESSDATA_LANGUAGES = ['lit', 'rus', 'pol', 'deu', 'eng'] as const;
export type TessdataLanguage = (typeof TESSDATA_LANGUAGES)[number];

export interface TessdataSource {
  language: TessdataLanguage;
  file: string;
  sha256: string;
  size: number;
  license: 'Apache-2.0';
  debianPackage: string;
  debianVersion: string;
  debianSource: string;
  debSha256: string;
  upstream: string;
  upstreamCommit: string | null;
}

export interface TessdataSources {
  note: string;
  files: TessdataSource[];
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The `Source:` field of a machine-readable debian/copyright file: where upstream lives. */
export function parseCopyrightSource(copyright: string): string {
  const match = /^Source:\s*(\S+)/m.exec(copyright);
  if (!match?.[1]) throw new Error('debian/copyright has no Source: field');
  return match[1].replace(/\/$/, '');
}

/** The upstream commit Debian's maintainer recorded in the changelog ("* Commit: <sha>"), if any. */
export function parseChangelogCommit(changelog: string): string | null {
  return /Commit:\s*([0-9a-f]{40})/.exec(changelog)?.[1] ?? null;
}

/** Every problem with the vendored files in `dir` (missing, wrong size or digest, unlisted); [] if none. */
export function verifyTessdata(dir: string): string[] {
  const sources = JSON.parse(readFileSync(join(dir, 'SOURCES.json'), 'utf8')) as TessdataSources;
  const problems: string[] = [];
  for (const language of TESSDATA_LANGUAGES) {
    if (!sources.files.some((entry) => entry.language === language))
      problems.push(`SOURCES.json lists no file for ${language}`);
  }
  for (const entry of sources.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, entry.file));
    } catch {
      problems.push(`${entry.file}: listed in SOURCES.json but missing`);
      continue;
    }
    if (bytes.length !== entry.size)
      problems.push(`${entry.file}: ${bytes.length} bytes, expected ${entry.size}`);
    const digest = sha256Hex(bytes);
    if (digest !== entry.sha256) problems.push(`${entry.file}: sha256 ${digest}, expected ${entry.sha256}`);
  }
  const listed = new Set(sources.files.map((entry) => entry.file));
  for (const name of readdirSync(dir).filter((name) => name.endsWith('.traineddata'))) {
    if (!listed.has(name)) problems.push(`${name}: not listed in SOURCES.json`);
  }
  return problems;
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.trim() ?? `exit ${result.status}`}`,
    );
  }
  return result.stdout;
}

function vendorOne(language: TessdataLanguage, workDir: string, targetDir: string): TessdataSource {
  const debianPackage = `tesseract-ocr-${language}`;
  const packageDir = join(workDir, language);
  mkdirSync(packageDir);
  run('apt-get', ['download', debianPackage], packageDir);
  const deb = readdirSync(packageDir).find((name) => name.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${debianPackage} left no .deb in ${packageDir}`);
  const debPath = join(packageDir, deb);
  const field = (name: string) => run('dpkg-deb', ['-f', debPath, name], packageDir).trim();
  const extracted = join(packageDir, 'x');
  run('dpkg-deb', ['-x', debPath, extracted], packageDir);

  const shareDir = join(extracted, 'usr/share/tesseract-ocr');
  const file = `${language}.traineddata`;
  const found = readdirSync(shareDir)
    .map((version) => join(shareDir, version, 'tessdata', file))
    .find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${deb} has no ${file} under usr/share/tesseract-ocr/*/tessdata`);
  const bytes = readFileSync(found);
  copyFileSync(found, join(targetDir, file));

  const docDir = join(extracted, 'usr/share/doc', debianPackage);
  const copyright = readFileSync(join(docDir, 'copyright'), 'utf8');
  if (!/^License:\s*Apache-2\.0/m.test(copyright))
    throw new Error(`${deb}: debian/copyright does not say Apache-2.0; refusing to vendor it`);
  const changelog = gunzipSync(readFileSync(join(docDir, 'changelog.Debian.gz'))).toString('utf8');

  return {
    language,
    file,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    license: 'Apache-2.0',
    debianPackage,
    debianVersion: field('Version'),
    debianSource: field('Source') || debianPackage,
    debSha256: sha256Hex(readFileSync(debPath)),
    upstream: parseCopyrightSource(copyright),
    upstreamCommit: parseChangelogCommit(changelog),
  };
}

const NOTICE = `# Tesseract language data

The \`*.traineddata\` files here are Tesseract OCR models for Lithuanian (lit), Russian (rus), Polish
(pol), German (deu) and English (eng), taken unchanged from Debian's \`tesseract-ocr-<lang>\` packages,
which package Google's tessdata_fast models (LSTM only, integer): https://github.com/tesseract-ocr/tessdata_fast

Copyright 2006-2022 Google Inc. and 1988-1995 Hewlett Packard Company (per each package's
debian/copyright). Licensed under the Apache License, Version 2.0 (see LICENSE in this folder).

SOURCES.json records, for each file, the Debian package and version it came from, the sha256 of the
.deb and of the file, its size and the upstream commit Debian names. The files are regenerated only by
\`npx tsx scripts/vendor-tessdata.ts\`; tests/scripts/vendor-tessdata.test.ts checks them.
`;

function main(): void {
  const root = resolve(import.meta.dirname, '..');
  const targetDir = join(root, 'resources/tessdata');
  mkdirSync(targetDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'atmintis-tessdata-'));
  try {
    const files = TESSDATA_LANGUAGES.map((language) => vendorOne(language, workDir, targetDir));
    const sources: TessdataSources = {
      note: 'Written by scripts/vendor-tessdata.ts from Debian packages; do not edit by hand.',
      files,
    };
    writeFileSync(join(targetDir, 'SOURCES.json'), JSON.stringify(sources, null, 2) + '\n');
    copyFileSync('/usr/share/common-licenses/Apache-2.0', join(targetDir, 'LICENSE'));
    writeFileSync(join(targetDir, 'README.md'), NOTICE);
    const total = files.reduce((sum, entry) => sum + entry.size, 0);
    for (const entry of files)
      console.log(`${entry.file}\t${entry.size}\t${entry.debianPackage} ${entry.debianVersion}`);
    console.log(`total ${total} bytes in ${targetDir}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
