import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';

/**
 * The new key, shown this once (the portal keeps only its hash): selectable, copyable, and gone
 * when the admin says it is saved or leaves the page.
 */
export function NewKeyPanel({ apiKey, clientName, onDone }: { apiKey: string; clientName: string; onDone: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a denied permission): the key stays selected for Ctrl+C.
      setCopied('no');
    }
  };

  return (
    <section className="new-key" aria-labelledby="new-key-title">
      <h2 id="new-key-title" className="new-key__title" tabIndex={-1} ref={heading}>
        {t('apiClients.newKey.title', { name: clientName })}
      </h2>
      <p>{t('apiClients.newKey.once')}</p>
      <div className="new-key__row">
        <label className="visually-hidden" htmlFor="new-api-key">
          {t('apiClients.newKey.label')}
        </label>
        <input id="new-api-key" ref={input} className="field__input mono new-key__value" readOnly value={apiKey} onFocus={(e) => e.target.select()} />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('apiClients.newKey.copy')}
        </Button>
      </div>
      <p aria-live="polite" className="new-key__status">
        {copied === 'yes' && t('apiClients.newKey.copied')}
        {copied === 'no' && t('apiClients.newKey.copyFailed')}
      </p>
      <p className="new-key__usage">{t('apiClients.newKey.usage')}</p>
      <Button onClick={onDone}>{t('apiClients.newKey.done')}</Button>
    </section>
  );
}
