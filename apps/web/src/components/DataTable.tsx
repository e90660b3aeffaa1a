/**
 * A data table as every list page draws it: scrollable on a narrow screen, named for assistive
 * technology, column headers scoped to their column, an optional visible caption, and the
 * message to show when it has no rows.
 */
import type { ReactNode } from 'react';

/** A column header: its text, or a header read by screen readers only (an action column). */
export type Column = string | { label: string; hidden: true } | { key: string; label: ReactNode };

interface DataTableProps {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column[];
  /** Shown above the rows (a legend for the cells). */
  caption?: ReactNode;
  /** Shown instead of an empty table once the rows are known to be none. */
  empty?: ReactNode;
  /** The rows are known (false while loading, so nothing says "none" too early). */
  loaded?: boolean;
  rowCount?: number;
  busy?: boolean;
  id?: string;
  className?: string;
  children: ReactNode;
}

function Header({ column }: { column: Column }) {
  if (typeof column === 'string') return <th scope="col">{column}</th>;
  if ('hidden' in column)
    return (
      <th scope="col">
        <span className="sr-only">{column.label}</span>
      </th>
    );
  return <th scope="col">{column.label}</th>;
}

const keyOf = (c: Column): string => (typeof c === 'string' ? c : 'key' in c ? c.key : c.label);

export function DataTable({ label, columns, caption, empty, loaded = true, rowCount, busy, id, className, children }: DataTableProps) {
  return (
    <>
      <div className="table-wrap">
        <table id={id} className={className} aria-label={label} aria-busy={busy || undefined}>
          {caption && <caption className="muted">{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c) => (
                <Header key={keyOf(c)} column={c} />
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {empty && loaded && rowCount === 0 && <p className="muted">{empty}</p>}
    </>
  );
}
