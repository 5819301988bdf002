/** What both ImportRun test files start an import with: an invented manifest and a fixed session id. */
import type { Manifest } from '@shared/collection/schema';

export const manifest = {
  formatVersion: 2,
  id: 'test-registry',
  title: 'Test',
  version: '1.0.0',
  description: 'd',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  texts: [],
} as Manifest;

export const SESSION = '00000000-0000-4000-8000-000000000001';
