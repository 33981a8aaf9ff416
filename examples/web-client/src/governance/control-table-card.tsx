/**
 * @module
 * The group's control table: who decides what (one line per kind of action), and a form to
 * propose changing the rule of one kind. The change is itself a decision of kind
 * `change-control-table`, decided by the rule the table names for that kind; once adopted, the
 * new table governs the decisions proposed afterwards.
 */
import {
  ActionKinds,
  type ControlTable,
  type CountingMethodName,
  controlTableToJson,
  type ProtocolRule,
  parseControlTable,
  ruleFor,
} from '@imago/governance';
import { type MatrixClient, propose } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { DEFAULT_RULE, democracyRule } from './initial-control-table';
import { METHOD_LABELS } from './labels';
import { KIND_LABELS } from './propose-form';
import { ruleSummary } from './rule-summary';

/** Every kind the table can name, with its words (changing the table included). */
export const TABLE_KIND_LABELS: Record<string, string> = {
  ...KIND_LABELS,
  [ActionKinds.changeControlTable]: 'Change how the group decides',
};

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** What the form asks for. */
export interface RuleChoice {
  protocol: 'democracy' | 'consensus' | 'consent';
  method: CountingMethodName;
  ballot: 'public' | 'secret';
  delegation: boolean;
  amount: number;
  unit: Unit;
}

/** The form starts from the rule a new group starts with, its period in days. */
const DEFAULT_CHOICE: RuleChoice = {
  protocol: 'democracy',
  method: DEFAULT_RULE.method,
  ballot: DEFAULT_RULE.ballot,
  delegation: DEFAULT_RULE.delegation,
  amount: DEFAULT_RULE.duration / UNIT_MS.days,
  unit: 'days',
};

/**
 * The rule a form choice stands for.
 *
 * @param choice - the form's values.
 * @returns the protocol rule (a vote passes with more than half of the counted weight, no quorum).
 */
export function ruleOfChoice(choice: RuleChoice): ProtocolRule {
  const duration = Math.max(1_000, Math.round(choice.amount * UNIT_MS[choice.unit]));
  if (choice.protocol !== 'democracy') return { protocol: choice.protocol, duration };
  return democracyRule({ ...choice, duration });
}

/**
 * The table with one kind's rule replaced, checked as the decision engine will read it.
 *
 * @returns the JSON form for the proposal's `{ table }`, or why it is not a valid table.
 */
export function changedTable(
  table: ControlTable,
  kind: string,
  rule: ProtocolRule,
): { ok: true; json: Record<string, unknown> } | { ok: false; reason: string } {
  const json = controlTableToJson({ ...table, rules: { ...table.rules, [kind]: rule } });
  const parsed = parseControlTable(json);
  return parsed.ok ? { ok: true, json } : { ok: false, reason: parsed.error.message };
}

/** Props of {@link ControlTableCard}. */
export interface ControlTableCardProps {
  client: MatrixClient;
  decisionsRoomId: string;
  table: ControlTable;
  version: number;
}

/** Who decides what, and the form to propose a change. */
export function ControlTableCard({ client, decisionsRoomId, table, version }: ControlTableCardProps) {
  const [kind, setKind] = useState<string>(ActionKinds.publishText);
  const [choice, setChoice] = useState<RuleChoice>(DEFAULT_CHOICE);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const set = (patch: Partial<RuleChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const changeRule = ruleFor(table, ActionKinds.changeControlTable);

  const submit = async (event: Event) => {
    event.preventDefault();
    const rule = ruleOfChoice(choice);
    const changed = changedTable(table, kind, rule);
    if (!changed.ok) {
      setMessage({ ok: false, text: `This table would not be valid: ${changed.reason}` });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      await propose(client, decisionsRoomId, {
        kind: ActionKinds.changeControlTable,
        title: `${TABLE_KIND_LABELS[kind]}: ${ruleSummary(rule)}`,
        action: { table: changed.json },
      });
      setMessage({ ok: true, text: 'Change proposed.' });
    } catch {
      setMessage({ ok: false, text: 'The proposal was not sent. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack" aria-labelledby="control-table-title">
      <h3 id="control-table-title">Who decides what</h3>
      <table class="control-table">
        <caption>Control table, version {version}</caption>
        <thead>
          <tr>
            <th scope="col">Kind of action</th>
            <th scope="col">Decided by</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(TABLE_KIND_LABELS).map(([value, label]) => {
            const rule = ruleFor(table, value);
            return (
              <tr key={value}>
                <th scope="row">{label}</th>
                <td>{rule ? ruleSummary(rule) : 'Not allowed'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form class="stack" onSubmit={submit} aria-labelledby="control-change-title">
        <h4 id="control-change-title">Propose a change</h4>
        <p class="muted">
          {changeRule
            ? `A change is decided by: ${ruleSummary(changeRule)}.`
            : 'The control table does not allow changing it.'}
        </p>
        <label for="control-kind">Kind of action</label>
        <select id="control-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {Object.entries(TABLE_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for="control-protocol">Decided by</label>
        <select
          id="control-protocol"
          value={choice.protocol}
          onChange={(e) => set({ protocol: e.currentTarget.value as RuleChoice['protocol'] })}
        >
          <option value="democracy">A vote</option>
          <option value="consensus">Consensus (adopted unless blocked)</option>
          <option value="consent">Consent (adopted unless a paramount objection stands)</option>
        </select>
        {choice.protocol === 'democracy' && (
          <>
            <label for="control-method">Counting method</label>
            <select
              id="control-method"
              value={choice.method}
              onChange={(e) => set({ method: e.currentTarget.value as CountingMethodName })}
            >
              {Object.entries(METHOD_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <label for="control-ballot">Ballot</label>
            <select
              id="control-ballot"
              value={choice.ballot}
              onChange={(e) => set({ ballot: e.currentTarget.value as RuleChoice['ballot'] })}
            >
              <option value="public">Public</option>
              <option value="secret">Secret</option>
            </select>
            <label class="inline">
              <input
                type="checkbox"
                checked={choice.delegation}
                onChange={(e) => set({ delegation: e.currentTarget.checked })}
              />
              Members may delegate their vote
            </label>
          </>
        )}
        <label for="control-amount">Period</label>
        <div class="inline">
          <input
            id="control-amount"
            type="number"
            min="0.1"
            step="any"
            required
            value={choice.amount}
            onInput={(e) => set({ amount: Number(e.currentTarget.value) })}
          />
          <select
            aria-label="Unit of the period"
            value={choice.unit}
            onChange={(e) => set({ unit: e.currentTarget.value as Unit })}
          >
            <option value="minutes">minutes</option>
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </div>
        <FormMessage message={message} />
        <button type="submit" disabled={busy || !changeRule}>
          {busy ? 'Proposing…' : 'Propose the change'}
        </button>
      </form>
    </section>
  );
}
