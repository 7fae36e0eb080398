import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../components/Button';
import '../../components/forms.css';

/**
 * The queue's search box: like components/SearchForm, but it starts from the search in the
 * address, so a reload or the way back from a request shows what the list is narrowed by.
 */
export function CompanySearch({ label, placeholder, buttonLabel, initial, onSearch, className }: { label: string; placeholder: string; buttonLabel: string; initial: string; onSearch: (text: string) => void; className?: string }) {
  const id = `q${useId()}`;
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className={['search-form', className ?? ''].filter(Boolean).join(' ')} role="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field__input" type="search" placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="submit" variant="secondary">
        {buttonLabel}
      </Button>
    </form>
  );
}
