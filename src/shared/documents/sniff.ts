/**
 * Which kind of document a file is, judged from its bytes rather than its name: a renamed image or
 * archive must be refused, not shown as garbage. The extension only decides between the text kinds
 * that bytes cannot tell apart (Markdown and plain text).
 */
import { MAX_DOCUMENT_BYTES, type DocumentKind } from './model';

type SniffResult = { ok: true; kind: DocumentKind } | { ok: false; code: string; message: string };

const PDF_MAGIC = '%PDF-';
/** Look for HTML markers this far into the file: real HTML declares itself early. */
const HTML_WINDOW = 2048;
const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdown|mkd)$/i;
const HTML_EXTENSIONS = /\.(html?|xhtml)$/i;

function startsWith(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i += 1) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** UTF-8 text without NUL or other C0 control bytes (tab, newline, carriage return and form feed allowed). */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000e-\u001f]/.test(text) ? null : text;
}

function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, HTML_WINDOW)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return /^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(head) || /<html[\s>]/.test(head);
}

export function sniffDocument(fileName: string, bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, code: 'empty-document', message: `"${fileName}" is empty` };
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      code: 'document-too-large',
      message: `"${fileName}" is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; documents may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
    };
  }
  if (startsWith(bytes, PDF_MAGIC)) return { ok: true, kind: 'pdf' };
  const text = decodeText(bytes);
  if (text === null) {
    return {
      ok: false,
      code: 'unsupported-document',
      message: `"${fileName}" is neither a PDF nor UTF-8 text; the Reader opens Markdown, plain text, HTML and PDF files`,
    };
  }
  if (looksLikeHtml(text) || (HTML_EXTENSIONS.test(fileName) && /<[a-z!]/i.test(text))) {
    return { ok: true, kind: 'html' };
  }
  return { ok: true, kind: MARKDOWN_EXTENSIONS.test(fileName) ? 'markdown' : 'text' };
}
