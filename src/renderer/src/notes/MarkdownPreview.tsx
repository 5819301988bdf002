import { useMemo, type MouseEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { renderMarkdown } from './markdown';

/**
 * Sanitised Markdown (see markdown.ts). Web links open outside the app, as ExternalLink does; in-app
 * links (`#/…`) are followed by the hash router.
 */
export function MarkdownPreview({
  source,
  collectionId,
  className = 'note-markdown',
  label,
}: {
  source: string;
  collectionId?: string;
  className?: string;
  label?: string;
}) {
  const api = useApi();
  const html = useMemo(() => renderMarkdown(source, collectionId), [source, collectionId]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href') ?? '';
    if (!/^https?:/i.test(href)) return;
    event.preventDefault();
    if (!event.isTrusted) return;
    void api.call('shell.openExternal', { url: href }).then((result) => {
      if (!result.ok || !result.value.opened) window.open(href, '_blank', 'noopener,noreferrer');
    });
  };
  return (
    // The click handler only intercepts clicks on the links inside, which are keyboard-operable.
    <div
      className={className}
      aria-label={label}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
