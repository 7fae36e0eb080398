import type { TFunction } from 'i18next';
import type { NotificationFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { describeUserAgent } from '../../lib/userAgent';

function param(params: unknown, name: string): string {
  if (params && typeof params === 'object' && name in params) {
    const value = (params as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return '';
}

/** The language `t` speaks (i18next's fixed t carries it), for dates and amounts. */
function locale(t: TFunction): string {
  const lng = (t as TFunction & { lng?: string | null }).lng;
  if (lng) return lng;
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'kk';
}

/** The title and text of a notification in the current language, from its kind and params. */
export function notificationText(t: TFunction, n: Pick<NotificationFieldsFragment, 'kind' | 'params'>): { title: string; body: string } {
  switch (n.kind) {
    case 'NEW_SIGN_IN': {
      const method = param(n.params, 'method');
      const { browser, os } = describeUserAgent(param(n.params, 'userAgent'));
      const device = [browser, os].filter(Boolean).join(' · ') || t('sessions.unknownDevice');
      return {
        title: t('notifications.kinds.NEW_SIGN_IN.title'),
        body: t('notifications.kinds.NEW_SIGN_IN.body', {
          method: t(`sessions.methods.${method}`, { defaultValue: method }),
          device,
          ip: param(n.params, 'ip') || '—',
        }),
      };
    }
    case 'APPLICATION_STATUS_CHANGED': {
      const status = param(n.params, 'status');
      return {
        title: t('notifications.kinds.APPLICATION_STATUS_CHANGED.title'),
        body: t('notifications.kinds.APPLICATION_STATUS_CHANGED.body', {
          number: param(n.params, 'number') || '—',
          status: t(`notifications.applicationStatus.${status}`, { defaultValue: status }),
        }),
      };
    }
    // The housing queue: a decision on an application, a change of a complaint (statuses as the API's lower-case values).
    case 'QUEUE_APPLICATION_CHANGED':
    case 'QUEUE_COMPLAINT_CHANGED': {
      const status = param(n.params, 'status').toUpperCase();
      const statusKey = n.kind === 'QUEUE_APPLICATION_CHANGED' ? `queue.status.${status}` : `queue.complaints.status.${status}`;
      return {
        title: t(`notifications.kinds.${n.kind}.title`),
        body: t(`notifications.kinds.${n.kind}.body`, { number: param(n.params, 'number') || '—', status: t(statusKey, { defaultValue: status }) }),
      };
    }
    // The resident cabinet (statuses and kinds as the API's lower-case values).
    case 'ACCOUNT_LINK_DECIDED':
    case 'SERVICE_REQUEST_CHANGED': {
      const status = param(n.params, 'status');
      const group = n.kind === 'ACCOUNT_LINK_DECIDED' ? 'linkStatus' : 'requestStatus';
      return {
        title: t(`notifications.kinds.${n.kind}.title`),
        body: t(`notifications.kinds.${n.kind}.body`, {
          number: param(n.params, 'number') || '—',
          status: t(`notifications.cabinet.${group}.${status}`, { defaultValue: status }),
        }),
      };
    }
    case 'OUTAGE_NOTICE': {
      const kind = param(n.params, 'kind');
      const startsAt = param(n.params, 'startsAt');
      return {
        title: t('notifications.kinds.OUTAGE_NOTICE.title', { kind: t(`notifications.cabinet.outageKind.${kind}`, { defaultValue: kind }) }),
        body: t('notifications.kinds.OUTAGE_NOTICE.body', {
          text: param(n.params, 'text'),
          startsAt: startsAt ? formatDateTime(startsAt, locale(t)) : '—',
        }).trim(),
      };
    }
    case 'PAYMENT_RECEIVED': {
      const amount = Number(param(n.params, 'amount'));
      return {
        title: t('notifications.kinds.PAYMENT_RECEIVED.title'),
        body: t('notifications.kinds.PAYMENT_RECEIVED.body', {
          number: param(n.params, 'number') || '—',
          amount: Number.isFinite(amount)
            ? new Intl.NumberFormat(locale(t), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)
            : param(n.params, 'amount'),
        }),
      };
    }
    case 'MEETING_OPENED': {
      const closesAt = param(n.params, 'closesAt');
      return {
        title: t('notifications.kinds.MEETING_OPENED.title'),
        body: t('notifications.kinds.MEETING_OPENED.body', {
          title: param(n.params, 'title'),
          closesAt: closesAt ? formatDateTime(closesAt, locale(t)) : '—',
        }),
      };
    }
    case 'WELCOME':
    case 'PASSWORD_CHANGED':
    case 'EMAIL_CHANGED':
    case 'PHONE_CHANGED':
      return { title: t(`notifications.kinds.${n.kind}.title`), body: t(`notifications.kinds.${n.kind}.body`) };
    default:
      // A kind added to the API after this build: say something rather than nothing.
      return { title: t('notifications.kinds.OTHER.title'), body: '' };
  }
}
