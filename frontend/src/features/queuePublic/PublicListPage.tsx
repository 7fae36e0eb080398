import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { Button } from '../../components/Button';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { RadioGroup } from '../../components/RadioGroup';
import { SearchForm } from '../../components/SearchForm';
import { SelectField } from '../../components/SelectField';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { type Locality, type PublicPage, type QueueList, QueuePublicListDocument, QueuePublicLocalitiesDocument } from './api';
import { currentAfter, FIRST_PAGE, nextPage, pageNumber, type PageTrail, previousPage, searchText } from './pages';
import './queuePublic.css';

const PAGE_SIZE = 20;
const LISTS: readonly QueueList[] = ['GENERAL', 'VULNERABLE'];

/**
 * The public queue lists (Law on Housing Relations arts. 71, 78; SPEC §5): anyone, signed in or
 * not, chooses a locality and a list and sees the queue in order, names masked, only of those who
 * consented to publication (the server leaves the others out); an application number finds its
 * entry. Pages go by cursor, "next page" and back. The choice lives in the address, so a link
 * opens the same list.
 */
export function PublicListPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('queuePublic.title'));
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const locality = params.get('locality') ?? '';
  const listKind: QueueList = params.get('list') === 'VULNERABLE' ? 'VULNERABLE' : 'GENERAL';
  const search = params.get('q') ?? '';
  const [localities, setLocalities] = useState<Locality[] | null>(null);
  const [trail, setTrail] = useState<PageTrail>(FIRST_PAGE);
  const [page, setPage] = useState<PublicPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [announcement, announce] = useAnnouncement();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void client
      .query(QueuePublicLocalitiesDocument, {}, { requestPolicy: 'network-only' }) // names in the language now chosen
      .toPromise()
      .then((result) => {
        if (!live) return;
        if (result.error || !result.data) setError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
        else setLocalities(result.data.queueLocalities);
      });
    return () => {
      live = false;
    };
  }, [client, locale, attempt]);

  const after = currentAfter(trail);
  useEffect(() => {
    if (!locality) {
      setPage(null);
      return;
    }
    let live = true;
    setLoading(true);
    void client
      .query(QueuePublicListDocument, { locality, listKind, search: searchText(search), first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        setLoading(false);
        if (result.error || !result.data) {
          setError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
          return;
        }
        setError(null);
        setPage(result.data.queuePublicList);
      });
    return () => {
      live = false;
    };
  }, [client, locality, listKind, search, after, attempt]);

  const choose = (next: { locality?: string; list?: QueueList; q?: string }) => {
    const merged = { locality, list: listKind as string, q: search, ...next };
    const entries = Object.entries(merged).filter(([, v]) => v) as [string, string][];
    setTrail(FIRST_PAGE);
    setParams(new URLSearchParams(entries), { replace: true, state: { keepFocus: true } });
  };

  const goTo = (next: PageTrail) => {
    setTrail(next);
    announce(t('queuePublic.pageShown', { n: pageNumber(next) }));
  };

  const chosen = localities?.find((l) => l.code === locality) ?? null;
  const rows = page?.edges ?? [];
  return (
    <div className="page page--wide queue-public">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('queuePublic.title')}</h1>
          <p className="page__lead">{t('queuePublic.lead')}</p>
        </div>
      </div>

      <div className="queue-public__filters">
        {localities ? (
          <SelectField
            label={t('queuePublic.locality')}
            value={locality}
            onChange={(code) => choose({ locality: code })}
            placeholder={t('queuePublic.chooseLocality')}
            options={localities.map((l) => ({ value: l.code, label: l.name }))}
          />
        ) : (
          !error && <PageLoader />
        )}
        <RadioGroup legend={t('queuePublic.list')} name="queue-list" value={listKind} options={LISTS.map((value) => ({ value, label: t(`queuePublic.lists.${value}`) }))} onChange={(list) => choose({ list })} />
        <SearchForm
          key={`${locality}:${listKind}`}
          className="queue-public__search"
          label={t('queuePublic.search')}
          placeholder={t('queuePublic.searchPlaceholder')}
          buttonLabel={t('queuePublic.searchButton')}
          onSearch={(q) => choose({ q })}
        />
      </div>

      {error && <LoadFailed error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!locality && !error && <p className="empty-state">{t('queuePublic.pickFirst')}</p>}
      {locality && !page && loading && <PageLoader />}

      {locality && page && (
        <section aria-labelledby="queue-public-caption" aria-busy={loading}>
          <h2 id="queue-public-caption" className="queue-public__caption">
            {t('queuePublic.caption', { locality: chosen?.name ?? locality, list: t(`queuePublic.lists.${listKind}`) })}
            {search && <span className="queue-public__searching"> · {t('queuePublic.searching', { q: search })}</span>}
          </h2>
          {search && (
            <p>
              <Button variant="link" onClick={() => choose({ q: '' })}>
                {t('queuePublic.clearSearch')}
              </Button>
            </p>
          )}
          {rows.length === 0 ? (
            <p className="empty-state">{search ? t('queuePublic.notFound', { q: search }) : t('queuePublic.empty')}</p>
          ) : (
            <div className="app-table-wrap">
              <table className="app-table queue-public__table">
                <caption className="visually-hidden">{t('queuePublic.tableCaption', { n: pageNumber(trail) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queuePublic.columns.number')}</th>
                    <th scope="col">{t('queuePublic.columns.name')}</th>
                    <th scope="col">{t('queuePublic.columns.application')}</th>
                    <th scope="col">{t('queuePublic.columns.registeredAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ cursor, node }) => (
                    <tr key={cursor} data-application={node.applicationNumber}>
                      <td data-label={t('queuePublic.columns.number')} className="queue-public__number">
                        {node.number}
                      </td>
                      <td data-label={t('queuePublic.columns.name')}>{node.maskedName}</td>
                      <td data-label={t('queuePublic.columns.application')} className="mono">
                        {node.applicationNumber}
                      </td>
                      <td data-label={t('queuePublic.columns.registeredAt')}>{formatDateTime(node.registeredAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="queue-public__pages" aria-label={t('queuePublic.pages')}>
            <Button variant="secondary" disabled={pageNumber(trail) === 1 || loading} onClick={() => goTo(previousPage(trail))}>
              {t('queuePublic.previous')}
            </Button>
            <span className="queue-public__page">{t('queuePublic.page', { n: pageNumber(trail) })}</span>
            <Button variant="secondary" disabled={!page.pageInfo.hasNextPage || loading} onClick={() => goTo(nextPage(trail, page.pageInfo.endCursor))}>
              {t('queuePublic.next')}
            </Button>
          </nav>
        </section>
      )}
      <p className="queue-public__note">{t('queuePublic.consentNote')}</p>
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
