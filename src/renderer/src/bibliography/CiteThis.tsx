/**
 * "Cite this": a button opening a small dialog with the reference of a claim's or record's source in
 * the chosen style and the in-text citation (or note) at the claim's page, each with a Copy button.
 *
 *   <CiteButton collection={collection} references={[claim]} subject="about 17,500 people" />
 *
 * `references` are claims or record citations (`{ source, locator, via }`); those without a source are
 * skipped, and with none left the button is not rendered.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim, CslItem } from '@shared/collection/schema';
import type { LoadedCollection } from '@shared/collection/model';
import { citationStyle } from '@shared/citations/styles';
import { CopyButton } from './CopyButton';
import { FormattedHtml } from './FormattedHtml';
import { IncompleteMark } from './IncompleteMark';
import { shortLabel } from './model';
import { StyleChooser } from './StyleChooser';
import { WithFormatter } from './WithFormatter';
import type { FormatOptions, FormattedText } from '@shared/citations/formatter';
import './bibliography.css';

export type CiteReference = Pick<Claim, 'source' | 'locator' | 'via'>;

export interface CiteButtonProps {
  collection: Pick<LoadedCollection, 'bibliography'>;
  references: readonly CiteReference[];
  /** What is cited, for the button's accessible name and the dialog's heading ("about 17,500 people"). */
  subject?: string;
}

interface ResolvedReference {
  key: string;
  source: CslItem;
  locator: string | null;
  via: CslItem | undefined;
}

function resolve(
  references: readonly CiteReference[],
  bibliography: readonly CslItem[],
): ResolvedReference[] {
  const byId = new Map(bibliography.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const resolved: ResolvedReference[] = [];
  for (const reference of references) {
    const source = reference.source ? byId.get(reference.source) : undefined;
    if (!source) continue;
    const key = `${source.id}|${reference.locator ?? ''}|${reference.via ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    resolved.push({
      key,
      source,
      locator: reference.locator ?? null,
      via: reference.via ? byId.get(reference.via) : undefined,
    });
  }
  return resolved;
}

export function CiteButton({ collection, references, subject }: CiteButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const resolved = resolve(references, collection.bibliography);
  if (resolved.length === 0) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="cite-button"
        aria-haspopup="dialog"
        aria-label={subject ? t('bibliography.cite.buttonFor', { subject }) : undefined}
        onClick={() => setOpen(true)}
      >
        {t('bibliography.cite.button')}
      </button>
      {open && (
        <CiteDialog
          references={resolved}
          subject={subject}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}

function CiteDialog({
  references,
  subject,
  onClose,
}: {
  references: ResolvedReference[];
  subject: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Modal: the page behind is inert and Esc closes it (the browser's own dialog behaviour).
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="cite-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>
        {subject ? t('bibliography.cite.titleFor', { subject }) : t('bibliography.cite.title')}
      </h2>
      <StyleChooser />
      {references.map((reference) => (
        <CiteReferenceBlock key={reference.key} reference={reference} />
      ))}
      <div className="button-row">
        <button type="button" onClick={() => ref.current?.close()}>
          {t('bibliography.cite.close')}
        </button>
      </div>
    </dialog>
  );
}

function CiteReferenceBlock({ reference }: { reference: ResolvedReference }) {
  const { t } = useTranslation();
  const viaPrefix = t('bibliography.cite.viaPrefix');
  const works = reference.via ? [reference.source, reference.via] : [reference.source];
  return (
    <WithFormatter
      className="cite-block"
      deps={[reference.source, reference.via, reference.locator, viaPrefix]}
      load={async (client, options) => {
        const [citation, ...references] = await Promise.all([
          client.citation(
            {
              source: reference.source,
              locator: reference.locator,
              ...(reference.via && { via: reference.via, viaPrefix }),
            },
            options,
          ),
          ...works.map((work) => client.reference(work, options)),
        ]);
        return { citation: citation as FormattedText, references };
      }}
    >
      {({ citation, references }, options) => (
        <CiteReferenceBody works={works} citation={citation} references={references} options={options} />
      )}
    </WithFormatter>
  );
}

function CiteReferenceBody({
  works,
  citation,
  references,
  options,
}: {
  works: CslItem[];
  citation: FormattedText;
  /** Each work's reference (null where the style prints nothing), in the order of `works`. */
  references: (FormattedText | null)[];
  options: FormatOptions;
}) {
  const { t } = useTranslation();
  const isNote = citationStyle(options.style).citationForm === 'note';
  return (
    <section>
      <h3>{isNote ? t('bibliography.cite.note') : t('bibliography.cite.inText')}</h3>
      <p className="formatted-citation">
        <FormattedHtml html={citation.html} />
      </p>
      {works.map((work) => (
        <IncompleteMark key={work.id} item={work} as="p" />
      ))}
      <CopyButton
        text={citation.text}
        label={isNote ? t('bibliography.cite.copyNote') : t('bibliography.cite.copyInText')}
      />
      <h3>{works.length > 1 ? t('bibliography.cite.references') : t('bibliography.cite.reference')}</h3>
      {works.map((work, index) => {
        const formatted = references[index];
        return formatted ? (
          <div key={work.id} className="cite-reference">
            <p className="formatted-reference">
              <FormattedHtml html={formatted.html} />
            </p>
            <IncompleteMark item={work} as="p" />
            <CopyButton
              text={formatted.text}
              label={t('bibliography.cite.copyReference')}
              accessibleName={
                works.length > 1
                  ? t('bibliography.cite.copyReferenceOf', {
                      work: shortLabel(work, (names) => t('bibliography.editedBy', { names })),
                    })
                  : undefined
              }
            />
          </div>
        ) : (
          <div key={work.id} className="cite-reference">
            <p className="meta">{t('bibliography.noReference')}</p>
            <IncompleteMark item={work} as="p" />
          </div>
        );
      })}
    </section>
  );
}
