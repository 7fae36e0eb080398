import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyBuildingsDocument, CompanyOutagesDocument } from './api';
import { CompanyTabs } from './CompanyTabs';
import { OutageForm } from './OutageForm';
import type { BuildingRef, OutageRow } from './types';
import { usePaged } from './usePaged';
import '../../components/office.css';
import './company.css';

/** Outage notices: publish one for a building, and those published, with how many residents were told in-app and by SMS. */
export function OutagesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('company.outages.title'));
  const client = useClient();
  const [buildings, setBuildings] = useState<BuildingRef[] | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  useEffect(() => {
    void client.query(CompanyBuildingsDocument, {}).toPromise().then((r) => setBuildings(r.data?.companyBuildings ?? []));
  }, [client]);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(CompanyOutagesDocument, { first: 25, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.companyOutages, error: result.error };
    },
    [client],
  );
  const list = usePaged<OutageRow>(fetchPage);

  const published = (outage: OutageRow) => {
    list.setRows([outage, ...(list.rows ?? []).filter((r) => r.id !== outage.id)], list.total + 1);
    setFlash(t('company.outages.published', { address: outage.building.address, notified: outage.notified, sms: outage.smsSent }));
    document.querySelector('h1')?.scrollIntoView?.({ block: 'start' });
  };

  const rows = list.rows;
  return (
    <div className="page page--wide co-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.outages.title')}</h1>
          <p className="page__lead">{t('company.outages.lead')}</p>
        </div>
      </div>
      <CompanyTabs />
      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}
      {!buildings ? <PageLoader /> : buildings.length === 0 ? <p className="empty-state">{t('company.noBuildings')}</p> : <OutageForm buildings={buildings} onPublished={published} />}

      <h2 className="co-section-title">{t('company.outages.listTitle')}</h2>
      {list.error && <LoadFailed error={list.error} onRetry={() => void list.refresh()} />}
      {!rows && !list.error && <PageLoader />}
      {rows && rows.length === 0 && <p className="empty-state">{t('company.outages.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="app-table co-table">
            <caption className="visually-hidden">{t('company.outages.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('company.outages.columns.when')}</th>
                <th scope="col">{t('company.outages.columns.building')}</th>
                <th scope="col">{t('company.outages.columns.text')}</th>
                <th scope="col">{t('company.outages.columns.told')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-outage={o.id}>
                  <td data-label={t('company.outages.columns.when')}>
                    <div className="app-table__cell">
                      <span className="app-table__strong">{t(`company.outageKinds.${o.kind}`, { defaultValue: o.kind })}</span>
                      <span className="app-table__sub">
                        {formatDateTime(o.startsAt, locale)} — {o.endsAt ? formatDateTime(o.endsAt, locale) : t('company.outages.untilFurther')}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('company.outages.columns.building')}>
                    <div className="app-table__cell">{o.building.address}</div>
                  </td>
                  <td data-label={t('company.outages.columns.text')}>
                    <div className="app-table__cell co-content">
                      {o.text}
                      <span className="app-table__sub">{t('company.outages.publishedAt', { when: formatDateTime(o.createdAt, locale) })}</span>
                    </div>
                  </td>
                  <td data-label={t('company.outages.columns.told')}>
                    <div className="app-table__cell">
                      <span>{t('company.outages.inApp', { n: o.notified })}</span>
                      <span className="app-table__sub">{t('company.outages.bySms', { n: o.smsSent })}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
