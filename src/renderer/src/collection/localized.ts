/**
 * The collection's own words in the interface language: a record's title and summary, a claim's label,
 * the collection's title and description. Where a translation is missing the original is used and the
 * caller is told, so the page can say so openly instead of switching language silently.
 */
import type { Claim, Manifest, RecordFlag, TranslationLanguage } from '@shared/collection/schema';
import type { LoadedRecord } from '@shared/collection/model';
import { displayTitle } from './format';

/** Language of untranslated collection text when the manifest does not say. */
const DEFAULT_TEXT_LANGUAGE = 'en';

const baseOf = (language: string): string => language.toLowerCase().split('-')[0] ?? language;

function translationKey(language: string): TranslationLanguage | undefined {
  const base = baseOf(language);
  return base === 'en' || base === 'lt' || base === 'ru' ? base : undefined;
}

export interface LocalizedRecordText {
  title: string;
  summary: string;
  /** Language the summary is shown in (for the `lang` attribute). */
  summaryLanguage: string;
  /** True when the interface language differs and the record has no summary in it: the original shows. */
  fallback: boolean;
}

export function localizedRecordText(
  record: Pick<LoadedRecord, 'title' | 'labels' | 'summary' | 'translations'>,
  language: string,
  textLanguage: string = DEFAULT_TEXT_LANGUAGE,
): LocalizedRecordText {
  const key = translationKey(language);
  const translation = key ? record.translations?.[key] : undefined;
  const sameLanguage = baseOf(language) === baseOf(textLanguage);
  const summary = sameLanguage ? undefined : translation?.summary;
  return {
    title: displayTitle(record, key ?? language),
    summary: summary ?? record.summary,
    summaryLanguage: summary ? baseOf(language) : textLanguage,
    fallback: !sameLanguage && summary === undefined,
  };
}

/** What a claim counts ("people deported in Operation Vesna"), in the interface language if given. */
export function localizedClaimLabel(claim: Pick<Claim, 'counts' | 'translations'>, language: string): string {
  const key = translationKey(language);
  return (key ? claim.translations?.[key]?.counts : undefined) ?? claim.counts;
}

/** A claim's note in the interface language if given. */
export function localizedClaimNote(claim: Pick<Claim, 'note' | 'translations'>, language: string) {
  const key = translationKey(language);
  return (key ? claim.translations?.[key]?.note : undefined) ?? claim.note;
}

/** A flag's note in the interface language if given. */
export function localizedFlagNote(flag: Pick<RecordFlag, 'note' | 'translations'>, language: string) {
  const key = translationKey(language);
  return (key ? flag.translations?.[key]?.note : undefined) ?? flag.note;
}

export function localizedManifest(
  manifest: Pick<Manifest, 'title' | 'description' | 'translations'>,
  language: string,
): { title: string; description: string } {
  const key = translationKey(language);
  const translation = key ? manifest.translations?.[key] : undefined;
  return {
    title: translation?.title ?? manifest.title,
    description: translation?.description ?? manifest.description,
  };
}
