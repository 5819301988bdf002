/**
 * Bytes ↔ base64, for binary payloads on the JSON-shaped IPC contract. Uses the native
 * Uint8Array.fromBase64 / toBase64 where the engine has them (Chromium 140+: the app and the test
 * browser), otherwise a chunked btoa/atob (Node 20 in unit tests), both in any JS realm (worker
 * included), never Node's Buffer.
 */
interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array;
}
interface NativeBytes {
  toBase64?: () => string;
}

class Base64Error extends Error {}

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBytes).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let text = '';
  // fromCharCode takes arguments: chunks keep within the engine's argument limit.
  for (let at = 0; at < bytes.length; at += 0x8000)
    text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
}

export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as NativeBase64).fromBase64;
  try {
    if (typeof native === 'function') return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch (error) {
    throw new Base64Error(`not valid base64 (${(error as Error).message})`);
  }
}
