/**
 * Strings by number. While indexing they are interned in memory; in a loaded snapshot they stay as one
 * UTF-8 buffer and are decoded one at a time when first asked for, so opening a 200,000-person index
 * does not create a million strings that most searches never touch.
 */
export interface StringSource {
  readonly size: number;
  get(id: number): string;
}

export class StringInterner implements StringSource {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  idOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }

  get(id: number): string {
    return this.values[id] as string;
  }
}

export class Utf8Strings implements StringSource {
  private readonly cache: (string | undefined)[];
  // Not fatal: a damaged byte shows as U+FFFD rather than failing a search (snapshot.ts).
  private readonly decoder = new TextDecoder();

  /** `offsets[i]..offsets[i + 1]` are the bytes of string i. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Int32Array,
  ) {
    this.cache = new Array<string | undefined>(offsets.length - 1);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  get(id: number): string {
    let value = this.cache[id];
    if (value === undefined) {
      value = this.decoder.decode(this.bytes.subarray(this.offsets[id], this.offsets[id + 1]));
      this.cache[id] = value;
    }
    return value;
  }
}

/** Every string as UTF-8, back to back, with where each starts (and one past the last end). */
export function encodeStrings(values: readonly string[]): { bytes: Uint8Array; offsets: Int32Array } {
  const encoder = new TextEncoder();
  let capacity = 0;
  for (const value of values) capacity += value.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
  const bytes = new Uint8Array(capacity);
  const offsets = new Int32Array(values.length + 1);
  let at = 0;
  values.forEach((value, i) => {
    at += encoder.encodeInto(value, bytes.subarray(at)).written;
    offsets[i + 1] = at;
  });
  return { bytes: bytes.slice(0, at), offsets };
}
