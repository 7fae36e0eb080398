import { useTranslation } from 'react-i18next';
import type { QueuePersonFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../lib/format';

/**
 * A person as the state registries know them (Appendix 2's auto-filled lines): shown, never typed.
 * The list is read-only text, so nothing here can be edited or sent back.
 */
export function PersonFacts({ person, label }: { person: QueuePersonFieldsFragment; label: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const doc = person.document;
  const address = person.address;
  return (
    <dl className="q-facts" aria-label={label} data-person={person.iin}>
      <div className="q-facts__item q-facts__item--wide">
        <dt>{t('queue.person.fullName')}</dt>
        <dd className="q-facts__strong">
          {person.fullName}
          {!person.adult && <span className="tag q-tag">{t('queue.person.minor')}</span>}
        </dd>
      </div>
      <div className="q-facts__item">
        <dt>{t('queue.person.iin')}</dt>
        <dd className="mono">{person.iin}</dd>
      </div>
      <div className="q-facts__item">
        <dt>{t('queue.person.birthDate')}</dt>
        <dd>{person.birthDate ? formatDate(person.birthDate, locale) : '—'}</dd>
      </div>
      {doc && (
        <div className="q-facts__item q-facts__item--wide">
          <dt>{t('queue.person.document')}</dt>
          <dd>{t('queue.person.documentLine', { number: doc.number, date: doc.issuedOn ? formatDate(doc.issuedOn, locale) : '—', issuer: doc.issuer })}</dd>
        </div>
      )}
      {address && (
        <div className="q-facts__item q-facts__item--wide">
          <dt>{t('queue.person.address')}</dt>
          <dd>
            {address.text}
            {address.registeredFrom && <span className="q-facts__sub">{t('queue.person.registeredFrom', { date: formatDate(address.registeredFrom, locale) })}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}
