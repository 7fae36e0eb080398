import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { formatDateTime, formatPhone } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyAccountLinksDocument } from './api';
import { CompanyTabs } from './CompanyTabs';
import { LinkDecision } from './LinkDecision';
import { LinkStatusBadge } from './StatusBadges';
import type { AccountLinkRow, AccountLinkStatus } from './types';
import { usePaged } from './usePaged';
import '../../components/office.css';
import './company.css';

const PAGE_SIZE = 25;
const TABS: readonly (AccountLinkStatus | 'ALL')[] = ['PENDING', 'CONFIRMED', 'REJECTED', 'ALL'];

/**
 * Residents asking to link an account by its address (companyAccountLinks): what they typed —
 * account number, address, flat, company — beside the account it names, and who asks; the staff
 * confirm or reject with a reason. The decided ones are a tab away (?status=).
 */
export function LinksPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('company.links.title'));
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((s) => s === params.get('status')) ?? 'PENDING';
  const [flash, setFlash] = useState<string | null>(null);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(CompanyAccountLinksDocument, { status: tab === 'ALL' ? null : tab, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.companyAccountLinks, error: result.error };
    },
    [client, tab],
  );
  const list = usePaged<AccountLinkRow>(fetchPage);

  const decided = (link: AccountLinkRow) => {
    // A decided link leaves the pending tab; elsewhere it stays with its new status.
    const rows = list.rows ?? [];
    if (tab === 'PENDING') list.setRows(rows.filter((r) => r.id !== link.id), Math.max(0, list.total - 1));
    else list.setRows(rows.map((r) => (r.id === link.id ? link : r)), list.total);
    setFlash(t(link.status === 'CONFIRMED' ? 'company.links.confirmed' : 'company.links.rejected', { number: link.accountNumber, name: link.residentName }));
  };

  const rows = list.rows;
  return (
    <div className="page page--wide co-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.links.title')}</h1>
          <p className="page__lead">{t('company.links.lead')}</p>
        </div>
      </div>
      <CompanyTabs />
      <div className="qo-status-tabs" role="group" aria-label={t('company.links.byStatus')}>
        {TABS.map((s) => (
          <Button
            key={s}
            variant={s === tab ? 'primary' : 'secondary'}
            className="btn--small"
            aria-pressed={s === tab}
            onClick={() => {
              setFlash(null);
              setParams(s === 'PENDING' ? {} : { status: s }, { replace: true });
            }}
          >
            {s === 'ALL' ? t('company.links.all') : t(`company.linkStatus.${s}`)}
          </Button>
        ))}
      </div>
      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}
      {rows && <p className="qo-count">{t('company.links.count', { n: list.total })}</p>}
      {list.error && <LoadFailed error={list.error} onRetry={() => void list.refresh()} />}
      {!rows && !list.error && <PageLoader />}
      {rows && rows.length === 0 && <p className="empty-state">{t(tab === 'PENDING' ? 'company.links.emptyPending' : 'company.links.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="co-links">
          {rows.map((link) => (
            <li key={link.id} className="co-link card" data-link={link.accountNumber}>
              <div className="co-link__head">
                <h2 className="co-link__title">
                  {t('company.links.accountTitle', { number: link.accountNumber })} <LinkStatusBadge status={link.status} />
                </h2>
                <span className="muted">{formatDateTime(link.createdAt, locale)}</span>
              </div>
              <div className="co-link__grid">
                <section aria-label={t('company.links.typed')}>
                  <h3 className="co-link__sub">{t('company.links.typed')}</h3>
                  <dl className="app-facts co-facts">
                    <div className="app-facts__item">
                      <dt>{t('company.links.accountNumber')}</dt>
                      <dd className="mono">{link.accountNumber}</dd>
                    </div>
                    <div className="app-facts__item">
                      <dt>{t('company.links.givenAddress')}</dt>
                      <dd>{link.givenAddress || '—'}</dd>
                    </div>
                    <div className="app-facts__item">
                      <dt>{t('company.links.givenFlat')}</dt>
                      <dd>{link.givenFlat || '—'}</dd>
                    </div>
                    <div className="app-facts__item">
                      <dt>{t('company.links.givenCompany')}</dt>
                      <dd>{link.givenCompany || '—'}</dd>
                    </div>
                  </dl>
                </section>
                <section aria-label={t('company.links.who')}>
                  <h3 className="co-link__sub">{t('company.links.who')}</h3>
                  <dl className="app-facts co-facts">
                    <div className="app-facts__item">
                      <dt>{t('company.links.name')}</dt>
                      <dd>{link.residentName || '—'}</dd>
                    </div>
                    <div className="app-facts__item">
                      <dt>{t('company.links.phone')}</dt>
                      <dd className="mono">{formatPhone(link.residentPhone) || '—'}</dd>
                    </div>
                  </dl>
                  <h3 className="co-link__sub">{t('company.links.ourAccount')}</h3>
                  {link.account ? (
                    <p className="co-link__account">
                      {link.account.ownerName} · {link.account.address}
                    </p>
                  ) : (
                    <p className="co-link__account">{link.address || t('company.links.noAccount')}</p>
                  )}
                </section>
              </div>
              {link.status === 'PENDING' && <LinkDecision link={link} onDecided={decided} />}
              {link.status !== 'PENDING' && link.decidedAt && (
                <p className="co-link__decided">
                  {t('company.links.decidedAt', { when: formatDateTime(link.decidedAt, locale) })}
                  {link.rejectReason && <span> · {t('company.links.reasonShown', { reason: link.rejectReason })}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <p className="applications-more">
          <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.more()}>
            {t('company.more')}
          </Button>
        </p>
      )}
    </div>
  );
}
