/**
 * A region's transcription with OCR: "Read text (OCR)" in the chosen languages, with progress and
 * cancel; the text read goes into the transcription, which stays editable, and never replaces text the
 * user typed without asking (Replace / Append / Cancel). The OCR words keep their boxes on the target;
 * editing keeps those of the words still in the text (and says how many). Moving the caret onto a word
 * shows its box on the photo; a word clicked on the photo is selected here.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionTarget } from '@shared/notes/model';
import { parseRegionSelector } from '@shared/notes/region';
import {
  alignOcrWords,
  sameWord,
  tokenAtOffset,
  wordsToOriginal,
  type OcrWordTuple,
} from '@shared/notes/region-ocr';
import { isOcrLanguage, type OcrLanguage } from '@shared/ocr/languages';
import { ocrWords } from '@shared/ocr/result';
import { windowOcrEngine } from '../../ocr/window-engine';
import { cropForOcr } from './ocr-image';
import { OcrLanguagePicker } from './OcrLanguagePicker';
import { OcrRunStatus } from './OcrRunStatus';
import { useOcrRun } from './use-ocr-run';

/** A word shown on the photo, and whether the text or the photo chose it. */
export interface FocusWord {
  noteId: string;
  word: OcrWordTuple;
  from: 'text' | 'image';
}

interface OcrRead {
  text: string;
  words: OcrWordTuple[];
  languages: OcrLanguage[];
}

/** The target with its transcription and the boxes of the words still in it (no `ocr` without words read). */
function withText(
  target: RegionTarget,
  text: string,
  pool: readonly OcrWordTuple[],
  languages: string[] | null,
) {
  const { ocr, ...rest } = target;
  const used = languages ?? ocr?.languages ?? null;
  if (!used) return { ...rest, transcription: text };
  return { ...rest, transcription: text, ocr: { languages: used, words: alignOcrWords(pool, text).kept } };
}

export function TranscriptionField({
  noteId,
  target,
  onChange,
  photoUrl,
  originalWidth,
  defaultLanguages,
  autoRun,
  focusWord,
  onFocusWord,
}: {
  noteId: string;
  target: RegionTarget;
  onChange: (target: RegionTarget) => void;
  /** The display copy the text is read from. */
  photoUrl: string;
  originalWidth: number | null;
  defaultLanguages: readonly OcrLanguage[];
  /** Changes (a new number) when OCR should start at once (the whole-page button). */
  autoRun: number | null;
  focusWord: FocusWord | null;
  onFocusWord: (word: OcrWordTuple | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // The target as it is when OCR finishes (the user may type meanwhile), not when it started.
  const latest = useRef(target);
  // …and the editor's change handler of that moment, which holds the rest of the note as it is then.
  const change = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = target;
    change.current = onChange;
  }, [target, onChange]);
  // The words this editing session started from: a word deleted and typed back gets its box again.
  const [pool, setPool] = useState<readonly OcrWordTuple[]>(() => target.ocr?.words ?? []);
  const [languages, setLanguages] = useState<OcrLanguage[]>(() => {
    const stored = target.ocr?.languages.filter(isOcrLanguage) ?? [];
    return stored.length > 0 ? stored : [...defaultLanguages];
  });
  const [pending, setPending] = useState<OcrRead | null>(null);
  const ocr = useOcrRun();
  const shownWord = useRef<OcrWordTuple | null>(null);

  const alignment = useMemo(() => alignOcrWords(pool, target.transcription), [pool, target.transcription]);

  const apply = (read: OcrRead, mode: 'replace' | 'append') => {
    const current = latest.current;
    const before = current.transcription.trimEnd();
    const text = mode === 'replace' || before === '' ? read.text : `${before}\n\n${read.text}`;
    const next =
      mode === 'replace' ? read.words : [...alignOcrWords(pool, current.transcription).kept, ...read.words];
    setPool(next);
    setPending(null);
    change.current(withText(current, text, next, read.languages));
  };

  const read = async () => {
    setPending(null);
    const parsed = parseRegionSelector(latest.current.selector);
    if (!parsed.ok || !originalWidth) return;
    const chosen = [...languages];
    const result = await ocr.run(async (signal, onProgress) => {
      const crop = await cropForOcr(photoUrl, parsed.geometry, originalWidth, signal);
      const page = await windowOcrEngine().recognise(crop.canvas, chosen, { signal, onProgress });
      return {
        text: page.text,
        words: wordsToOriginal(ocrWords(page), crop.offset, crop.scale),
        languages: chosen,
      };
    });
    if (!result) return;
    // Text typed (or read before) is the user's: ask before replacing it.
    if (latest.current.transcription.trim() === '') apply(result, 'replace');
    else setPending(result);
  };

  const started = useRef<number | null>(null);
  useEffect(() => {
    if (autoRun === null || started.current === autoRun || !originalWidth) return;
    started.current = autoRun;
    void read();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoRun, originalWidth]);

  // A word clicked on the photo: select it in the text.
  useEffect(() => {
    if (!focusWord || focusWord.from !== 'image' || focusWord.noteId !== noteId) return;
    const token = alignment.tokens.find(
      (candidate) => candidate.word && sameWord(candidate.word, focusWord.word),
    );
    const element = textarea.current;
    if (!token || !element) return;
    shownWord.current = focusWord.word;
    element.focus();
    element.setSelectionRange(token.start, token.end);
  }, [focusWord, noteId, alignment]);

  const onCaret = (element: HTMLTextAreaElement) => {
    const word = tokenAtOffset(alignment.tokens, element.selectionStart)?.word ?? null;
    if (word === shownWord.current || (word && shownWord.current && sameWord(word, shownWord.current)))
      return;
    shownWord.current = word;
    onFocusWord(word);
  };

  const running = ocr.state.status === 'running';
  const total = alignment.tokens.length;
  return (
    <div className="note-editor-field transcription-field">
      <label htmlFor={`${id}-transcription`}>{t('notes.editor.transcription')}</label>
      <textarea
        id={`${id}-transcription`}
        ref={textarea}
        value={target.transcription}
        rows={6}
        aria-describedby={target.ocr ? `${id}-kept` : undefined}
        onChange={(event) => onChange(withText(latest.current, event.target.value, pool, null))}
        onSelect={(event) => onCaret(event.currentTarget)}
      />
      {target.ocr ? (
        <p id={`${id}-kept`} className="ocr-kept">
          {t('ocr.kept', { kept: alignment.kept.length, count: total })}
        </p>
      ) : null}
      {pending ? (
        <div role="group" aria-labelledby={`${id}-conflict`} className="ocr-conflict">
          <p id={`${id}-conflict`}>{t('ocr.conflict.question')}</p>
          <button type="button" onClick={() => apply(pending, 'replace')}>
            {t('ocr.conflict.replace')}
          </button>
          <button type="button" onClick={() => apply(pending, 'append')}>
            {t('ocr.conflict.append')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('ocr.conflict.cancel')}
          </button>
        </div>
      ) : null}
      <div className="ocr-controls">
        <OcrLanguagePicker value={languages} onChange={setLanguages} disabled={running} />
        <button type="button" disabled={running || !originalWidth} onClick={() => void read()}>
          {t('ocr.read')}
        </button>
        <OcrRunStatus state={ocr.state} onCancel={ocr.cancel} />
      </div>
    </div>
  );
}
