import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { type CabinetAccountFieldsFragment, type CabinetLinkFieldsFragment, MyAccountLinksDocument } from '../../gql/graphql';
import type { AccountsPageState } from './AccountsPage';
import { accountPath } from './cabinetContext';
import { LinkAccountDialog, type LinkMethod } from './LinkDialogs';

/**
 * The header's address is a button (seed 004): it opens a menu with the viewer's confirmed accounts
 * (this one marked), adding one by login and password or by address, and "Manage accounts". Esc, a click
 * outside or choosing closes it; focus goes back to the address.
 */
export function AddressMenu({ account }: { account: CabinetAccountFieldsFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState<LinkMethod | null>(null);
  const menuId = `m${useId()}`;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [{ data }] = useQuery({ query: MyAccountLinksDocument, requestPolicy: 'cache-and-network', pause: !open });
  const accounts = (data?.myAccountLinks ?? []).filter((l) => l.status === 'CONFIRMED' && l.account);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    root.current?.querySelector<HTMLElement>('.cab-menu a, .cab-menu button')?.focus();
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const add = (method: LinkMethod) => {
    setOpen(false);
    setAdding(method);
  };

  const linked = (link: CabinetLinkFieldsFragment) => {
    setAdding(null);
    // A confirmed account opens at once; a pending one waits on the list, which says so.
    if (link.status === 'CONFIRMED' && link.account) navigate(accountPath(link.account.id));
    else navigate('/cabinet', { state: { notice: 'pending' } satisfies AccountsPageState });
  };

  return (
    <div className="cab-address" ref={root}>
      <button ref={button} type="button" className="cab-address__button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((v) => !v)} title={account.address}>
        <span className="visually-hidden">{t('cabinet.header.address')}: </span>
        <span className="cab-address__text">{account.address}</span>
        <span className="cab-address__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="cab-menu" id={menuId}>
          <ul className="cab-menu__list" aria-label={t('cabinet.header.menu')}>
            {accounts.map((link) => (
              <li key={link.id}>
                <Link
                  className="cab-menu__item cab-menu__account"
                  to={accountPath(link.account?.id ?? '')}
                  aria-current={link.account?.id === account.id ? 'true' : undefined}
                  onClick={() => setOpen(false)}
                >
                  <span className="cab-menu__number">{link.accountNumber}</span>
                  <span className="cab-menu__sub">{link.address}</span>
                </Link>
              </li>
            ))}
            <li>
              <button type="button" className="cab-menu__item" onClick={() => add('login')}>
                {t('cabinet.header.addByLogin')}
              </button>
            </li>
            <li>
              <button type="button" className="cab-menu__item" onClick={() => add('address')}>
                {t('cabinet.header.addByAddress')}
              </button>
            </li>
            <li>
              <Link className="cab-menu__item" to="/cabinet" onClick={() => setOpen(false)}>
                {t('cabinet.header.manage')}
              </Link>
            </li>
          </ul>
        </div>
      )}
      <LinkAccountDialog method={adding} onClose={() => setAdding(null)} onLinked={linked} />
    </div>
  );
}
