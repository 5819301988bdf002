import { describe, expect, it } from 'vitest';
import { formProblem } from '../../../../src/renderer/src/sync/settings/form-check';

const good = { serverUrl: 'https://couch.example.org', project: 'family', username: 'ona', password: '' };

describe('the sync settings form check', () => {
  it('passes good settings (a password is optional: the stored one is kept)', () => {
    expect(formProblem(good)).toBeNull();
    expect(formProblem({ ...good, serverUrl: 'http://127.0.0.1:5984' })).toBeNull();
  });

  it('names the first problem with an i18n key', () => {
    expect(formProblem({ ...good, serverUrl: ' ' })).toBe('sync.settings.problem.serverUrlMissing');
    expect(formProblem({ ...good, serverUrl: 'http://example.org' })).toBe(
      'sync.settings.problem.serverUrl.not-https',
    );
    expect(formProblem({ ...good, project: '' })).toBe('sync.settings.problem.projectMissing');
    expect(formProblem({ ...good, project: 'Family' })).toBe('sync.settings.problem.projectInvalid');
    expect(formProblem({ ...good, username: '' })).toBe('sync.settings.problem.usernameMissing');
    expect(formProblem({ ...good, username: 'a:b' })).toBe('sync.settings.problem.usernameColon');
  });
});
