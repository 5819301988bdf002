import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOW_LIST } from '../../scripts/electronegativity';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp';
import {
  atOrAbove,
  auditAppCsp,
  formatVerdict,
  judge,
  parseElectronegativityCsv,
  ReportError,
  type Finding,
} from '../../scripts/electronegativity-report';

const fixture = (name: string) => readFileSync(`tests/fixtures/electronegativity/${name}`, 'utf8');
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';

const finding = (over: Partial<Finding> = {}): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'src/main/index.ts',
  location: '1:0',
  sample: 'new BrowserWindow(',
  description: 'Use sandbox',
  ...over,
});

describe('parseElectronegativityCsv', () => {
  it('reads a real report of an insecure app, quoted samples and N/A files included', () => {
    const findings = parseElectronegativityCsv(fixture('insecure-app.csv'), 'app');
    expect(findings.map((f) => `${f.severity} ${f.check} ${f.file}`)).toEqual([
      'MEDIUM CSP_GLOBAL_CHECK N/A',
      'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK N/A',
      'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A',
      'MEDIUM HTTP_RESOURCES_JS_CHECK app/main.js',
      'MEDIUM AUXCLICK_JS_CHECK app/main.js',
      'HIGH CONTEXT_ISOLATION_JS_CHECK app/main.js',
      'MEDIUM SANDBOX_JS_CHECK app/main.js',
      'MEDIUM OPEN_EXTERNAL_JS_CHECK app/main.js',
    ]);
    expect(findings[3]?.sample).toBe("win.loadURL('http://example.com');");
    expect(findings[0]?.sample).toBe('');
  });

  it('keeps commas, quotes and newlines inside a sample', () => {
    const csv = `${HEADER}X_CHECK,"HIGH","FIRM","a.js","1:0","f(""a"", b)\nnext","d",https://x\n`;
    expect(parseElectronegativityCsv(csv)[0]?.sample).toBe('f("a", b)\nnext');
  });

  it('reads a report without findings as an empty list', () => {
    expect(parseElectronegativityCsv(HEADER)).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    [
      'rows before the header (the upstream write race)',
      `X_CHECK,"HIGH","FIRM","a","1:0",N/A,"d",u\n${HEADER}`,
    ],
    ['a row of the wrong width', `${HEADER}X_CHECK,"HIGH","FIRM"\n`],
    ['an unknown severity', `${HEADER}X_CHECK,"SEVERE","FIRM","a","1:0",N/A,"d",u\n`],
    ['a malformed check id', `${HEADER}<script>,"HIGH","FIRM","a","1:0",N/A,"d",u\n`],
  ])('refuses %s instead of passing the scan', (_name, csv) => {
    expect(() => parseElectronegativityCsv(csv)).toThrow(ReportError);
  });
});

describe('judge', () => {
  it('fails on MEDIUM and above of any confidence, and only reports LOW and INFORMATIONAL', () => {
    expect(atOrAbove('MEDIUM')).toBe(true);
    expect(atOrAbove('CRITICAL')).toBe(true);
    expect(atOrAbove('LOW')).toBe(false);
    const verdict = judge(
      [
        finding({ severity: 'LOW' }),
        finding({ severity: 'INFORMATIONAL' }),
        finding({ severity: 'MEDIUM', confidence: 'TENTATIVE' }),
      ],
      [],
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toHaveLength(1);
    expect(verdict.belowThreshold).toHaveLength(2);
  });

  it('fails the insecure app', () => {
    const verdict = judge(parseElectronegativityCsv(fixture('insecure-app.csv'), 'app'), []);
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toHaveLength(8);
    expect(formatVerdict(verdict)).toMatch(/FAIL HIGH CONTEXT_ISOLATION_JS_CHECK at app\/main.js:2:73/);
  });

  it('lets an allow-list entry excuse only its own file and check', () => {
    const entry = { file: 'src/main/index.ts', check: 'SANDBOX_JS_CHECK', reason: 'sandbox: true elsewhere' };
    const verdict = judge([finding(), finding({ file: 'src/main/other.ts' })], [entry]);
    expect(verdict.allowed).toEqual([{ finding: finding(), entry }]);
    expect(verdict.failures.map((f) => f.file)).toEqual(['src/main/other.ts']);
    expect(verdict.ok).toBe(false);
  });

  it('fails on a stale allow-list entry and on an entry without a reason', () => {
    const stale = { file: 'src/gone.ts', check: 'SANDBOX_JS_CHECK', reason: 'was fixed' };
    const verdict = judge([], [stale]);
    expect(verdict).toMatchObject({ ok: false, unused: [stale] });
    expect(formatVerdict(verdict)).toMatch(/stale allow-list entry SANDBOX_JS_CHECK in src\/gone.ts/);
    expect(() => judge([], [{ ...stale, reason: ' ' }])).toThrow(/no reason/);
  });

  it("passes this repository's recorded scan with the project's allow-list, using every entry", () => {
    const verdict = judge(parseElectronegativityCsv(fixture('atmintis-src.csv'), 'src'), ALLOW_LIST);
    expect(verdict.failures).toEqual([]);
    expect(verdict.unused).toEqual([]);
    expect(verdict.ok).toBe(true);
  });
});

describe('auditAppCsp', () => {
  const html = (policy: string) =>
    `<head><meta\n      http-equiv="Content-Security-Policy"\n      content="${policy}"\n    /></head>`;
  const good = "default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval'";

  it('passes the app policy in the header and in index.html', () => {
    expect(auditAppCsp(readFileSync('src/renderer/index.html', 'utf8'), CONTENT_SECURITY_POLICY)).toEqual([]);
    expect(auditAppCsp(html(good), good)).toEqual([]);
  });

  it("fails when either copy gains 'unsafe-eval' or a remote origin, or the meta tag is gone", () => {
    expect(auditAppCsp(html(`${good} 'unsafe-eval'`), good)).toEqual([
      "index.html CSP: script-src allows 'unsafe-eval'",
    ]);
    expect(auditAppCsp(html(good), `${good}; connect-src https://tessdata.projectnaptha.com`)).toEqual([
      'CSP header: connect-src allows the origin or scheme https://tessdata.projectnaptha.com',
    ]);
    expect(auditAppCsp('<head></head>', good)).toEqual([
      'index.html has no Content-Security-Policy meta tag',
    ]);
  });
});
