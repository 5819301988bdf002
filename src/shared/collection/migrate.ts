/**
 * Migrations of older collection packages to the current format version. Version 1 → 2 only added
 * optional person fields, so every valid version-1 record is a valid version-2 record as it is: record
 * ids (and so the notes attached to them) never change. Only the manifest's version number moves on.
 * Pure; applied by manifestSchema before validation, so every loader (bundled, imported, zip, JSON)
 * migrates the same way.
 */

/** A raw manifest of an older readable version, upgraded to the current one; anything else unchanged. */
export function migrateManifest(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const manifest = raw as Record<string, unknown>;
  if (manifest.formatVersion === 1) return { ...manifest, formatVersion: 2 };
  return raw;
}
