import { render, screen } from '@testing-library/react';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import { IssuedCertificate } from './IssuedCertificate';

const ISSUED = {
  id: 'b526594c-e696-4d0c-b0dd-813427fb980d', kind: 'registration', language: 'kk', applicationNumber: 'Q-2026-000001',
  queueNumber: 17, registeredAt: '2026-12-01T06:00:00+00:00', issuedAt: '2026-12-01T06:00:02+00:00', sha256: 'ab'.repeat(32), size: 14000,
};

function renderCheck(found: typeof ISSUED | null, checkedSha256: string | null) {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => fromValue({ operation: op, data: { queueCertificateCheck: found }, stale: false, hasNext: false } as OperationResult)),
    );
  render(
    <UrqlProvider value={new Client({ url: '/graphql', exchanges: [exchange] })}>
      <IssuedCertificate id={ISSUED.id} checkedSha256={checkedSha256} />
    </UrqlProvider>,
  );
}

describe('the certificate a QR code names', () => {
  it('tells what was issued and invites to compare a file', async () => {
    renderCheck(ISSUED, null);
    expect(await screen.findByText('Q-2026-000001')).toBeInTheDocument();
    expect(screen.getByText('17')).toBeInTheDocument();
    expect(screen.getByText(/Certificate of registration in the housing queue/)).toBeInTheDocument();
    expect(screen.getByText(/its SHA-256 is compared/)).toBeInTheDocument();
  });

  it('says whether the checked file is the issued one', async () => {
    renderCheck(ISSUED, ISSUED.sha256);
    expect(await screen.findByText('This file is the certificate the portal issued under this code.')).toBeInTheDocument();
  });

  it('warns when the checked file differs', async () => {
    renderCheck(ISSUED, 'cd'.repeat(32));
    expect(await screen.findByText(/its SHA-256 differs/)).toBeInTheDocument();
  });

  it('warns when the portal issued nothing under the code', async () => {
    renderCheck(null, null);
    expect(await screen.findByText(/issued no certificate under/)).toBeInTheDocument();
  });
});
