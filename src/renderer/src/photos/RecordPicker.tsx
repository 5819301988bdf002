/**
 * A record picker: type a name, choose a person from the list (↓/↑ move, Enter chooses, Esc clears).
 * The ARIA 1.2 combobox pattern: focus stays in the field, the active option is announced through
 * aria-activedescendant.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchDocument } from '@shared/search/documents';
import { usePersonSearch } from './use-person-search';

export interface PickedRecord {
  collectionId: string;
  recordId: string;
  title: string;
}

export function RecordPicker({ label, onPick }: { label: string; onPick(record: PickedRecord): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const found = usePersonSearch(text);
  const people = found.status === 'done' ? found.people : [];
  const open = people.length > 0;
  const activeIndex = Math.min(active, people.length - 1);
  const pick = (doc: SearchDocument) => {
    onPick({ collectionId: doc.collectionId, recordId: doc.targetId, title: doc.title });
    setText('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && open) setActive((activeIndex + 1) % people.length);
    else if (event.key === 'ArrowUp' && open) setActive((activeIndex - 1 + people.length) % people.length);
    else if (event.key === 'Enter' && open) pick(people[activeIndex] as SearchDocument);
    else if (event.key === 'Escape' && text !== '') setText('');
    else return;
    event.preventDefault();
  };
  return (
    <div className="record-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-status`}
        {...(open ? { 'aria-activedescendant': `${id}-option-${activeIndex}` } : {})}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} hidden={!open}>
        {people.map((doc, index) => (
          <li
            key={doc.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'active' : undefined}
            // Chosen on mousedown so the field keeps focus (no blur in between).
            onMouseDown={(event) => {
              event.preventDefault();
              pick(doc);
            }}
          >
            {doc.title}
          </li>
        ))}
      </ul>
      <p id={`${id}-status`} className="hint" aria-live="polite">
        {found.status === 'searching'
          ? t('photos.links.searching')
          : found.status === 'error'
            ? t('photos.links.searchFailed', { message: found.message })
            : found.status === 'done' && people.length === 0
              ? t('photos.links.noPeople', { text })
              : found.status === 'done'
                ? t('photos.links.found', { count: people.length })
                : t('photos.links.pickerHint')}
      </p>
    </div>
  );
}
