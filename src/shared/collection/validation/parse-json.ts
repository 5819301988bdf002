/** Reading one package file as JSON, with the line and column of a syntax error and a nesting limit. */
import { describeExcessiveNesting, findExcessiveNesting } from '../../json/nesting';
import type { ErrorSink } from './error-sink';

export function parseJson(
  file: string,
  text: string,
  sink: ErrorSink,
  nestingChecked = false,
): { ok: true; value: unknown } | { ok: false } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Deep nesting parses, but then crashes the recursive validation and rendering; refuse it here.
  // (Text already known to hold schema-valid records is as shallow as the schema.)
  const tooDeep = nestingChecked ? null : findExcessiveNesting(body);
  if (tooDeep) {
    sink.add({ file, message: `JSON ${describeExcessiveNesting(tooDeep)}; refusing to read it` });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const pos = /at position (\d+)/.exec(raw);
    const reason = raw
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .trim();
    if (pos) {
      const offset = Number(pos[1]);
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      sink.add({ file, message: `invalid JSON at line ${line}, column ${column}: ${reason}` });
    } else {
      const lines = body.split('\n');
      sink.add({
        file,
        message: `invalid JSON at line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}: ${reason}`,
      });
    }
    return { ok: false };
  }
}
