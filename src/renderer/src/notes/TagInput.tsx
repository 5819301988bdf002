import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseTags } from '@shared/notes/model';

/** Tags as removable chips plus a text box that suggests tags already in use (Enter or comma adds). */
export function TagInput({
  tags,
  suggestions,
  onChange,
}: {
  tags: string[];
  suggestions: string[];
  onChange: (tags: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const id = useId();
  const add = (value: string) => {
    const next = normaliseTags([...tags, ...value.split(',')]);
    setText('');
    if (next.length !== tags.length) onChange(next);
  };
  const free = suggestions.filter((tag) => !tags.some((own) => own.toLowerCase() === tag.toLowerCase()));
  return (
    <div className="tag-input">
      <label htmlFor={`${id}-input`}>{t('notes.editor.tags')}</label>
      <ul className="tag-list" aria-label={t('notes.editor.tagList')}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={t('notes.editor.removeTag', { tag })}
              onClick={() => onChange(tags.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${id}-input`}
        list={`${id}-suggestions`}
        value={text}
        autoComplete="off"
        placeholder={t('notes.editor.tagPlaceholder')}
        onChange={(event) => {
          const value = event.target.value;
          if (value.includes(',')) add(value);
          else setText(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && text.trim() !== '') {
            event.preventDefault();
            add(text);
          } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (text.trim() !== '') add(text);
        }}
      />
      <datalist id={`${id}-suggestions`}>
        {free.slice(0, 50).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}
