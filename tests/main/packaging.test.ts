import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ocrAssetFiles } from '@shared/ocr/assets';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('electron-builder packaging config', () => {
  it('flips the security fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config['asar']).toBe(true);
  });

  it('targets AppImage + deb, NSIS and dmg', () => {
    expect((config['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config['win'] as { target: string[] }).target).toEqual(['nsis']);
    expect((config['mac'] as { target: string[] }).target).toEqual(['dmg']);
  });

  it('ships the bundled resources where the main process looks for them', () => {
    expect(config['extraResources']).toEqual([
      // The PDF font, like the OCR models, ships in the renderer build (item-export.ts imports it ?url).
      {
        from: 'resources',
        to: 'resources',
        filter: ['**/*', '!tessdata/*.traineddata', '!fonts/*.ttf'],
      },
    ]);
  });

  it('ships the OCR models once: inside the renderer build, where OCR loads them from', () => {
    // The extraResources filter leaves the models out; the build copies every one of them instead.
    const copied = ocrAssetFiles().map(({ from }) => from);
    const models = readdirSync('resources/tessdata').filter((name) => name.endsWith('.traineddata'));
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) expect(copied).toContain(`resources/tessdata/${model}`);
    expect(config['files']).toContain('out/**/*');
  });
});
