import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegionTarget } from '@shared/notes/model';
import { PHOTOS_NOTE_COLLECTION, regionSelector } from '@shared/notes/region';
import type { OcrWordTuple } from '@shared/notes/region-ocr';
import type { OcrResult } from '@shared/ocr/result';
import { initI18n } from '../../../../src/renderer/src/i18n/i18n';
import { OcrLanguageError, OcrStartError, ocrAbortError } from '../../../../src/renderer/src/ocr/ocr-errors';
import {
  TranscriptionField,
  type FocusWord,
} from '../../../../src/renderer/src/photos/viewer/TranscriptionField';

const recognise = vi.fn();
const crop = vi.fn();
vi.mock('../../../../src/renderer/src/ocr/window-engine', () => ({
  windowOcrEngine: () => ({ recognise, dispose: vi.fn() }),
}));
vi.mock('../../../../src/renderer/src/photos/viewer/ocr-image', () => ({
  cropForOcr: (...args: unknown[]) => crop(...args),
}));

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  recognise.mockReset();
  crop.mockReset();
  // The region starts 100 px right and 50 px down on a display copy half the original's size.
  crop.mockResolvedValue({ canvas: 'the crop', offset: { x: 100, y: 50 }, scale: 2 });
});
afterEach(cleanup);

const PAGE: OcrResult = {
  text: 'Vilniaus apskritis',
  confidence: 0.9,
  lines: [
    {
      text: 'Vilniaus apskritis',
      confidence: 0.9,
      box: { x: 0, y: 0, width: 200, height: 20 },
      words: [
        { text: 'Vilniaus', confidence: 0.95, box: { x: 0, y: 0, width: 90, height: 20 } },
        { text: 'apskritis', confidence: 0.85, box: { x: 100, y: 0, width: 100, height: 20 } },
      ],
    },
  ],
};

const VILNIAUS: OcrWordTuple = ['Vilniaus', 200, 100, 180, 40, 0.95];
const APSKRITIS: OcrWordTuple = ['apskritis', 400, 100, 200, 40, 0.85];

function start(transcription = '', ocr?: RegionTarget['ocr'], focusWord: FocusWord | null = null) {
  const changes: RegionTarget[] = [];
  const onFocusWord = vi.fn();
  const initial: RegionTarget = {
    kind: 'region',
    collectionId: PHOTOS_NOTE_COLLECTION,
    itemId: 'item-1',
    photo: 'ab'.repeat(32),
    page: 0,
    selector: regionSelector({ shape: 'rectangle', x: 200, y: 100, width: 600, height: 100 }),
    transcription,
    ...(ocr ? { ocr } : {}),
  };
  function Harness({ focus }: { focus: FocusWord | null }) {
    const [target, setTarget] = useState(initial);
    return (
      <TranscriptionField
        noteId="note-1"
        target={target}
        onChange={(next) => {
          changes.push(next);
          setTarget(next);
        }}
        photoUrl="/photos/x/display"
        originalWidth={2000}
        defaultLanguages={['lit', 'rus']}
        autoRun={null}
        focusWord={focus}
        onFocusWord={onFocusWord}
      />
    );
  }
  const view = render(<Harness focus={focusWord} />);
  const last = () => changes.at(-1);
  return {
    changes,
    last,
    onFocusWord,
    rerender: (focus: FocusWord) => view.rerender(<Harness focus={focus} />),
  };
}

const field = () =>
  screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Transcription (what the region says)' });
const readButton = () => screen.getByRole('button', { name: 'Read text (OCR)' });

