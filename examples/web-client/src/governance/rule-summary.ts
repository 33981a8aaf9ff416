/**
 * @module
 * A one-line description of a decision rule, for people.
 */
import type { ProtocolRule } from '@imago/governance';
import { METHOD_LABELS } from './labels';

/** How long a period lasts, in words. */
export function durationText(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.round(ms / 1000)} seconds`;
  if (minutes < 120) return `${Math.round(minutes * 10) / 10} minutes`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} hours`;
  return `${Math.round(hours / 24)} days`;
}

/**
 * @param rule - a protocol rule of the control table.
 * @returns e.g. "Public vote by majority judgment over 7 days, delegation allowed".
 */
export function ruleSummary(rule: ProtocolRule): string {
  switch (rule.protocol) {
    case 'democracy':
      return `${rule.ballot === 'secret' ? 'Secret' : 'Public'} vote, ${METHOD_LABELS[rule.method].toLowerCase()}, over ${durationText(rule.duration)}${rule.delegation ? ', delegation allowed' : ''}`;
    case 'oligarchy':
      return `${rule.required} approvals from the deciders within ${durationText(rule.duration)}`;
    case 'consensus':
      return `Consensus: adopted unless blocked within ${durationText(rule.duration)}`;
    case 'consent':
      return `Consent: adopted unless a paramount objection stands after ${durationText(rule.duration)}`;
    case 'do-ocracy':
      return `Do-ocracy: stands unless challenged within ${durationText(rule.window)}`;
  }
}
