import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { DownloadIcon, EyeIcon, FileIcon } from '../../components/icons';
import type { ApplicationFieldsFragment } from '../../gql/graphql';
import { formatBytes, formatDateTime } from '../../lib/format';

type AppFile = ApplicationFieldsFragment['files'][number];

/**
 * A file KZhK produced (a notice, the SA): view in the page, download, and "Check it" on the
 * verification page, which fetches the file itself in this browser.
 */
export function FileLinks({ file }: { file: AppFile }) {
  const { t, i18n } = useTranslation();
  const [viewing, setViewing] = useState(false);
  return (
    <div className="app-file">
      <FileIcon className="app-file__icon" />
      <div className="app-file__info">
        <p className="app-file__title">{file.title}</p>
        <p className="app-file__meta">
          <span>{t(`applications.files.kinds.${file.kind}`)}</span>
          <span>PDF, {formatBytes(file.size, i18n.language)}</span>
          <span>{formatDateTime(file.createdAt, i18n.language)}</span>
          {file.signed && <span className="app-file__signed">{t('applications.files.signed')}</span>}
        </p>
      </div>
      <div className="app-file__actions">
        {file.viewUrl && (
          <Button variant="secondary" className="btn--small" onClick={() => setViewing(true)} aria-label={t('applications.files.viewLabel', { title: file.title })}>
            <EyeIcon className="btn__icon" />
            {t('applications.files.view')}
          </Button>
        )}
        {file.downloadUrl && (
          <a className="btn btn--secondary btn--small" href={file.downloadUrl} download aria-label={t('applications.files.downloadLabel', { title: file.title })}>
            <DownloadIcon className="btn__icon" />
            {t('applications.files.download')}
          </a>
        )}
        {file.signed && file.downloadUrl && (
          <Link className="btn btn--ghost btn--small" to="/verify" state={{ url: file.downloadUrl, name: `${file.title}.pdf` }} aria-label={t('applications.files.verifyLabel', { title: file.title })}>
            {t('applications.files.verify')}
          </Link>
        )}
      </div>
      <Dialog
        open={viewing}
        onClose={() => setViewing(false)}
        title={file.title}
        size="wide"
        footer={
          <>
            {file.downloadUrl && (
              <a className="btn btn--secondary" href={file.downloadUrl} download>
                <DownloadIcon className="btn__icon" />
                {t('applications.files.download')}
              </a>
            )}
            <Button onClick={() => setViewing(false)}>{t('dialog.close')}</Button>
          </>
        }
      >
        {file.viewUrl && <iframe className="app-viewer" src={file.viewUrl} title={file.title} />}
      </Dialog>
    </div>
  );
}
