/**
 * A nesting-depth check for untrusted JSON text, run before JSON.parse. V8 parses deep JSON fine, but
 * everything after it (zod, JSON.stringify in an error message, structured clone over IPC, React)
 * recurses and dies with "Maximum call stack size exceeded" somewhere far from the cause. No file this
 * app reads legitimately nests more than a dozen levels, so anything deeper is refused up front with a
 * message that says where.
 */

/** Generous: collections and notes backups nest at most ~8 levels. */
export const MAX_JSON_DEPTH = 64;

interface TooDeep {
  depth: number;
  /** 1-based line and column of the bracket that went too deep. */
  line: number;
  column: number;
}

/**
 * The first place where `text` opens more than `maxDepth` nested arrays/objects, or null. Linear,
 * allocation-free, and aware of strings (brackets inside "…" do not count). It does not validate the
 * JSON: JSON.parse does that afterwards.
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_JSON_DEPTH): TooDeep | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the whole string with native searches (strings are most of a backup's text): its end is
      // the next quote not escaped by an odd run of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end === -1) return null; // unterminated: JSON.parse reports it
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c /* \ */) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > maxDepth) return locate(text, i, depth);
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

function locate(text: string, offset: number, depth: number): TooDeep {
  let line = 1;
  let lineStart = -1;
  for (let j = text.indexOf('\n'); j !== -1 && j < offset; j = text.indexOf('\n', j + 1)) {
    line++;
    lineStart = j;
  }
  return { depth, line, column: offset - lineStart };
}

/** "nested more than 64 levels deep (line 1, column 65)" */
export function describeExcessiveNesting(found: TooDeep, maxDepth = MAX_JSON_DEPTH): string {
  return `nested more than ${maxDepth} levels deep (line ${found.line}, column ${found.column})`;
}
