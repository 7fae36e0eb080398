import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { DownloadIcon, EyeIcon, FileIcon } from '../../components/icons';
import type { ContractDocumentFieldsFragment, ContractFieldsFragment, DocumentKind } from '../../gql/graphql';
import { formatBytes, formatDateTime } from '../../lib/format';
import { addedByLabel, DOCUMENT_KINDS } from './changes';
import { UploadPanel } from './upload/UploadPanel';

/** The kinds seed 000 lists for every contract; other files appear only when there are some. */
const ALWAYS_LISTED: readonly DocumentKind[] = ['DDU', 'REGISTRATION_EXTRACT', 'SUPPLEMENTARY_AGREEMENT'];

function typeLabel(contentType: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  if (contentType === 'image/jpeg') return 'JPEG';
  if (contentType === 'image/png') return 'PNG';
  return contentType;
}

/** Starts a download of `url` as if its link had been clicked. */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function DocumentsCard({
  contract,
  viewerName,
  viewerId,
  refetchContract,
  linksFresh,
}: {
  contract: ContractFieldsFragment;
  viewerName: string | null;
  viewerId: string;
  refetchContract: () => Promise<ContractFieldsFragment | null>;
  linksFresh: () => boolean;
}) {
  const { t, i18n } = useTranslation();
  const [viewing, setViewing] = useState<ContractDocumentFieldsFragment | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [linkError, setLinkError] = useState(false);

  /** The document with a link that will still work when the browser asks for it. */
  const withFreshLinks = async (document: ContractDocumentFieldsFragment) => {
    if (linksFresh()) return document;
    setOpening(document.id);
    const fresh = await refetchContract();
    setOpening(null);
    const found = fresh?.documents.find((d) => d.id === document.id) ?? null;
    setLinkError(!found);
    return found;
  };

  const view = async (document: ContractDocumentFieldsFragment) => {
    setLinkError(false);
    const fresh = await withFreshLinks(document);
    if (fresh?.viewUrl) setViewing(fresh);
  };

  const onDownload = async (event: MouseEvent<HTMLAnchorElement>, document: ContractDocumentFieldsFragment) => {
    setLinkError(false);
    if (linksFresh()) return; // the link as rendered is good: let the browser follow it
    event.preventDefault();
    const fresh = await withFreshLinks(document);
    if (fresh) download(fresh.downloadUrl);
  };

  const groups = DOCUMENT_KINDS.map((kind) => ({ kind, documents: contract.documents.filter((d) => d.kind === kind) })).filter(
    (group) => group.documents.length > 0 || ALWAYS_LISTED.includes(group.kind),
  );

  return (
    <Card id="contract-documents" title={t('contracts.sections.documents')} className="contract__wide">
      {linkError && (
        <Alert tone="error">
          <p>{t('contracts.documents.linkFailed')}</p>
        </Alert>
      )}
      <div className="doc-groups">
        {groups.map(({ kind, documents }) => (
          // A heading per kind and its list, named by it (not a landmark each: the card is one).
          <div key={kind} className="doc-group">
            <h3 className="doc-group__title" id={`doc-kind-${kind}`}>
              {t(`contracts.documentKinds.${kind}`)}
            </h3>
            {documents.length === 0 ? (
              <p className="doc-group__empty">{t('contracts.documents.none')}</p>
            ) : (
              <ul className="doc-list" aria-labelledby={`doc-kind-${kind}`}>
                {documents.map((document) => (
                  <li key={document.id} className="doc">
                    <FileIcon className="doc__icon" />
                    <div className="doc__info">
                      <p className="doc__title">{document.title}</p>
                      <p className="doc__meta">
                        <span>{t(`contracts.documentKinds.${document.kind}`)}</span>
                        <span>
                          {typeLabel(document.contentType)}, {formatBytes(document.size, i18n.language)}
                        </span>
                        <span>
                          {t('contracts.documents.added', {
                            when: formatDateTime(document.createdAt, i18n.language),
                            who: addedByLabel(t, document.addedBy, viewerName),
                          })}
                        </span>
                      </p>
                    </div>
                    <div className="doc__actions">
                      {document.viewUrl && (
                        <Button variant="secondary" onClick={() => void view(document)} busy={opening === document.id} aria-label={t('contracts.documents.viewLabel', { title: document.title })}>
                          <EyeIcon className="btn__icon" />
                          {t('contracts.documents.view')}
                        </Button>
                      )}
                      <a className="btn btn--secondary" href={document.downloadUrl} download onClick={(event) => void onDownload(event, document)} aria-label={t('contracts.documents.downloadLabel', { title: document.title })}>
                        <DownloadIcon className="btn__icon" />
                        {t('contracts.documents.download')}
                      </a>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>

      <UploadPanel contractId={contract.id} contractNumber={contract.number} viewerId={viewerId} onAttached={() => void refetchContract()} />

      <Dialog
        open={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing?.title ?? ''}
        size="wide"
        footer={
          viewing && (
            <>
              <a className="btn btn--secondary" href={viewing.downloadUrl} download>
                <DownloadIcon className="btn__icon" />
                {t('contracts.documents.download')}
              </a>
              <Button onClick={() => setViewing(null)}>{t('dialog.close')}</Button>
            </>
          )
        }
      >
        {viewing?.viewUrl &&
          (viewing.contentType === 'application/pdf' ? (
            <iframe className="viewer__frame" src={viewing.viewUrl} title={viewing.title} />
          ) : (
            <img className="viewer__image" src={viewing.viewUrl} alt={viewing.title} />
          ))}
      </Dialog>
    </Card>
  );
}
