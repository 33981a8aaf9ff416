import type { ControlTable } from '@imago/governance';
import { describe, expect, it } from 'vitest';
import { derivePowerLevels } from './derived-power-levels';

const HOUR = 3_600_000;

describe('power levels derived from the control table', () => {
  const table: ControlTable = {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: HOUR },
      'change-profile': {
        protocol: 'oligarchy',
        deciders: { members: ['@ana:hs', '@bo:hs'] },
        required: 1,
        duration: HOUR,
      },
      'remove-content': {
        protocol: 'do-ocracy',
        window: HOUR,
        escalation: { protocol: 'consent', duration: HOUR },
      },
    },
  };
  const current = {
    users: { '@admin:hs': 100, '@bo:hs': 75 },
    events: { 'm.room.power_levels': 100 },
    redact: 50,
  };

  it('gives a fixed oligarchy’s deciders the power its kind takes, opens do-ocracy kinds to everyone', () => {
    const derived = derivePowerLevels(table, current);
    expect(derived.users).toEqual({ '@admin:hs': 100, '@ana:hs': 50, '@bo:hs': 75 });
    expect(derived.events).toMatchObject({
      'org.imago.group': 50,
      'org.imago.control_table': 50,
      'm.room.power_levels': 100,
    });
    expect(derived.redact).toBe(0);
    expect(current.redact).toBe(50); // input unchanged
    // Room version 12 creators have unlimited power and are never listed.
    expect(derivePowerLevels(table, current, ['@ana:hs']).users).toEqual({ '@admin:hs': 100, '@bo:hs': 75 });
  });
});
