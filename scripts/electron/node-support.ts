/**
 * Which Node.js can start the app. Electron's own installer (its install.js) `require`s the ES module
 * @electron/get, which Node supports from 20.19 on the 20 line and from 22.12 on (require(esm)). Older
 * Nodes crash inside the installer with an error that names neither Node nor Electron, so the start
 * script checks first and says so plainly.
 */
export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';

export function parseNodeVersion(version: string): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function canRunElectronInstaller(version: string): boolean {
  const parsed = parseNodeVersion(version);
  if (!parsed) return false;
  const [major, minor] = parsed;
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 12;
  return major > 22;
}

export function nodeTooOldMessage(version: string): string {
  return [
    `Atmintis needs Node.js 20.19 or newer on the 20 line, or 22.12 or newer, to start: this is Node.js ${version}.`,
    "Electron's installer (which fetches the Electron binary on the first start) cannot run on older versions.",
    'Install a current Node.js LTS from https://nodejs.org/ (or with your version manager), then run `npm start` again.',
  ].join('\n');
}
