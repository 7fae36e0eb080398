import type { TFunction } from 'i18next';
import type { ApplicationColumn } from './ApplicationsTable';
import { categoryLabel } from './labels';
import { StatusBadge } from './StatusBadge';

/** The columns the applicant's list and KZhK's queue show alike. */
export function sharedColumns(t: TFunction): Record<'contractNumber' | 'category' | 'status', ApplicationColumn> {
  return {
    contractNumber: {
      key: 'contractNumber',
      header: t('applications.columns.contractNumber'),
      className: 'mono app-table__nowrap',
      cell: (row) => row.contract?.number ?? '—',
    },
    category: { key: 'category', header: t('applications.columns.category'), cell: (row) => categoryLabel(t, row.category, row.categoryOther) },
    status: { key: 'status', header: t('applications.columns.status'), cell: (row) => <StatusBadge status={row.status} /> },
  };
}
