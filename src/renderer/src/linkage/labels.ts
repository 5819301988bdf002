/** How the Linkage view writes bits and names records (shared by the queue and the comparison). */
import type { LinkRecord } from '@shared/linkage/types';
import { recordOf } from './queue-model';

/**
 * Bits with exactly one decimal ("13.8", "+3.2", "−1.5"): a fractional figure always, so the
 * Lithuanian "bito" agrees with every value.
 */
export function formatBits(value: number, language: string, signed = false): string {
  const text = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
  return text.replace('-', '−');
}

/** A record's title as its collection gives it, or its id when the run did not load it. */
export function recordTitle(records: ReadonlyMap<string, LinkRecord>, id: string): string {
  return records.get(id)?.title ?? recordOf(id);
}
