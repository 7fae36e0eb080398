import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { LoadFailed } from '../../components/LoadFailed';
import { Button } from '../../components/Button';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { PageLoader } from '../../components/PageLoader';
import { SearchForm } from '../../components/SearchForm';
import { AdminUsersDocument, type ViewerFragment } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDateTime, formatPhone } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { accountName } from './access';
import { RolesDialog } from './RolesDialog';
import './admin.css';

const PAGE_SIZE = 25;

interface Page {
  users: ViewerFragment[];
  total: number;
  endCursor: string | null;
  hasMore: boolean;
}

/** The admin's accounts: find one by name, IIN/BIN, email or phone and set its roles (SPEC §2). */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('accounts.title'));
  const client = useClient();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [editing, setEditing] = useState<ViewerFragment | null>(null);
  const [announcement, announce] = useAnnouncement();

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(AdminUsersDocument, { search: search || null, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error || !result.data) {
        setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
        return null;
      }
      setLoadError(null);
      const users = result.data.users;
      return { users: users.edges.map((e) => e.node), total: users.totalCount, endCursor: users.pageInfo.endCursor ?? null, hasMore: users.pageInfo.hasNextPage };
    },
    [client, search],
  );

  useEffect(() => {
    let live = true;
    setPage(null);
    void fetchPage(null).then((first) => live && first && setPage(first));
    return () => {
      live = false;
    };
  }, [fetchPage]);

  const loadMore = async () => {
    if (!page) return;
    setLoadingMore(true);
    const next = await fetchPage(page.endCursor);
    setLoadingMore(false);
    if (next) setPage({ ...next, users: [...page.users, ...next.users.filter((u) => !page.users.some((p) => p.id === u.id))] });
  };

  const none = <span className="muted">—</span>;
  return (
    <div className="page accounts">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('accounts.title')}</h1>
          <p className="page__lead">{page ? t('accounts.count', { n: page.total }) : t('common.loading')}</p>
        </div>
      </div>
      <SearchForm className="accounts__search" label={t('accounts.searchLabel')} buttonLabel={t('accounts.search')} onSearch={setSearch} />

      {loadError && <LoadFailed error={loadError} />}
      {!page && !loadError && <PageLoader />}
      {page && page.users.length === 0 && <div className="empty-state">{t('accounts.empty')}</div>}
      {page && page.users.length > 0 && (
        <ul className="admin-list">
          {page.users.map((user) => (
            <li key={user.id}>
              <article className="admin-card" aria-labelledby={`user-${user.id}`}>
                <div className="admin-card__head">
                  <h2 id={`user-${user.id}`} className="admin-card__name">
                    {accountName(user)}
                  </h2>
                  <span className="admin-card__state">{t(`accounts.kind.${user.kind}`)}</span>
                  <Button variant="secondary" className="admin-card__action" onClick={() => setEditing(user)} aria-label={t('accounts.changeRolesOf', { name: accountName(user) })}>
                    {t('accounts.changeRoles')}
                  </Button>
                </div>
                <dl className="admin-card__data">
                  <div>
                    <dt>{t('profile.iinBin')}</dt>
                    <dd className="mono">{user.iinBin || none}</dd>
                  </div>
                  <div>
                    <dt>{t('profile.email')}</dt>
                    <dd>{user.email || none}</dd>
                  </div>
                  <div>
                    <dt>{t('profile.phone')}</dt>
                    <dd className="mono">{formatPhone(user.phone) || none}</dd>
                  </div>
                  <div>
                    <dt>{t('accounts.createdAt')}</dt>
                    <dd>{formatDateTime(user.createdAt, i18n.language)}</dd>
                  </div>
                  <div className="admin-card__wide">
                    <dt>{t('profile.roles')}</dt>
                    <dd>
                      {user.roles.length ? (
                        <ul className="tag-list">
                          {user.roles.map((role) => (
                            <li key={role} className="tag">
                              {t(`roles.${role}`)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t('accounts.noRoles')}</span>
                      )}
                    </dd>
                  </div>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}
      {page?.hasMore && (
        <p className="accounts__more">
          <Button variant="secondary" onClick={() => void loadMore()} busy={loadingMore}>
            {t('applications.loadMore')}
          </Button>
        </p>
      )}

      {editing && (
        <RolesDialog
          key={editing.id}
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setPage((p) => p && { ...p, users: p.users.map((u) => (u.id === saved.id ? saved : u)) });
            announce(t('accounts.rolesSaved', { name: accountName(saved) }));
          }}
        />
      )}
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
