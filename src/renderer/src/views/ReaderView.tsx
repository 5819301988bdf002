import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import type { DocumentSummary } from '@shared/documents/model';
import { useCollection } from '../collection/use-collection';
import { localizedManifest } from '../collection/localized';
import { DocumentDetails } from '../reader/DocumentDetails';
import { DOCUMENTS_NOTE_COLLECTION } from '@shared/links';
import { ReaderDocument } from '../reader/ReaderDocument';
import { ReaderLibrary } from '../reader/ReaderLibrary';
import { collectionTextToHtml } from '../reader/render';
import { useDocument } from '../reader/use-documents';
import { Loading } from '../shell/Loading';
import { ReturnLink } from '../shell/ReturnLink';
import { ViewHeading } from '../shell/ViewHeading';

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * Mounted with `nest` at /reader: `/` is the library, `/document/<id>` an imported document and
 * `/<collectionId>/<textId>[#anchor]` a collection's long text (the address search results link to).
 * Either may end in `/note/<noteId>`: the text opens with that passage note focused (see
 * passageNotePath in shared/links.ts).
 */
export default function ReaderView() {
  return (
    <Switch>
      <Route path="/document/:documentId/note/:noteId">
        {(params) => (
          <DocumentRoute
            key={params.documentId}
            documentId={decode(params.documentId)}
            focusNoteId={decode(params.noteId)}
          />
        )}
      </Route>
      <Route path="/document/:documentId">
        {(params) => <DocumentRoute key={params.documentId} documentId={decode(params.documentId)} />}
      </Route>
      <Route path="/:collectionId/:textId/note/:noteId">
        {(params) => (
          <TextRoute
            key={`${params.collectionId}/${params.textId}`}
            collectionId={decode(params.collectionId)}
            textId={decode(params.textId)}
            focusNoteId={decode(params.noteId)}
          />
        )}
      </Route>
      <Route path="/:collectionId/:textId">
        {(params) => {
          // The hash router leaves a section anchor on the last segment: `overview#june-1941`.
          const [textId = '', anchor] = params.textId.split('#');
          return (
            <TextRoute
              key={`${params.collectionId}/${textId}`}
              collectionId={decode(params.collectionId)}
              textId={decode(textId)}
              anchor={anchor ? decode(anchor) : undefined}
            />
          );
        }}
      </Route>
      <Route>
        <LibraryRoute />
      </Route>
    </Switch>
  );
}

function LibraryRoute() {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="reader-heading">
      <ViewHeading id="reader-heading">{t('reader.title')}</ViewHeading>
      <p className="view-intro">{t('reader.intro')}</p>
      <ReaderLibrary />
    </section>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="no-print">
      <ReturnLink href="~/reader" label={t('reader.back')} />
    </p>
  );
}

function Failure({ children }: { children: ReactNode }) {
  return (
    <section className="view">
      <BackLink />
      <p role="alert" className="error-text">
        {children}
      </p>
    </section>
  );
}

function TextRoute({
  collectionId,
  textId,
  anchor,
  focusNoteId,
}: {
  collectionId: string;
  textId: string;
  anchor?: string;
  focusNoteId?: string;
}) {
  const { t, i18n } = useTranslation();
  const state = useCollection(collectionId);
  const collection = state.status === 'ok' ? state.value : undefined;
  const text = collection?.texts.find((entry) => entry.id === textId);
  const html = useMemo(() => {
    if (!collection || !text) return '';
    const claims = new Map<string, string>();
    for (const record of collection.records)
      for (const claim of record.claims) claims.set(claim.id, record.id);
    return collectionTextToHtml(text.markdown, collectionId, (claimId) => claims.get(claimId));
  }, [collection, text, collectionId]);
  if (state.status === 'loading') return <Loading label={t('reader.loading')} />;
  if (state.status === 'error')
    return <Failure>{t('error.loadFailed', { message: state.error.message })}</Failure>;
  if (!collection || !text) {
    return (
      <Failure>
        {t('reader.errors.noText', { textId, collection: collection?.manifest.title ?? collectionId })}
      </Failure>
    );
  }
  return (
    <section className="view reader-view">
      <BackLink />
      <ReaderDocument
        title={text.title}
        html={html}
        documentKey={`text/${collectionId}/${textId}`}
        noteTarget={{ collectionId, textId }}
        collection={collection}
        initialAnchor={anchor}
        focusNoteId={focusNoteId}
      >
        <p className="reader-byline">{localizedManifest(collection.manifest, i18n.language).title}</p>
      </ReaderDocument>
    </section>
  );
}

function DocumentRoute({ documentId, focusNoteId }: { documentId: string; focusNoteId?: string }) {
  const { t } = useTranslation();
  const state = useDocument(documentId);
  const [edited, setEdited] = useState<DocumentSummary | null>(null);
  const pdf = state.status === 'ok' ? state.value.pdf : undefined;
  // pdf.js is loaded only when a PDF is opened.
  const renderInto = useCallback(
    async (container: HTMLElement) => {
      const { renderPdfInto } = await import('../reader/pdf');
      return renderPdfInto(container, pdf ?? new Uint8Array(), (page) => t('reader.pdfPage', { page }));
    },
    [pdf, t],
  );
  if (state.status === 'loading') return <Loading label={t('reader.loading')} />;
  if (state.status === 'error') return <Failure>{state.error.message}</Failure>;
  const summary = edited ?? state.value.summary;
  return (
    <section className="view reader-view">
      <BackLink />
      <ReaderDocument
        title={summary.metadata.title}
        html={state.value.html}
        renderInto={pdf ? renderInto : undefined}
        documentKey={`document/${documentId}`}
        noteTarget={{ collectionId: DOCUMENTS_NOTE_COLLECTION, textId: documentId }}
        focusNoteId={focusNoteId}
      >
        <DocumentDetails summary={summary} onSaved={setEdited} />
      </ReaderDocument>
    </section>
  );
}
