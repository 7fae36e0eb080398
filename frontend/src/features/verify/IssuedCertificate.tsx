import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { QueueCertificateCheckDocument } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

/**
 * What the portal issued under the id a housing-queue certificate's QR code names
 * (`/verify?certificate=<id>`): the kind, the application and queue numbers, the dates and the
 * SHA-256 of the issued PDF, which a file checked below is compared with.
 */
export function IssuedCertificate({ id, checkedSha256 }: { id: string; checkedSha256: string | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [{ data, fetching, error }] = useQuery({ query: QueueCertificateCheckDocument, variables: { id } });
  if (fetching) return <p className="verify-issued__loading">{t('verify.issued.loading')}</p>;
  const issued = data?.queueCertificateCheck;
  if (error || !issued) {
    return <Alert tone="warning" className="verify-issued" title={t('verify.issued.notFound', { id })} />;
  }
  const facts: [string, string][] = [
    [t('verify.issued.application'), issued.applicationNumber],
    ...(issued.queueNumber != null ? [[t('verify.issued.queueNumber'), String(issued.queueNumber)] as [string, string]] : []),
    ...(issued.registeredAt ? [[t('verify.issued.registeredAt'), formatDateTime(issued.registeredAt, locale)] as [string, string]] : []),
    [t('verify.issued.issuedAt'), formatDateTime(issued.issuedAt, locale)],
  ];
  const matches = checkedSha256 ? checkedSha256 === issued.sha256 : null;
  return (
    <Card className="verify-issued" title={t('verify.issued.title')} id="verify-issued">
      <p className="verify-issued__kind">
        {t(`verify.issued.kind.${issued.kind}`, { defaultValue: issued.kind })} ({t(`verify.issued.language.${issued.language}`, { defaultValue: issued.language })})
      </p>
      <dl className="verify-sig__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="verify-verdict__hash mono">SHA-256: {issued.sha256}</p>
      {matches === null && <p>{t('verify.issued.compare')}</p>}
      {matches === true && <Alert tone="success" title={t('verify.issued.match')} />}
      {matches === false && <Alert tone="error" title={t('verify.issued.mismatch')} />}
    </Card>
  );
}
