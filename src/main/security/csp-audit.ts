/**
 * The rules every Content Security Policy of the app must keep, as a check that names each breach: no
 * eval and no inline script (only 'wasm-unsafe-eval', and only in script-src, for offline OCR), no remote
 * origin or wildcard, and local schemes only where the app needs them (data:/blob: images, blob: workers).
 * Run on the served policy and index.html's meta tag by the security tests and `npm run security:electron`.
 */

/** Unquoted sources allowed per directive; anything else unquoted is a host, origin or scheme. */
const LOCAL_SCHEMES: Readonly<Record<string, readonly string[]>> = {
  'img-src': ['data:', 'blob:'],
  'worker-src': ['blob:'],
};

const FORBIDDEN_KEYWORDS = ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", "'strict-dynamic'"];
const ALLOWED_KEYWORDS = ["'self'", "'none'", "'wasm-unsafe-eval'"];

export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  const directives = parseCsp(policy);
  if (directives.get('default-src')?.join(' ') !== "'self'") problems.push("default-src must be 'self'");
  if (directives.get('object-src')?.join(' ') !== "'none'") problems.push("object-src must be 'none'");
  for (const [directive, sources] of directives) {
    for (const source of sources) {
      const keyword = source.toLowerCase();
      if (FORBIDDEN_KEYWORDS.includes(keyword)) problems.push(`${directive} allows ${source}`);
      else if (keyword === "'wasm-unsafe-eval'" && directive !== 'script-src')
        problems.push(`${directive} allows 'wasm-unsafe-eval' (only script-src may, for WebAssembly)`);
      else if (keyword.startsWith("'")) {
        if (!ALLOWED_KEYWORDS.includes(keyword)) problems.push(`${directive} allows ${source}`);
      } else if (!(LOCAL_SCHEMES[directive] ?? []).includes(keyword)) {
        problems.push(`${directive} allows the origin or scheme ${source}`);
      }
    }
  }
  return problems;
}
