/**
 * "Cite this" in the user's chosen CSL style (the Bibliography's style and reference language): the
 * item's reference and one sheet's, formatted by the CSL worker from the item as a CSL-JSON manuscript
 * (@shared/photos/item-csl). The archival form stays above it.
 */
import { useTranslation } from 'react-i18next';
import type { Item } from '@shared/photos/item';
import { itemToCsl } from '@shared/photos/item-csl';
import { CopyButton } from '../bibliography/CopyButton';
import { FormattedHtml } from '../bibliography/FormattedHtml';
import { StyleChooser } from '../bibliography/StyleChooser';
import { WithFormatter } from '../bibliography/WithFormatter';

export function CiteItemCsl({ item, sheetIndex }: { item: Item; sheetIndex: number | null }) {
  const { t } = useTranslation();
  const works = [
    { label: t('photos.cite.cslItem'), csl: itemToCsl(item) },
    ...(sheetIndex === null ? [] : [{ label: t('photos.cite.cslSheet'), csl: itemToCsl(item, sheetIndex) }]),
  ];
  return (
    <>
      <StyleChooser />
      <WithFormatter
        deps={[JSON.stringify(works.map((work) => work.csl))]}
        load={(client, options) => Promise.all(works.map((work) => client.reference(work.csl, options)))}
      >
        {(references) => (
          <>
            {works.map((work, index) => {
              const formatted = references[index];
              return (
                <div key={work.csl.id} className="cite-reference">
                  <p>
                    {work.label}:{' '}
                    {formatted ? (
                      <span className="formatted-reference">
                        <FormattedHtml html={formatted.html} />
                      </span>
                    ) : (
                      t('photos.cite.cslNothing')
                    )}
                  </p>
                  {formatted && (
                    <CopyButton
                      text={formatted.text}
                      label={t('bibliography.cite.copyReference')}
                      accessibleName={`${t('bibliography.cite.copyReference')}: ${work.label}`}
                    />
                  )}
                </div>
              );
            })}
          </>
        )}
      </WithFormatter>
    </>
  );
}
