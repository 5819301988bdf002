import MarkdownIt from 'markdown-it';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import searchDoc from '../../../../docs/search.md?raw';

// html: false escapes any HTML in the (bundled, trusted) document; markdown-it adds no inline styles
// for tables without alignment, so the output is safe under the strict CSP.
const helpHtml = new MarkdownIt({ html: false, linkify: false }).render(searchDoc.replace(/^# .*\n/, ''));

/** The query-language documentation (docs/search.md), in a modal dialog. */
export function SyntaxHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="search-help-button" onClick={() => dialog.current?.showModal()}>
        {t('search.help')}
      </button>
      <dialog ref={dialog} className="search-help" aria-labelledby="search-help-title">
        <div className="search-help-header">
          <h2 id="search-help-title">{t('search.helpTitle')}</h2>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('search.close')}
          </button>
        </div>
        <div className="search-help-body" dangerouslySetInnerHTML={{ __html: helpHtml }} />
      </dialog>
    </>
  );
}
