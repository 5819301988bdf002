import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/main/fs/base64';
import { HandlerError } from '../../../src/main/ipc/dispatch';

describe('decodeBase64', () => {
  it('decodes padded base64 into a plain Uint8Array', () => {
    const bytes = decodeBase64(Buffer.from('Ačiū').toString('base64'), 'The file content');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('Ačiū');
    expect(decodeBase64('', 'The file content')).toHaveLength(0);
  });

  it.each(['not base64!', 'QUJD=', 'QUJ', 'QU JD', 'QUJD\n'])(
    'refuses %j, naming the content, instead of saving different bytes',
    (content) => {
      let thrown: unknown;
      try {
        decodeBase64(content, 'The document content');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HandlerError);
      expect(thrown).toMatchObject({
        code: 'invalid-content',
        message: 'The document content is not valid base64',
      });
    },
  );
});
