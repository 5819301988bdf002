import { describe, expect, it } from 'vitest';
import type { ImportedPhoto } from '@shared/ipc/channels/photos';
import { groupPhotos } from '@shared/photos/grouping';

const sha = (n: number) => n.toString(16).padStart(64, '0');
const photo = (
  n: number,
  fileName: string,
  folder: string,
  extra: Partial<ImportedPhoto> = {},
): ImportedPhoto => ({
  sha256: sha(n),
  page: 0,
  pageCount: 1,
  fileName,
  folder,
  width: 10,
  height: 10,
  ...extra,
});

describe('grouping imported photos into items', () => {
  const photos = [
    photo(1, 'f/a/IMG_10.jpg', 'f/a', { capturedAt: '1990-01-01T10:00:00' }),
    photo(2, 'f/a/IMG_2.jpg', 'f/a', { capturedAt: '1990-01-01T11:00:00' }),
    photo(3, 'f/b/scan.tif', 'f/b', { page: 1, pageCount: 2 }),
    photo(3, 'f/b/scan.tif', 'f/b', { page: 0, pageCount: 2 }),
    photo(4, 'f/a/IMG_1.jpg', 'f/a'),
  ];

  it('makes one item per folder, titled by its last part, photos by name with numbers as numbers', () => {
    expect(groupPhotos(photos, 'folder', 'name', 'Imported')).toEqual([
      {
        title: 'a',
        photos: [
          { sha256: sha(4), page: 0 },
          { sha256: sha(2), page: 0 },
          { sha256: sha(1), page: 0 },
        ],
      },
      {
        title: 'b',
        photos: [
          { sha256: sha(3), page: 0 },
          { sha256: sha(3), page: 1 },
        ],
      },
    ]);
  });

  it('orders by capture time, photos without one last by name, in one item', () => {
    const [single] = groupPhotos(photos, 'single', 'captured', 'Imported');
    expect(single?.title).toBe('Imported');
    expect(single?.photos.map((p) => `${p.sha256.slice(-1)}:${p.page}`)).toEqual([
      '1:0',
      '2:0',
      '4:0',
      '3:0',
      '3:1',
    ]);
  });
});
