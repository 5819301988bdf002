/**
 * How to cite Atmintis itself, from what the running app reports (name, version, licence). The year
 * is the year the version was released; a test fails when package.json's version is missing here, so
 * a new version cannot ship without it. Atmintis has no DOI and no public address yet (package.json's
 * homepage is a placeholder), so the citation names none.
 */
export const RELEASE_YEARS: Readonly<Record<string, number>> = { '0.1.0': 2026 };

export interface SoftwareInfo {
  name: string;
  version: string;
  license: string;
}

/** The year as a string (never number-formatted as "2,026"), or null when the version is unknown. */
export const releaseYear = (version: string): string | null => {
  const year = RELEASE_YEARS[version];
  return year === undefined ? null : String(year);
};

/** A BibTeX entry (biblatex @software) for reference managers. */
export function softwareBibtex(info: SoftwareInfo, authors: string): string {
  const year = releaseYear(info.version);
  return [
    `@software{${info.name.toLowerCase()},`,
    `  author = {{${authors}}},`,
    `  title = {${info.name}},`,
    `  version = {${info.version}},`,
    ...(year ? [`  year = {${year}},`] : []),
    `  license = {${info.license}},`,
    '}',
  ].join('\n');
}
