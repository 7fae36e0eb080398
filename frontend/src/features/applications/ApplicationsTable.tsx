import type { ReactNode } from 'react';
import type { ApplicationRowFieldsFragment } from '../../gql/graphql';

type Row = ApplicationRowFieldsFragment;

export interface ApplicationColumn {
  key: string;
  /** The header; also the label of the cell where rows become cards (below 760 px). */
  header: string;
  className?: string;
  cell: (row: Row, index: number) => ReactNode;
}

/** A table of applications, one row each; rows that just changed live flash once. */
export function ApplicationsTable({
  caption,
  columns,
  rows,
  liveIds,
  className,
  rowClassName,
}: {
  caption: string;
  columns: readonly ApplicationColumn[];
  rows: readonly Row[];
  liveIds: ReadonlySet<string>;
  className?: string;
  rowClassName?: (row: Row) => string;
}) {
  return (
    <div className="app-table-wrap">
      <table className={['app-table', className ?? ''].filter(Boolean).join(' ')}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.id} className={[liveIds.has(row.id) ? 'app-table__row--live' : '', rowClassName?.(row) ?? ''].filter(Boolean).join(' ') || undefined} data-application={row.number}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header} className={column.className}>
                  {/* One wrapper, so a card's label grid sees one value however many lines the cell has. */}
                  <div className="app-table__cell">{column.cell(row, index)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
