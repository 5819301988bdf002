/**
 * An item's metadata: its template ("Archival file" with archive/fond/opis/delo/sheets, or
 * "Document"), title, the template's fields (date in EDTF) and free fields of the user's naming.
 * Saved with the Save button; a value that cannot be stored (a date that is not EDTF) is refused with
 * the field and the reason, and nothing is saved.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ITEM_TEMPLATES,
  TEMPLATE_FIELDS,
  type FreeField,
  type Item,
  type ItemField,
  type ItemTemplate,
} from '@shared/photos/item';
import type { ItemChanges } from './items-repository';

interface MetadataFormProps {
  item: Item;
  onSave(changes: ItemChanges): Promise<void>;
}

export function MetadataForm({ item, onSave }: MetadataFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [template, setTemplate] = useState<ItemTemplate>(item.template);
  const [title, setTitle] = useState(item.title);
  const [metadata, setMetadata] = useState(item.metadata);
  const [fields, setFields] = useState<FreeField[]>(item.fields);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const kept = fields.filter((field) => field.name.trim() !== '' || field.value.trim() !== '');
      await onSave({
        template,
        title,
        metadata,
        fields: kept.map((f) => ({ ...f, name: f.name.trim() || '—' })),
      });
      setMessage({ kind: 'saved', text: t('photos.form.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };
  const setField = (field: ItemField, value: string) =>
    setMetadata((current) => ({ ...current, [field]: value }));
  const setFree = (index: number, change: Partial<FreeField>) =>
    setFields((current) => current.map((field, at) => (at === index ? { ...field, ...change } : field)));

  return (
    <form
      className="metadata-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void submit(event)}
    >
      <h2 id={`${id}-heading`}>{t('photos.form.heading')}</h2>
      <label htmlFor={`${id}-template`}>{t('photos.form.template')}</label>
      <select
        id={`${id}-template`}
        value={template}
        onChange={(event) => setTemplate(event.target.value as ItemTemplate)}
      >
        {ITEM_TEMPLATES.map((name) => (
          <option key={name} value={name}>
            {t(`photos.template.${name}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-title`}>{t('photos.field.title')}</label>
      <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
      {TEMPLATE_FIELDS[template].map((field) => (
        <div key={field} className="metadata-field">
          <label htmlFor={`${id}-${field}`}>{t(`photos.field.${field}`)}</label>
          <input
            id={`${id}-${field}`}
            value={metadata[field] ?? ''}
            onChange={(event) => setField(field, event.target.value)}
            {...(field === 'date' ? { 'aria-describedby': `${id}-date-hint` } : {})}
          />
          {field === 'date' && (
            <span className="hint" id={`${id}-date-hint`}>
              {t('photos.form.dateHint')}
            </span>
          )}
        </div>
      ))}
      <fieldset>
        <legend>{t('photos.form.freeFields')}</legend>
        {fields.map((field, index) => (
          <div key={index} className="free-field">
            <input
              aria-label={t('photos.form.freeName', { n: index + 1 })}
              value={field.name}
              onChange={(event) => setFree(index, { name: event.target.value })}
            />
            <input
              aria-label={t('photos.form.freeValue', { n: index + 1 })}
              value={field.value}
              onChange={(event) => setFree(index, { value: event.target.value })}
            />
          </div>
        ))}
        <button type="button" onClick={() => setFields((current) => [...current, { name: '', value: '' }])}>
          {t('photos.form.addField')}
        </button>
      </fieldset>
      <button type="submit">{t('photos.form.save')}</button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </form>
  );
}
