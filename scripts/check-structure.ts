/**
 * `npm run check:structure` (part of `npm test`): fails when src/ has an import circle, a file over
 * MAX_SOURCE_LINES lines or a file named against the house style. dpdm resolves imports as TypeScript does (the @shared alias included) and,
 * without its transform option, keeps type-only imports, so a circle through types is found too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { badFileNames, importCircles, lineCount, longFiles } from './structure/rules';

const projectRoot = resolve(import.meta.dirname, '..');
const SOURCES = ['src/**/*.ts', 'src/**/*.tsx'];

const files = readdirSync(resolve(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => `src/${file.split('\\').join('/')}`)
  .sort();
const lineCounts = new Map(
  files.map((file) => [file, lineCount(readFileSync(resolve(projectRoot, file), 'utf8'))]),
);

const tree = await parseDependencyTree(SOURCES, {
  cwd: projectRoot,
  context: projectRoot,
  tsconfig: resolve(projectRoot, 'tsconfig.base.json'),
  transform: false,
  skipDynamicImports: false,
});
const circles = parseCircular(tree).map((circle) =>
  circle.map((file) => relative(projectRoot, resolve(projectRoot, file))),
);

const findings = [...importCircles(circles), ...longFiles(lineCounts), ...badFileNames(files)];
for (const finding of findings) console.error(`✗ ${finding.message}`);
if (findings.length > 0) {
  console.error(`\n${findings.length} structure problem(s) in src/ (see docs/architecture.md).`);
  process.exit(1);
}
console.log(
  `Structure: ${files.length} source files, no import circles, none over the line limit, all named in the house style.`,
);
