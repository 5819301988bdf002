/**
 * The Reader prints a document's title above its text. Texts that open with their own title as a
 * heading (the collection's essays, imported Markdown titled from its heading) would show it twice, so
 * that first heading is left out. Passage notes made before are found again by their quotes.
 */

const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** `html` without its first element when that is an h1 reading `title`; otherwise `html` unchanged. */
export function withoutLeadingTitle(html: string, title: string): string {
  if (html === '' || fold(title) === '') return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  const first = template.content.firstElementChild;
  const before = first
    ? [...template.content.childNodes].slice(0, [...template.content.childNodes].indexOf(first))
    : [];
  const onlySpaceBefore = before.every(
    (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '',
  );
  if (!first || first.tagName !== 'H1' || !onlySpaceBefore || fold(first.textContent ?? '') !== fold(title)) {
    return html;
  }
  first.remove();
  return template.innerHTML;
}
