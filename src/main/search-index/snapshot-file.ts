/**
 * The layout of the saved search index file, `<dataDirectory>/search-index/snapshot.bin` (integers
 * big-endian):
 *   0  8 bytes  magic "ATMSIDX" + format version 2
 *   8  uint32   key length in bytes
 *   12 uint64   content length in bytes
 *   20 32 bytes sha256 of the content
 *   52 key (UTF-16LE), then content
 *
 * Version 2 (version 1 had a uint32 length and hashed key + content): the length no longer stops at
 * 4 GiB, and the hash is the one the renderer declares when it uploads the content, so main checks
 * the upload and writes the header before the first content byte, in one pass. A version 1 file is
 * ignored like any other unreadable one: the renderer rebuilds its index once and saves a new file.
 */
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';

const MAGIC = Buffer.from('ATMSIDX\x02', 'latin1');
export const DIGEST_BYTES = 32;
export const HEADER_BYTES = MAGIC.length + 4 + 8 + DIGEST_BYTES;
/** UTF-16LE, two bytes per code unit. */
const MAX_KEY_BYTES = MAX_SEARCH_INDEX_KEY_CHARS * 2;

export interface SnapshotHeader {
  keyLength: number;
  contentLength: number;
  /** sha256 of the content. */
  digest: Buffer;
}

/**
 * UTF-16LE rather than UTF-8: it encodes every JavaScript string losslessly, lone surrogates included,
 * so two different keys can never be stored as the same bytes.
 */
export const keyBytes = (key: string): Buffer => Buffer.from(key, 'utf16le');

export function encodeHeader(header: SnapshotHeader): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt32BE(header.keyLength, MAGIC.length);
  bytes.writeBigUInt64BE(BigInt(header.contentLength), MAGIC.length + 4);
  header.digest.copy(bytes, HEADER_BYTES - DIGEST_BYTES);
  return bytes;
}

/** The header of a file of `fileSize` bytes, or why it is not one this version can read. */
export function decodeHeader(bytes: Buffer, fileSize: number, maxBytes: number): SnapshotHeader | string {
  if (bytes.length < HEADER_BYTES) return 'it is shorter than its header';
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'it is not a snapshot file of this version';
  const keyLength = bytes.readUInt32BE(MAGIC.length);
  const contentLength = bytes.readBigUInt64BE(MAGIC.length + 4);
  if (
    keyLength > MAX_KEY_BYTES ||
    contentLength > BigInt(maxBytes) ||
    BigInt(HEADER_BYTES + keyLength) + contentLength !== BigInt(fileSize)
  ) {
    return 'its length does not match its header';
  }
  return {
    keyLength,
    contentLength: Number(contentLength),
    digest: Buffer.from(bytes.subarray(HEADER_BYTES - DIGEST_BYTES, HEADER_BYTES)),
  };
}
