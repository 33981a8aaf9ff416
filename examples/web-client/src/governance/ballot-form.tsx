/**
 * @module
 * A public ballot for a democracy decision, shaped by its counting method: one choice
 * (plurality), any choices (approval), a majority-judgment grid (a grade per option), or a ranking
 * (Schulze, STV). Produces the Belenios-shaped integer array `org.imago.governance.vote` carries.
 */
import type { Ballot, Decision, DemocracyRule } from '@imago/governance';
import { useState } from 'preact/hooks';
import { gradeNames } from './labels';

/** Props of {@link BallotForm}. */
export interface BallotFormProps {
  decision: Decision;
  rule: DemocracyRule;
  /** The person's current ballot, if they voted. */
  current: Ballot | undefined;
  onCast: (ballot: number[]) => Promise<void>;
  /** Text of the submit button. */
  submitLabel?: string;
  /** Accessible name of the form (default: "Ballot: <title>"). */
  formLabel?: string;
}

function initialBallot(
  rule: DemocracyRule,
  options: readonly string[],
  current: Ballot | undefined,
): number[] {
  if (current && current.length === options.length) return [...current];
  switch (rule.method) {
    case 'plurality':
    case 'approval':
      return options.map(() => 0);
    case 'majority-judgment':
      return options.map(() => 0);
    default:
      return options.map((_, i) => i + 1);
  }
}

/** The ballot form of one decision. */
export function BallotForm({
  decision,
  rule,
  current,
  onCast,
  submitLabel = 'Vote',
  formLabel,
}: BallotFormProps) {
  const options = decision.options;
  const [ballot, setBallot] = useState(() => initialBallot(rule, options, current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = decision.id.replace(/[^A-Za-z0-9]/g, '');
  const set = (index: number, value: number) => setBallot(ballot.map((v, i) => (i === index ? value : v)));

  const complete =
    rule.method === 'plurality'
      ? ballot.filter((v) => v === 1).length === 1
      : rule.method === 'majority-judgment'
        ? ballot.every((v) => v >= 1)
        : true;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!complete) {
      setError(rule.method === 'plurality' ? 'Choose one option.' : 'Give a grade to every option.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onCast(ballot);
    } catch {
      setError('The ballot was not sent. Try again.');
    } finally {
      setBusy(false);
    }
  };

  let fields: preact.JSX.Element;
  if (rule.method === 'plurality') {
    fields = (
      <fieldset>
        <legend>Your choice</legend>
        {options.map((option, i) => (
          <label class="check" key={option}>
            <input
              type="radio"
              name={`ballot-${id}`}
              checked={ballot[i] === 1}
              onChange={() => setBallot(options.map((_, j) => (j === i ? 1 : 0)))}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  } else if (rule.method === 'approval') {
    fields = (
      <fieldset>
        <legend>The options you approve</legend>
        {options.map((option, i) => (
          <label class="check" key={option}>
            <input
              type="checkbox"
              checked={ballot[i] === 1}
              onChange={(e) => set(i, e.currentTarget.checked ? 1 : 0)}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  } else if (rule.method === 'majority-judgment') {
    const grades = gradeNames(rule.grades ?? 5);
    fields = (
      <div class="grid-scroll">
        <table class="mj-grid">
          <caption>Grade every option</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              {grades.map((grade) => (
                <th scope="col" key={grade}>
                  {grade}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {options.map((option, i) => (
              <tr key={option}>
                <th scope="row">{option}</th>
                {grades.map((grade, g) => (
                  <td key={grade}>
                    <input
                      type="radio"
                      name={`grade-${id}-${i}`}
                      aria-label={`${option}: ${grade}`}
                      checked={ballot[i] === g + 1}
                      onChange={() => set(i, g + 1)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  } else {
    fields = (
      <fieldset>
        <legend>
          Rank the options (1 is your first choice{rule.method === 'schulze' ? '; ties allowed' : ''})
        </legend>
        {options.map((option, i) => (
          <label class="rank" key={option}>
            <input
              type="number"
              min="1"
              max={options.length}
              required
              value={ballot[i]}
              onInput={(e) => set(i, Number(e.currentTarget.value))}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  }

  return (
    <form
      class="ballot stack"
      onSubmit={submit}
      aria-label={formLabel ?? `Ballot: ${decision.title ?? decision.kind}`}
    >
      {fields}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : current ? `Change my vote` : submitLabel}
      </button>
    </form>
  );
}
