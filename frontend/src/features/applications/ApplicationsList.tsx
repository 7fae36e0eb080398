import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { ApplicationsTable } from './ApplicationsTable';
import type { ApplicationRows } from './useApplicationRows';

type TableProps = Omit<ComponentProps<typeof ApplicationsTable>, 'rows' | 'liveIds'>;

/** A list of applications in each of its states: failed, loading, empty, the table; then "Load more". */
export function ApplicationsList({ list, empty, onRetry, ...table }: TableProps & { list: ApplicationRows; empty: ReactNode; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { rows, loadError } = list;
  return (
    <>
      {loadError && <LoadFailed error={loadError} onRetry={onRetry} />}
      {!rows && !loadError && <PageLoader />}
      {rows && rows.length === 0 && <div className="empty-state">{empty}</div>}
      {rows && rows.length > 0 && <ApplicationsTable {...table} rows={rows} liveIds={list.liveIds} />}
      {list.hasMore && (
        <p className="applications-more">
          <Button variant="secondary" onClick={() => void list.loadMore()} busy={list.loadingMore}>
            {t('applications.loadMore')}
          </Button>
        </p>
      )}
    </>
  );
}
