import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import type { ApplicationFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { FileLinks } from './FileLinks';

/** NEEDS_REVISION: what KZhK asks, by when, and its signed notice (download and check). */
export function RevisionNotice({ application }: { application: ApplicationFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const request = [...application.history].reverse().find((e) => e.action === 'request_revision');
  const notices = application.files.filter((f) => f.kind === 'REVISION_NOTICE');
  const notice = notices[notices.length - 1];
  return (
    <Alert tone="warning" title={t('applications.revision.title')} className="revision-notice">
      {application.revisionDeadline && (
        <p>
          {t('applications.revision.deadline')} <strong>{formatDate(application.revisionDeadline, i18n.language)}</strong>
        </p>
      )}
      {request?.comment && (
        <>
          <p>{t('applications.revision.comment')}</p>
          <blockquote className="revision-notice__comment">{request.comment}</blockquote>
        </>
      )}
      <p>{t('applications.revision.howTo')}</p>
      {notice && <FileLinks file={notice} />}
    </Alert>
  );
}
