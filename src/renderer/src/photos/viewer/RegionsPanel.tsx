/**
 * The regions of the open photo as a list (the keyboard's and screen readers' way to them), and the
 * selected region's note: Markdown, tags and transcription, saved like every other note.
 */
import { useTranslation } from 'react-i18next';
import type { Note, RegionTarget } from '@shared/notes/model';
import type { OcrWordTuple } from '@shared/notes/region-ocr';
import type { OcrLanguage } from '@shared/ocr/languages';
import { NoteEditor } from '../../notes/NoteEditor';
import { UndoBar } from '../../notes/UndoBar';
import { useTrashWithUndo } from '../../notes/use-trash-with-undo';
import { TranscriptionField, type FocusWord } from './TranscriptionField';

export type RegionNote = Note & { target: RegionTarget };

/** What the transcription's OCR needs from the viewer. */
export interface RegionOcrContext {
  photoUrl: string;
  originalWidth: number | null;
  defaultLanguages: readonly OcrLanguage[];
  /** The whole-page region and its read request, or null. */
  request: { noteId: string; nonce: number } | null;
  onReadPage: () => void;
  focusWord: FocusWord | null;
  onFocusWord: (noteId: string, word: OcrWordTuple | null) => void;
  /** The region covering the whole photo, which "Read the whole page" fills. */
  wholePageId: string | null;
}

function summary(note: RegionNote): string {
  const text = note.body.trim() || note.target.transcription.trim();
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

export function RegionsPanel({
  regions,
  selectedId,
  onSelect,
  ocr,
}: {
  regions: readonly RegionNote[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  ocr: RegionOcrContext;
}) {
  const { t } = useTranslation();
  const trash = useTrashWithUndo();
  const selected = regions.find((region) => region.id === selectedId) ?? null;
  return (
    <aside className="regions-panel" aria-labelledby="regions-heading">
      <h2 id="regions-heading">{t('photoViewer.regions.title')}</h2>
      <button type="button" disabled={!ocr.originalWidth} onClick={ocr.onReadPage}>
        {t('ocr.readPage')}
      </button>
      {regions.length === 0 ? <p className="regions-empty">{t('photoViewer.regions.none')}</p> : null}
      <ol className="regions-list">
        {regions.map((region, index) => (
          <li key={region.id}>
            <button
              type="button"
              aria-pressed={region.id === selectedId}
              onClick={() => onSelect(region.id === selectedId ? null : region.id)}
            >
              {t(
                `photoViewer.regions.${region.target.selector.type === 'SvgSelector' ? 'polygon' : 'rectangle'}`,
                {
                  n: index + 1,
                },
              )}
              {region.id === ocr.wholePageId ? ` (${t('ocr.wholePage')})` : null}
              {summary(region) ? <span className="region-summary"> — {summary(region)}</span> : null}
            </button>
          </li>
        ))}
      </ol>
      {selected ? (
        <section
          className="region-note"
          aria-label={t('photoViewer.regions.noteOf', { n: regions.indexOf(selected) + 1 })}
        >
          <NoteEditor
            key={selected.id}
            initial={{
              id: selected.id,
              target: selected.target,
              body: selected.body,
              tags: selected.tags,
              colour: selected.colour,
            }}
            autoFocus={false}
            onClose={() => onSelect(null)}
            renderTranscription={(target, onChange) => (
              <TranscriptionField
                noteId={selected.id}
                target={target}
                onChange={onChange}
                photoUrl={ocr.photoUrl}
                originalWidth={ocr.originalWidth}
                defaultLanguages={ocr.defaultLanguages}
                autoRun={ocr.request?.noteId === selected.id ? ocr.request.nonce : null}
                focusWord={ocr.focusWord}
                onFocusWord={(word) => ocr.onFocusWord(selected.id, word)}
              />
            )}
          />
          <button
            type="button"
            className="region-delete"
            onClick={() => {
              void trash.trash(selected).then(() => onSelect(null));
            }}
          >
            {t('photoViewer.regions.delete')}
          </button>
        </section>
      ) : null}
      <UndoBar trash={trash} />
    </aside>
  );
}
