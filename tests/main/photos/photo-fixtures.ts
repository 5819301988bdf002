/**
 * Photos made by the tests themselves: real images from sharp, and hand-built hostile files (a PNG
 * header declaring a huge size, a TIFF with many tiny pages) that no encoder would produce.
 */
import sharp from 'sharp';

/** A JPEG of `width` × `height` in `colour`, with an EXIF capture time when given ("2024:05:01 10:11:12"). */
export async function makeJpeg(
  width: number,
  height: number,
  colour = '#7a6a55',
  capturedAt?: string,
): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 80 });
  return (capturedAt ? image.withExif({ IFD2: { DateTimeOriginal: capturedAt } }) : image).toBuffer();
}

export const makePng = (width: number, height: number, colour = '#335577'): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG header declaring `width` × `height` (8-bit grey) with a few
 * bytes of data. Decoding it would try to allocate width × height bytes.
 */
export function makeBombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An uncompressed little-endian TIFF of `pages` grey pages of `size` × `size` pixels, page n filled
 * with the value n * 40 % 256 (so the pages differ). Built by hand: a TIFF with thousands of pages
 * costs a few KB this way.
 */
export function makeMultiPageTiff(pages: number, size = 8): Buffer {
  const entries = 8;
  const ifdBytes = 2 + entries * 12 + 4;
  const pixels = size * size;
  const pageBytes = ifdBytes + pixels;
  const out = Buffer.alloc(8 + pages * pageBytes);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  for (let page = 0; page < pages; page += 1) {
    const at = 8 + page * pageBytes;
    const strip = at + ifdBytes;
    const tags: Array<[number, number, number]> = [
      [256, 3, size], // ImageWidth
      [257, 3, size], // ImageLength
      [258, 3, 8], // BitsPerSample
      [259, 3, 1], // Compression: none
      [262, 3, 1], // Photometric: black is zero
      [273, 4, strip], // StripOffsets
      [278, 3, size], // RowsPerStrip
      [279, 4, pixels], // StripByteCounts
    ];
    out.writeUInt16LE(entries, at);
    tags.forEach(([tag, type, value], index) => {
      const entry = at + 2 + index * 12;
      out.writeUInt16LE(tag, entry);
      out.writeUInt16LE(type, entry + 2);
      out.writeUInt32LE(1, entry + 4);
      if (type === 3) out.writeUInt16LE(value, entry + 8);
      else out.writeUInt32LE(value, entry + 8);
    });
    const next = page + 1 < pages ? at + pageBytes : 0;
    out.writeUInt32LE(next, at + 2 + entries * 12);
    out.fill((page * 40) % 256, strip, strip + pixels);
  }
  return out;
}
