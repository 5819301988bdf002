/**
 * The pure half of the Electronegativity gate (scripts/electronegativity.ts runs the tool): reads the
 * CSV it writes and decides whether the scan passes. The tool itself always exits 0, so this is what
 * makes a finding fail `npm test`.
 *
 * Rules: every finding of MEDIUM severity or higher fails, whatever its confidence, unless the
 * allow-list names its file and check with a reason. An allow-list entry that no longer matches any
 * finding also fails, so exceptions cannot outlive the code they excuse.
 */
import Papa from 'papaparse';
import { cspProblems } from '../src/main/security/csp-audit';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const FAIL_AT: Severity = 'MEDIUM';

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Path as the scan reports it, prefixed with the scanned folder: `src/main/index.ts`. */
  file: string;
  /** `line:column`. */
  location: string;
  sample: string;
  description: string;
}

export interface AllowedFinding {
  file: string;
  check: string;
  /** Why this finding is not a problem, in one line. */
  reason: string;
}

export interface Verdict {
  ok: boolean;
  /** Findings at or above FAIL_AT that no allow-list entry covers. */
  failures: Finding[];
  /** Findings at or above FAIL_AT that an entry covers, with the entry. */
  allowed: Array<{ finding: Finding; entry: AllowedFinding }>;
  /** Allow-list entries that matched nothing (stale). */
  unused: AllowedFinding[];
  /** Findings below FAIL_AT (reported, never failing). */
  belowThreshold: Finding[];
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/** Thrown when the tool's output cannot be trusted: a scan that cannot be read must not pass. */
export class ReportError extends Error {
  override name = 'ReportError';
}

/**
 * Parses Electronegativity's CSV (header `issue, severity, confidence, filename, location, sample,
 * description, url`). `prefix` is the scanned folder, joined to each relative file name. Strict: a
 * missing header, a row of the wrong width or an unknown severity is an error, not a skipped row.
 */
export function parseElectronegativityCsv(csv: string, prefix = ''): Finding[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const fatal = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (fatal)
    throw new ReportError(`Unreadable Electronegativity CSV, row ${fatal.row ?? '?'}: ${fatal.message}`);
  const [header, ...rows] = parsed.data;
  if (!header || header.map((cell) => cell.trim().toLowerCase()).join(',') !== HEADER.join(',')) {
    throw new ReportError(
      `Unexpected Electronegativity CSV header ${JSON.stringify(header?.join(',') ?? '(empty file)')}; expected "${HEADER.join(', ')}"`,
    );
  }
  return rows.map((row, index) => {
    const line = index + 2;
    if (row.length !== HEADER.length) {
      throw new ReportError(
        `Electronegativity CSV line ${line} has ${row.length} fields, expected ${HEADER.length}`,
      );
    }
    const [check, severity, confidence, file, location, sample, description] = row as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^[A-Z0-9_]+$/.test(check)) {
      throw new ReportError(`Electronegativity CSV line ${line}: "${check}" is not a check id`);
    }
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new ReportError(
        `Electronegativity CSV line ${line}: unknown severity "${severity}" for ${check}`,
      );
    }
    const normalised = file.replace(/\\/g, '/');
    return {
      check,
      severity: severity as Severity,
      confidence,
      file: prefix && normalised !== 'N/A' ? `${prefix.replace(/\/$/, '')}/${normalised}` : normalised,
      location,
      sample: sample === 'N/A' ? '' : sample,
      description,
    };
  });
}

export function atOrAbove(severity: Severity, threshold: Severity = FAIL_AT): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

export function judge(findings: readonly Finding[], allowList: readonly AllowedFinding[]): Verdict {
  for (const entry of allowList) {
    if (entry.reason.trim() === '')
      throw new ReportError(`Allow-list entry ${entry.file} ${entry.check} has no reason`);
  }
  const used = new Set<AllowedFinding>();
  const verdict: Verdict = { ok: true, failures: [], allowed: [], unused: [], belowThreshold: [] };
  for (const finding of findings) {
    if (!atOrAbove(finding.severity)) {
      verdict.belowThreshold.push(finding);
      continue;
    }
    const entry = allowList.find((e) => e.file === finding.file && e.check === finding.check);
    if (entry) {
      used.add(entry);
      verdict.allowed.push({ finding, entry });
    } else {
      verdict.failures.push(finding);
    }
  }
  verdict.unused = allowList.filter((entry) => !used.has(entry));
  verdict.ok = verdict.failures.length === 0 && verdict.unused.length === 0;
  return verdict;
}

export function formatVerdict(verdict: Verdict): string {
  const lines: string[] = [];
  for (const f of verdict.failures) {
    lines.push(`FAIL ${f.severity} ${f.check} at ${f.file}:${f.location} — ${f.description}: ${f.sample}`);
  }
  for (const e of verdict.unused) {
    lines.push(`FAIL stale allow-list entry ${e.check} in ${e.file} (no such finding any more; remove it)`);
  }
  for (const { finding, entry } of verdict.allowed) {
    lines.push(
      `allowed ${finding.severity} ${finding.check} at ${finding.file}:${finding.location} — ${entry.reason}`,
    );
  }
  for (const f of verdict.belowThreshold) {
    lines.push(`note ${f.severity} ${f.check} at ${f.file}:${f.location} — ${f.description}`);
  }
  const counts = `${verdict.failures.length} failing, ${verdict.allowed.length} allowed, ${verdict.belowThreshold.length} below ${FAIL_AT}`;
  lines.push(
    verdict.ok ? `Electronegativity: passed (${counts}).` : `Electronegativity: FAILED (${counts}).`,
  );
  return lines.join('\n');
}

/**
 * The CSP half of the gate. Electronegativity's CSP evaluator predates 'wasm-unsafe-eval' (it calls it
 * "an invalid CSP keyword", a LOW note) and never fails on a weak policy, so the app's own rules
 * (src/main/security/csp-audit.ts) are checked here on both copies of the policy: the header and
 * index.html's meta tag. Returns each breach; [] when both keep the rules.
 */
export function auditAppCsp(indexHtml: string, headerPolicy: string): string[] {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(indexHtml)?.[1];
  if (meta === undefined) return ['index.html has no Content-Security-Policy meta tag'];
  return [
    ...cspProblems(headerPolicy).map((problem) => `CSP header: ${problem}`),
    ...cspProblems(meta).map((problem) => `index.html CSP: ${problem}`),
  ];
}
