import { useTranslation } from 'react-i18next';
import { DownloadIcon, FileIcon } from '../../components/icons';
import type { QueueFileFieldsFragment } from '../../gql/graphql';
import { formatBytes } from '../../lib/format';

/** One file of the application (a certificate, a notice, an answer) with its download link. */
export function QueueFileLink({ file }: { file: QueueFileFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const kind = t(`queue.files.${file.kind}`, { defaultValue: file.title });
  return (
    <div className="q-file" data-file-kind={file.kind}>
      <FileIcon className="q-file__icon" aria-hidden="true" />
      <div className="q-file__info">
        <p className="q-file__title">{kind}</p>
        <p className="q-file__meta">
          {file.title} · {formatBytes(file.size, i18n.language)}
        </p>
      </div>
      <a className="btn btn--secondary btn--small" href={file.url} download aria-label={t('queue.card.downloadLabel', { title: kind })}>
        <DownloadIcon className="btn__icon" />
        {t('queue.card.download')}
      </a>
    </div>
  );
}
