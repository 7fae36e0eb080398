import { useTranslation } from 'react-i18next';
import { DownloadIcon, FileIcon } from '../../components/icons';
import { formatBytes, formatDate } from '../../lib/format';
import type { QueueCheck, QueueFile, RegistryPerson } from './types';

/** A person as the state registries gave them at filing: read-only, never typed by anyone. */
export function PersonFacts({ person }: { person: RegistryPerson }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const none = <span className="muted">—</span>;
  return (
    <dl className="app-facts">
      <div className="app-facts__item">
        <dt>{t('queueOffice.person.fullName')}</dt>
        <dd>{person.fullName}</dd>
      </div>
      <div className="app-facts__item">
        <dt>{t('queueOffice.person.iin')}</dt>
        <dd className="mono">{person.iin}</dd>
      </div>
      <div className="app-facts__item">
        <dt>{t('queueOffice.person.birthDate')}</dt>
        <dd>
          {person.birthDate ? formatDate(person.birthDate, locale) : none}
          {!person.adult && <span className="qo-tag">{t('queueOffice.person.minor')}</span>}
        </dd>
      </div>
      <div className="app-facts__item">
        <dt>{t('queueOffice.person.document')}</dt>
        <dd>
          {person.document
            ? [person.document.number, person.document.issuedOn && formatDate(person.document.issuedOn, locale), person.document.issuer].filter(Boolean).join(', ')
            : none}
        </dd>
      </div>
      <div className="app-facts__item app-facts__item--wide">
        <dt>{t('queueOffice.person.address')}</dt>
        <dd>
          {person.address ? (
            <>
              {person.address.text}
              {person.address.registeredFrom && (
                <span className="app-table__sub">{t('queueOffice.person.registeredFrom', { date: formatDate(person.address.registeredFrom, locale) })}</span>
              )}
            </>
          ) : (
            none
          )}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The eligibility checks as the server ran them: failed ones first (with the reason code), then
 * passed ones; those that do not apply to this application are only counted, opened on demand.
 */
export function ChecksList({ checks }: { checks: readonly QueueCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return <p className="muted">{t('queueOffice.checks.none')}</p>;
  const applying = checks.filter((c) => c.applies);
  const ordered = [...applying.filter((c) => !c.passed), ...applying.filter((c) => c.passed)];
  const notApplying = checks.filter((c) => !c.applies);
  const item = (check: QueueCheck) => {
    const state = !check.applies ? 'na' : check.passed ? 'passed' : 'failed';
    return (
      <li key={check.code} className={`qo-check qo-check--${state}`} data-check={check.code}>
        <span className="qo-check__state">{t(`queueOffice.checks.${state}`)}</span>
        <span className="qo-check__text">
          {check.explanation}
          {state === 'failed' && check.reason && <span className="qo-check__code mono">{check.reason}</span>}
        </span>
      </li>
    );
  };
  return (
    <>
      <ul className="qo-checks">{ordered.map(item)}</ul>
      {notApplying.length > 0 && (
        <details className="qo-checks__na">
          <summary>{t('queueOffice.checks.notApplying', { n: notApplying.length })}</summary>
          <ul className="qo-checks">{notApplying.map(item)}</ul>
        </details>
      )}
    </>
  );
}

/** Files of the application (the technical conclusion, the notices, the certificates, the applicant's position). */
export function FileList({ files, label }: { files: readonly QueueFile[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return <p className="muted">{t('queueOffice.files.none')}</p>;
  return (
    <ul className="qo-files" aria-label={label}>
      {files.map((file) => (
        <li key={file.id} className="app-file">
          <FileIcon className="app-file__icon" />
          <div className="app-file__info">
            <p className="app-file__title">{file.title}</p>
            <p className="app-file__meta">
              <span>{t(`queueOffice.files.kinds.${file.kind}`, { defaultValue: file.kind })}</span>
              <span>{formatBytes(file.size, i18n.language)}</span>
            </p>
          </div>
          <div className="app-file__actions">
            <a className="btn btn--secondary btn--small" href={file.url} download aria-label={t('queueOffice.files.downloadLabel', { title: file.title })}>
              <DownloadIcon className="btn__icon" />
              {t('queueOffice.files.download')}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}
