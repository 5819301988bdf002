import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createPhotoHandlers } from '../../../src/main/photos/handlers';
import { noPhotoPicker } from '../../../src/main/photos/picker';
import { testHandlers } from '../../support/fake-handlers';
import { makeJpeg } from './photo-fixtures';
import { createPhotoTestBed, type PhotoTestBed } from './photo-test-store';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let bed: PhotoTestBed;
beforeEach(async () => {
  bed = await createPhotoTestBed();
});
afterEach(() => bed.dispose());

const handlers = () => ({
  ...testHandlers(),
  ...createPhotoHandlers({ store: bed.store, imports: bed.imports, pick: noPhotoPicker }),
});

describe('photos.importBytes (an original received through team sync)', () => {
  it('stores an original whose bytes match its sha256, with its derived copies, once', async () => {
    const bytes = new Uint8Array(await makeJpeg(64, 48));
    const request = { sha256: sha(bytes), fileName: 'lapas-1.jpg', bytes };
    const first = await dispatch(handlers(), 'photos.importBytes', request);
    expect(first).toMatchObject({
      ok: true,
      value: { already: false, photos: [{ sha256: sha(bytes), page: 0 }] },
    });
    expect(await bed.store.record(sha(bytes))).toMatchObject({ byteSize: bytes.byteLength, width: 64 });
    expect(await bed.store.variantPath(sha(bytes), 'thumb', 0)).not.toBeNull();
    expect(await dispatch(handlers(), 'photos.importBytes', request)).toMatchObject({
      ok: true,
      value: { already: true },
    });
  });

  it('refuses bytes that do not match the sha256 they were sent under, staging nothing', async () => {
    const bytes = new Uint8Array(await makeJpeg(32, 32));
    const claimed = sha(new Uint8Array(await makeJpeg(32, 32, '#000000')));
    const answer = await dispatch(handlers(), 'photos.importBytes', {
      sha256: claimed,
      fileName: 'x.jpg',
      bytes,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'photo-mismatch' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(
      /x\.jpg does not match the sha256 it was sent under/,
    );
    expect(await bed.store.has(claimed)).toBe(false);
    expect(await readdir(join(bed.store.root, 'originals')).catch(() => [])).toEqual([]);
  });

  it('refuses bytes that are not a photo, with the import’s own reason', async () => {
    const bytes = new TextEncoder().encode('not a photo at all');
    const answer = await dispatch(handlers(), 'photos.importBytes', {
      sha256: sha(bytes),
      fileName: 'a.jpg',
      bytes,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'photo-refused' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(
      /a\.jpg was not imported: is not a JPEG, PNG, TIFF or WebP/,
    );
  });
});
