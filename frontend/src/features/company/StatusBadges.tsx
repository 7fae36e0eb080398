import { useTranslation } from 'react-i18next';
import type { AccountLinkStatus, MeetingStatus, ServiceRequestStatus } from './types';

// Coloured by whose move it is: the company's (amber), done (green), nothing more to do (grey).
const REQUEST_TONE: Record<ServiceRequestStatus, string> = { NEW: 'action', IN_WORK: 'progress', CLOSED: 'success', CANCELLED: 'draft' };
const LINK_TONE: Record<AccountLinkStatus, string> = { PENDING: 'action', CONFIRMED: 'success', REJECTED: 'danger' };
const MEETING_TONE: Record<MeetingStatus, string> = { DRAFT: 'draft', OPEN: 'action', CLOSED: 'success' };

export function RequestStatusBadge({ status }: { status: ServiceRequestStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${REQUEST_TONE[status]}`}>{t(`company.requestStatus.${status}`)}</span>;
}

export function LinkStatusBadge({ status }: { status: AccountLinkStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${LINK_TONE[status]}`}>{t(`company.linkStatus.${status}`)}</span>;
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${MEETING_TONE[status]}`}>{t(`company.meetingStatus.${status}`)}</span>;
}
