/**
 * The house rules for the shape of the source tree (issue 14), as pure judgements over data the caller
 * gathers: no import circles among source files, and no source file longer than a newcomer can hold in
 * mind. Type-only imports count as edges: a type cycle still ties the modules' meaning together.
 */

export const MAX_SOURCE_LINES = 450;

export interface StructureFinding {
  rule: 'import-circle' | 'file-too-long' | 'file-name';
  message: string;
}

export function longFiles(
  lineCounts: ReadonlyMap<string, number>,
  max = MAX_SOURCE_LINES,
): StructureFinding[] {
  return [...lineCounts]
    .filter(([, lines]) => lines > max)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, lines]) => ({
      rule: 'file-too-long',
      message: `${file} has ${lines} lines (at most ${max}): split it along its seams.`,
    }));
}

export function importCircles(circles: readonly (readonly string[])[]): StructureFinding[] {
  return circles.map((circle) => ({
    rule: 'import-circle',
    message: `Import circle: ${[...circle, circle[0]].join(' → ')}`,
  }));
}

/** Modules are kebab-case (`use-result.ts`, `search.worker.ts`); React components are PascalCase `.tsx`. */
const KEBAB_MODULE = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*\.tsx?$/;
const COMPONENT = /^[A-Z][A-Za-z0-9]*\.tsx$/;

export function badFileNames(files: readonly string[]): StructureFinding[] {
  return files
    .filter((file) => {
      const name = file.slice(file.lastIndexOf('/') + 1);
      return !KEBAB_MODULE.test(name) && !COMPONENT.test(name);
    })
    .map((file) => ({
      rule: 'file-name',
      message: `${file}: name modules in kebab-case (e.g. use-result.ts) and components in PascalCase (.tsx).`,
    }));
}

/** Counts lines the way an editor shows them: a final newline does not start another line. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.match(/\n/g)?.length ?? 0;
  return text.endsWith('\n') ? newlines : newlines + 1;
}
