import { useTranslation } from 'react-i18next';
import type { CabinetLinkFieldsFragment } from '../../gql/graphql';

/** A link's status in words and colour; a rejected one says why (the company's reason). */
export function LinkStatus({ link }: { link: Pick<CabinetLinkFieldsFragment, 'status' | 'rejectReason'> }) {
  const { t } = useTranslation();
  return (
    <span className="cab-status-cell">
      <span className={`cab-status cab-status--${link.status.toLowerCase()}`}>{t(`cabinet.linkStatus.${link.status}`)}</span>
      {link.status === 'PENDING' && <span className="cab-status__note">{t('cabinet.accounts.pendingHint')}</span>}
      {link.status === 'REJECTED' && link.rejectReason && (
        <span className="cab-status__note">
          {t('cabinet.accounts.reason')}: {link.rejectReason}
        </span>
      )}
    </span>
  );
}
