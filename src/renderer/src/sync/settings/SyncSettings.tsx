import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTest, SyncSettingsView } from '@shared/ipc/channels/sync';
import type { AppError } from '@shared/result';
import { useApi } from '../../api/ApiContext';
import { useResult } from '../../api/use-result';
import { Loading } from '../../shell/Loading';
import { ViewHeading } from '../../shell/ViewHeading';
import { syncSettingsSignal } from '../settings-changed';
import { formProblem, type FormValues } from './form-check';

type Feedback =
  | { kind: 'test'; test: ConnectionTest }
  | { kind: 'saved' }
  | { kind: 'forgotten' }
  | { kind: 'problem'; key: string }
  | { kind: 'error'; error: AppError };

/** Team sync: which server and project, as whom; the password goes to main and never comes back. */
export default function SyncSettings() {
  const { t } = useTranslation();
  const api = useApi();
  // Shared with the status in the app's chrome, which appears once a server is set up.
  const reload = syncSettingsSignal(api);
  const current = useResult(() => api.call('sync.getSettings', {}), [api], { refetchOn: reload });
  return (
    <section className="view" aria-labelledby="sync-settings-heading">
      <ViewHeading id="sync-settings-heading">{t('sync.settings.title')}</ViewHeading>
      <p>{t('sync.settings.intro')}</p>
      {current.status === 'loading' && <Loading />}
      {current.status === 'error' && (
        <p role="alert" className="error-text">
          {t('sync.settings.loadFailed', { message: current.error.message })}
        </p>
      )}
      {current.status === 'ok' && <SettingsForm view={current.value} onChanged={() => reload.notify()} />}
    </section>
  );
}

function initialValues(view: SyncSettingsView): FormValues {
  return {
    serverUrl: view.settings?.serverUrl ?? '',
    project: view.settings?.project ?? '',
    username: view.settings?.username ?? '',
    password: '',
  };
}

function SettingsForm({ view, onChanged }: { view: SyncSettingsView; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [values, setValues] = useState<FormValues>(() => initialValues(view));
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const field = (name: keyof FormValues) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  /** Saves what the form shows; false (with the reason shown) when it cannot. */
  async function save(): Promise<boolean> {
    const problem = formProblem(values);
    if (problem) {
      setFeedback({ kind: 'problem', key: problem });
      return false;
    }
    const saved = await api.call('sync.saveSettings', {
      serverUrl: values.serverUrl,
      project: values.project,
      username: values.username,
      ...(values.password !== '' ? { password: values.password } : {}),
    });
    if (!saved.ok) {
      setFeedback({ kind: 'error', error: saved.error });
      return false;
    }
    setValues({ ...values, password: '' });
    onChanged();
    return true;
  }

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setFeedback(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (await save()) setFeedback({ kind: 'saved' });
    });
  };
  const onTest = () =>
    void run(async () => {
      if (!(await save())) return;
      const tested = await api.call('sync.testConnection', {});
      setFeedback(tested.ok ? { kind: 'test', test: tested.value } : { kind: 'error', error: tested.error });
    });
  const onForget = () =>
    void run(async () => {
      const forgotten = await api.call('sync.forget', {});
      if (!forgotten.ok) {
        setFeedback({ kind: 'error', error: forgotten.error });
        return;
      }
      setValues(initialValues(forgotten.value));
      onChanged();
      setFeedback({ kind: 'forgotten' });
    });

  return (
    <form className="sync-settings" onSubmit={onSubmit} aria-busy={busy}>
      <div className="field">
        <label htmlFor="sync-server-url">{t('sync.settings.serverUrl')}</label>
        <input
          id="sync-server-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          aria-describedby="sync-server-url-hint"
          {...field('serverUrl')}
        />
        <small id="sync-server-url-hint" className="muted">
          {t('sync.settings.serverUrlHint')}
        </small>
      </div>
      <div className="field">
        <label htmlFor="sync-project">{t('sync.settings.project')}</label>
        <input id="sync-project" autoComplete="off" spellCheck={false} {...field('project')} />
      </div>
      <div className="field">
        <label htmlFor="sync-username">{t('sync.settings.username')}</label>
        <input id="sync-username" autoComplete="username" spellCheck={false} {...field('username')} />
      </div>
      <div className="field">
        <label htmlFor="sync-password">{t('sync.settings.password')}</label>
        <input
          id="sync-password"
          type="password"
          autoComplete="current-password"
          aria-describedby="sync-password-hint"
          {...field('password')}
        />
        <small id="sync-password-hint" className="muted">
          {view.passwordStored ? t('sync.settings.passwordKept') : t('sync.settings.passwordNone')}{' '}
          {t(`sync.settings.passwordStorage.${view.passwordStorage}`, {
            problem: view.passwordStorageProblem ?? '',
          })}
        </small>
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('sync.settings.save')}
        </button>
        <button type="button" onClick={onTest} disabled={busy}>
          {t('sync.settings.test')}
        </button>
        <button type="button" onClick={onForget} disabled={busy || view.settings === null}>
          {t('sync.settings.forget')}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}

function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  const { t } = useTranslation();
  const failed =
    feedback !== null &&
    (feedback.kind === 'problem' ||
      feedback.kind === 'error' ||
      (feedback.kind === 'test' && feedback.test.outcome !== 'ok'));
  let text = '';
  if (feedback?.kind === 'test') {
    text = t(`sync.settings.result.${feedback.test.outcome}`);
  } else if (feedback?.kind === 'saved') text = t('sync.settings.saved');
  else if (feedback?.kind === 'forgotten') text = t('sync.settings.forgotten');
  else if (feedback?.kind === 'problem') text = t(feedback.key);
  else if (feedback?.kind === 'error') {
    text =
      feedback.error.code === 'password-storage-unavailable'
        ? t('sync.settings.passwordRefused', { message: feedback.error.message })
        : t('sync.settings.saveFailed', { message: feedback.error.message });
  }
  // Always rendered, so screen readers announce each new result in the same live region.
  return (
    <p role="status" className={failed ? 'error-text' : undefined}>
      {text}
    </p>
  );
}
