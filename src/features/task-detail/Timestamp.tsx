import { formatDateTime } from '../../components/formatting';

/** A local date-time; the exact ISO string (with OCP's offset) is in the title and the machine-readable attribute. */
export function Timestamp({ iso }: { iso: string | undefined }) {
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
}
