/**
 * The settings form's own check before anything is sent, with the same rules main applies (shared), so
 * a mistake is named in the interface language next to the form rather than as a server message.
 */
import { checkServerUrl, MAX_PROJECT_NAME_LENGTH, PROJECT_NAME_PATTERN } from '@shared/sync/server-url';

export interface FormValues {
  serverUrl: string;
  project: string;
  username: string;
  password: string;
}

/** The i18n key of the first problem, or null. */
export function formProblem(values: FormValues): string | null {
  if (values.serverUrl.trim() === '') return 'sync.settings.problem.serverUrlMissing';
  const url = checkServerUrl(values.serverUrl);
  if (!url.ok) return `sync.settings.problem.serverUrl.${url.problem}`;
  if (values.project === '') return 'sync.settings.problem.projectMissing';
  if (values.project.length > MAX_PROJECT_NAME_LENGTH || !PROJECT_NAME_PATTERN.test(values.project)) {
    return 'sync.settings.problem.projectInvalid';
  }
  if (values.username === '') return 'sync.settings.problem.usernameMissing';
  if (values.username.includes(':')) return 'sync.settings.problem.usernameColon';
  return null;
}
