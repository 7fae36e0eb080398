import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormErrors } from '../../components/FormErrors';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { AccountLinkRemoveDocument, CabinetAccountLinkUpdatedDocument, type CabinetLinkFieldsFragment, MyAccountLinksDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { useSocket } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { accountPath } from './cabinetContext';
import { LinkAccountDialog, type LinkMethod } from './LinkDialogs';
import { LinkStatus } from './LinkStatus';
import './cabinet.css';

/** What the header's menu asks of this page: open one of the dialogs at once. */
export interface AccountsPageState {
  open?: LinkMethod;
  notice?: 'pending';
}

/**
 * "Choose a personal account" (seed 004): the viewer's links with number, address and status,
 * "Select" on confirmed ones; adding by login and password or by address; a pending link shows
 * here until the company decides, and its decision arrives by itself.
 */
export function CabinetAccountsPage() {
  const { t } = useTranslation();
  const client = useClient();
  const socket = useSocket();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state as AccountsPageState | null) ?? {};
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyAccountLinksDocument, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState<LinkMethod | null>(state.open ?? null);
  // Kept as a key, so that it follows a language switch.
  const [notice, setNotice] = useState<{ tone: 'success' | 'info'; key: string; number?: string } | null>(state.notice === 'pending' ? { tone: 'info', key: 'pendingNotice' } : null);
  const [removing, setRemoving] = useState<CabinetLinkFieldsFragment | null>(null);
  const [announcement, announce] = useAnnouncement();
  usePageTitle(t('cabinet.accounts.title'));

  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const linksRef = useRef<readonly CabinetLinkFieldsFragment[]>([]);
  linksRef.current = data?.myAccountLinks ?? [];
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    const subscription = client.subscription(CabinetAccountLinkUpdatedDocument, {}).subscribe((result) => {
      const link = result.data?.accountLinkUpdated;
      if (!link) return;
      reload();
      const tr = tRef.current;
      announce(tr(`cabinet.accounts.decided.${link.status}`, { number: link.accountNumber }));
    });
    return () => subscription.unsubscribe();
  }, [client, reload, announce]);
  useEffect(() => socket?.onReconnected(reload), [socket, reload]);

  useEffect(() => {
    // The dialog the header asked for is opened once; a reload must not open it again.
    if (state.open || state.notice) navigate(location.pathname, { replace: true, state: null });
  }, [state.open, state.notice, navigate, location.pathname]);

  const linked = (link: CabinetLinkFieldsFragment) => {
    setAdding(null);
    reload();
    if (link.status === 'CONFIRMED') setNotice({ tone: 'success', key: 'confirmedNotice', number: link.accountNumber });
    else setNotice({ tone: 'info', key: 'pendingNotice' });
  };

  const links = data?.myAccountLinks ?? [];
  return (
    <div className="page cab-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('cabinet.accounts.title')}</h1>
          <p className="page__lead">{t('cabinet.accounts.lead')}</p>
        </div>
      </div>
      <div className="cab-actions">
        <Button variant="secondary" onClick={() => setAdding('login')}>
          {t('cabinet.accounts.addByLogin')}
        </Button>
        <Button variant="secondary" onClick={() => setAdding('address')}>
          {t('cabinet.accounts.addByAddress')}
        </Button>
      </div>
      {notice && (
        <Alert tone={notice.tone} className="cab-notice">
          <p>{t(`cabinet.accounts.${notice.key}`, { number: notice.number })}</p>
        </Alert>
      )}
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={reload} />}
      {fetching && !data && <PageLoader />}
      {data && links.length === 0 && (
        <div className="empty-state">
          <p className="cab-empty__title">{t('cabinet.accounts.emptyTitle')}</p>
          <p>{t('cabinet.accounts.emptyText')}</p>
        </div>
      )}
      {links.length > 0 && (
        <div className="cab-table-wrap">
          <table className="cab-table">
            <caption className="visually-hidden">{t('cabinet.accounts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cabinet.accounts.number')}</th>
                <th scope="col">{t('cabinet.accounts.address')}</th>
                <th scope="col">{t('cabinet.accounts.status')}</th>
                <th scope="col">{t('cabinet.accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id} data-account={link.accountNumber}>
                  <td data-label={t('cabinet.accounts.number')} className="mono">
                    {link.accountNumber}
                  </td>
                  <td data-label={t('cabinet.accounts.address')}>{link.address}</td>
                  <td data-label={t('cabinet.accounts.status')}>
                    <LinkStatus link={link} />
                  </td>
                  <td data-label={t('cabinet.accounts.actions')}>
                    <div className="cab-table__actions">
                      {link.status === 'CONFIRMED' && link.account && (
                        <Link className="btn btn--primary btn--small" to={accountPath(link.account.id)} aria-label={t('cabinet.accounts.selectNumber', { number: link.accountNumber })}>
                          {t('cabinet.accounts.select')}
                        </Link>
                      )}
                      <Button variant="ghost" className="btn--small" onClick={() => setRemoving(link)} aria-label={t('cabinet.accounts.removeNumber', { number: link.accountNumber })}>
                        {t('cabinet.accounts.remove')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LinkAccountDialog method={adding} onClose={() => setAdding(null)} onLinked={linked} />
      <RemoveLinkDialog
        link={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(link) => {
          setRemoving(null);
          reload();
          setNotice({ tone: 'success', key: 'removedNotice', number: link.accountNumber });
        }}
      />
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}

/** "Remove" asks first: the account's data stays with the company; only this viewer's link ends. */
function RemoveLinkDialog({ link, onClose, onRemoved }: { link: CabinetLinkFieldsFragment | null; onClose: () => void; onRemoved: (link: CabinetLinkFieldsFragment) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, remove] = useMutation(AccountLinkRemoveDocument);
  const [errors, setErrors] = useState<AppError[]>([]);
  const confirm = async () => {
    if (!link) return;
    const result = await remove({ input: { linkId: link.id } });
    const payload = result.data?.accountLinkRemove;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length) return setErrors(payload.errors);
    setErrors([]);
    onRemoved(link);
  };
  return (
    <Dialog
      open={link !== null}
      onClose={() => {
        setErrors([]);
        onClose();
      }}
      title={t('cabinet.accounts.removeTitle', { number: link?.accountNumber ?? '' })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" busy={fetching} onClick={() => void confirm()}>
            {t('cabinet.accounts.removeConfirm')}
          </Button>
        </>
      }
    >
      <FormErrors errors={errors} />
      <p>{t('cabinet.accounts.removeText')}</p>
    </Dialog>
  );
}