describe('the transcription with OCR', () => {
  it("reads the region in the item's languages into an empty transcription, boxes in the original's pixels", async () => {
    recognise.mockResolvedValue(PAGE);
    const { last } = start();
    expect(screen.getByRole('checkbox', { name: 'Lithuanian' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Russian' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Polish' })).toHaveProperty('checked', false);
    fireEvent.click(readButton());
    await waitFor(() => expect(field().value).toBe('Vilniaus apskritis'));
    expect(crop).toHaveBeenCalledWith(
      '/photos/x/display',
      { shape: 'rectangle', x: 200, y: 100, width: 600, height: 100 },
      2000,
      expect.any(AbortSignal),
    );
    expect(recognise).toHaveBeenCalledWith('the crop', ['lit', 'rus'], expect.anything());
    expect(last()?.ocr).toEqual({ languages: ['lit', 'rus'], words: [VILNIAUS, APSKRITIS] });
    expect(screen.getByText('Word positions kept for 2 of 2 words.')).toBeTruthy();
  });

  it('asks before touching a typed transcription: Replace, Append or Cancel', async () => {
    recognise.mockResolvedValue(PAGE);
    start('Typed by hand');
    fireEvent.click(readButton());
    await screen.findByText(/already has a transcription/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(field().value).toBe('Typed by hand');

    fireEvent.click(readButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Append' }));
    expect(field().value).toBe('Typed by hand\n\nVilniaus apskritis');
    expect(screen.getByText('Word positions kept for 2 of 5 words.')).toBeTruthy();

    fireEvent.click(readButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    expect(field().value).toBe('Vilniaus apskritis');
  });

  it('keeps the boxes of the words still there after an edit, and says how many', () => {
    const { last } = start('Vilniaus apskritis', { languages: ['lit'], words: [VILNIAUS, APSKRITIS] });
    fireEvent.change(field(), { target: { value: 'Vilniaus miestas' } });
    expect(last()?.ocr).toEqual({ languages: ['lit'], words: [VILNIAUS] });
    expect(screen.getByText('Word positions kept for 1 of 2 words.')).toBeTruthy();
    // Typed back within the same editing: the box comes back.
    fireEvent.change(field(), { target: { value: 'Vilniaus apskritis' } });
    expect(last()?.ocr?.words).toEqual([VILNIAUS, APSKRITIS]);
  });

  it('shows the word at the caret on the photo, and selects a word clicked on the photo', () => {
    const { onFocusWord, rerender } = start('Vilniaus apskritis', {
      languages: ['lit'],
      words: [VILNIAUS, APSKRITIS],
    });
    field().setSelectionRange(12, 12);
    fireEvent.select(field());
    expect(onFocusWord).toHaveBeenLastCalledWith(APSKRITIS);
    rerender({ noteId: 'note-1', word: VILNIAUS, from: 'image' });
    expect([field().selectionStart, field().selectionEnd]).toEqual([0, 8]);
    expect(document.activeElement).toBe(field());
  });

  it('words every failure in the language of the interface', async () => {
    start();
    const cases: Array<[unknown, string | RegExp]> = [
      [
        new OcrLanguageError({ code: 'no-language', languages: [], message: '' }),
        'Choose at least one OCR language.',
      ],
      [new OcrStartError('webassembly-blocked'), 'OCR cannot start: this window may not run WebAssembly.'],
      [new OcrStartError('start-timed-out'), /OCR did not start in time/],
      [new Error('out of memory'), 'OCR failed: out of memory'],
    ];
    for (const [error, message] of cases) {
      recognise.mockRejectedValueOnce(error);
      fireEvent.click(readButton());
      expect((await screen.findByRole('alert')).textContent).toMatch(message);
    }
    expect(field().value).toBe('');
  });

  it('shows progress and cancels, leaving the transcription as it was', async () => {
    recognise.mockImplementation(
      (
        _image: unknown,
        _languages: unknown,
        { signal, onProgress }: { signal: AbortSignal; onProgress: (p: unknown) => void },
      ) =>
        new Promise((_, reject) => {
          onProgress({ phase: 'recognising', progress: 0.4 });
          signal.addEventListener('abort', () => reject(ocrAbortError()));
        }),
    );
    start('Typed');
    fireEvent.click(readButton());
    await screen.findByText('Reading text… 40%');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel OCR' }));
      await Promise.resolve();
    });
    await screen.findByText('OCR cancelled; the transcription was not changed.');
    expect(field().value).toBe('Typed');
  });
});
