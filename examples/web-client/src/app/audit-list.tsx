/**
 * @module
 * The audit of a replay: the events it read and gave no effect (forged, late, from the wrong
 * sender…), each with its warning code, the domain's reason and the event id. Collapsed, shown
 * only when there is something to report.
 */
import type { ImagoWarning } from '@imago/matrix-binding';

/**
 * @param props.warnings - the replay's warnings.
 * @param props.what - what the events are, plural and lower case (`ledger entries`).
 * @param props.one - the same, singular (`ledger entry`).
 */
export function AuditList({
  warnings,
  what,
  one,
}: {
  warnings: readonly ImagoWarning[];
  what: string;
  one: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <details>
      <summary>
        {warnings.length} {warnings.length === 1 ? one : what} without effect (audit)
      </summary>
      <ul aria-label={`${what.charAt(0).toUpperCase()}${what.slice(1)} without effect`}>
        {warnings.map((w, i) => (
          <li key={`${w.eventId ?? ''}-${i}`}>
            {w.code}
            {w.reason ? ` (${w.reason})` : ''}: {w.detail ?? ''} {w.eventId ?? ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
