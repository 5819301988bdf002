/**
 * The Content Security Policy for every document the app serves (sent as a header by both the app://
 * protocol and the web harness, and repeated in index.html's meta tag). Nothing remote, no eval, no
 * inline script; workers only from the app itself.
 *
 * The one relaxation is 'wasm-unsafe-eval': offline OCR (tesseract.js) compiles WebAssembly, which
 * script-src blocks otherwise. It allows compiling WebAssembly only, never eval() or new Function(), and
 * the WebAssembly still comes only from 'self' (tests/main/security asserts exactly this).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'frame-src': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');
