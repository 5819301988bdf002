/** Encode text in a Windows code page by inverting TextDecoder's table (no encoder exists for them). */
export function encodeLegacy(text: string, encoding: 'windows-1251' | 'windows-1257'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array(
    [...text].map((ch) => {
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`"${ch}" has no ${encoding} byte`);
      return byte;
    }),
  );
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
