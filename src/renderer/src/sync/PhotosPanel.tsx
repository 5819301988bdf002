import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoUrl } from '@shared/photos/model';
import { useApi } from '../api/ApiContext';
import { useResult } from '../api/use-result';
import { useItems } from '../photos/ItemsContext';
import { planPhotoShare, sharePhotos, type PhotoSharePlan } from './photo-originals';
import { photoSharingOn, setPhotoSharing } from './photo-sharing';
import { apiReceivePorts } from './receive-ports';
import type { SyncService } from './sync-service';
import { useReceiverChanges } from './use-sync';

const gigabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(bytes / 1_000_000_000);

async function original(sha256: string): Promise<Uint8Array> {
  const response = await fetch(photoUrl(sha256, 'original'));
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Photo originals: kept on this machine unless the user chooses to share them. Turning sharing on
 * first shows how many originals and how many bytes would go, and sends nothing until confirmed.
 * Originals teammates shared are received in the background after each completed pull
 * (shared-receiver.ts); "Check now" asks for that at once, and the last check's outcome shows.
 */
export function PhotosPanel({ service }: { service: SyncService }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const items = useItems();
  const replica = service.bridge.replica;
  const [version, setVersion] = useState(0);
  const sharing = useResult(
    async () => ({ ok: true as const, value: await photoSharingOn(replica) }),
    [replica, version],
  );
  const [plan, setPlan] = useState<PhotoSharePlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useReceiverChanges(service);
  const receiver = service.receiver;
  const outcome = receiver.outcome('photos');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ text: t('sync.photos.failed', { message: (error as Error).message }), error: true });
    } finally {
      setBusy(false);
    }
  };

  const record = async (sha256: string) => {
    const answer = await api.call('photos.get', { sha256 });
    return answer.ok ? answer.value : null;
  };

  const prepare = () =>
    run(async () => {
      setPlan(await planPhotoShare(replica, await items.all(), record));
    });

  const confirm = (chosen: PhotoSharePlan) =>
    run(async () => {
      await setPhotoSharing(replica, true);
      const sent = await sharePhotos(replica, chosen, original);
      setPlan(null);
      setVersion((v) => v + 1);
      setMessage({
        text: t('sync.photos.sent', { count: sent.sent, size: gigabytes(sent.bytes, i18n.language) }),
        error: false,
      });
    });

  const keepLocal = () =>
    run(async () => {
      await setPhotoSharing(replica, false);
      setVersion((v) => v + 1);
    });

  const receive = () => {
    setMessage(null);
    void receiver.check('photos', apiReceivePorts(api, replica));
  };
  const received = outcome
    ? outcome.error !== undefined
      ? { text: t('sync.photos.failed', { message: outcome.error }), error: true }
      : {
          text: [
            t('sync.photos.received', { count: outcome.result.imported.length }),
            ...outcome.result.refused.map((refusal) => t('sync.photos.refused', { reason: refusal.reason })),
          ].join(' '),
          error: outcome.result.refused.length > 0,
        }
    : null;

  const on = sharing.status === 'ok' && sharing.value;
  return (
    <section aria-labelledby="sync-photos-heading">
      <h2 id="sync-photos-heading">{t('sync.photos.title')}</h2>
      <p>{on ? t('sync.photos.on') : t('sync.photos.off')}</p>
      {plan === null ? (
        <button type="button" disabled={busy} onClick={() => void prepare()}>
          {t('sync.photos.prepare')}
        </button>
      ) : (
        <div role="group" aria-label={t('sync.photos.confirmLabel')}>
          <p>
            {plan.toSend.length === 0
              ? t('sync.photos.nothing')
              : t('sync.photos.confirm', {
                  count: plan.toSend.length,
                  size: gigabytes(plan.bytes, i18n.language),
                })}
            {plan.absent.length > 0 ? ` ${t('sync.photos.absent', { count: plan.absent.length })}` : null}
          </p>
          {plan.toSend.length > 0 ? (
            <button type="button" disabled={busy} onClick={() => void confirm(plan)}>
              {t('sync.photos.share', { count: plan.toSend.length })}
            </button>
          ) : null}
          <button type="button" disabled={busy} onClick={() => setPlan(null)}>
            {t('sync.photos.cancel')}
          </button>
        </div>
      )}
      {on ? (
        <button type="button" disabled={busy} onClick={() => void keepLocal()}>
          {t('sync.photos.keepLocal')}
        </button>
      ) : null}
      <button
        type="button"
        disabled={busy || receiver.running() === 'photos'}
        aria-label={t('sync.photos.checkNowLabel')}
        onClick={receive}
      >
        {t('sync.photos.checkNow')}
      </button>
      {receiver.running() === 'photos' ? <p role="status">{t('sync.photos.checking')}</p> : null}
      {received ? (
        <p role={received.error ? 'alert' : 'status'} className={received.error ? 'error-text' : undefined}>
          {received.text}
        </p>
      ) : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : undefined}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
