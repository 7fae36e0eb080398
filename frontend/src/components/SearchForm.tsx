import { type FormEvent, useId, useState } from 'react';
import { Button } from './Button';
import './forms.css';

/** A search box that asks the server only when submitted (Enter or the button), with the text trimmed. */
export function SearchForm({ label, placeholder, buttonLabel, onSearch, className }: { label: string; placeholder?: string; buttonLabel: string; onSearch: (text: string) => void; className?: string }) {
  const id = `q${useId()}`;
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className={['search-form', className ?? ''].filter(Boolean).join(' ')} role="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field__input" type="search" placeholder={placeholder ?? label} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="submit" variant="secondary">
        {buttonLabel}
      </Button>
    </form>
  );
}
