import type { ControlTable } from '@imago/governance';
import { describe, expect, it } from 'vitest';
import { groupPowerLevels, PROTECTED_STATE_TYPES } from '../group/group-power-levels';
import { derivePowerLevels, KIND_POWERS, kindLevel } from './derived-power-levels';

const HOUR = 3_600_000;

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

describe('power levels derived from the control table, per event type', () => {
  // What an earlier version derived: oligarchy deciders raised to 50, a moderator given 50 by hand.
  const earlier = {
    ...groupPowerLevels('space', { '@bot:hs': 100 }),
    users: { '@bot:hs': 100, '@ana:hs': 50, '@bo:hs': 50, '@mod:hs': 50 },
    events: { 'org.imago.group': 50, 'org.imago.control_table': 50, 'org.example.custom': 20 },
    redact: 0,
  };

  it('raises nobody but the authority, and lowers whatever an earlier table raised', () => {
    const derived = derivePowerLevels({ table, authority: ['@bot:hs'] }, earlier);
    expect(derived.users).toEqual({ '@bot:hs': 100 });
    // The oligarchy's kind is executed by the authority once adopted: 100, not the deciders' 50.
    expect(derived.events).toMatchObject({ 'org.imago.group': 100, 'org.imago.control_table': 100 });
    // Event types the group does not govern keep their level.
    expect((derived.events as Record<string, number>)['org.example.custom']).toBe(20);
    expect(earlier.users['@ana:hs']).toBe(50); // input unchanged
  });

  it('opens do-ocracy kinds to members, but never redactions where the group keeps its evidence', () => {
    expect(kindLevel(table, 'remove-content')).toBe(0);
    expect(derivePowerLevels({ table, authority: ['@bot:hs'] }, earlier, { place: 'chat' }).redact).toBe(0);
    for (const place of ['space', 'decisions'] as const) {
      const derived = derivePowerLevels({ table, authority: ['@bot:hs'] }, earlier, { place });
      expect(derived.redact).toBe(100);
      expect((derived.events as Record<string, number>)['m.room.redaction']).toBe(100);
    }
  });

  it('keeps every protected state type at 100 unless the table opens the kind that sets it', () => {
    const open: ControlTable = {
      rules: { 'change-control-table': { protocol: 'consensus', duration: HOUR } },
      fallback: { protocol: 'do-ocracy', window: HOUR, escalation: { protocol: 'consent', duration: HOUR } },
    };
    const opened = new Set(
      Object.values(KIND_POWERS)
        .flat()
        .flatMap((power) => (power.event ? [power.event] : [])),
    );
    const derived = derivePowerLevels({ table: open, authority: ['@bot:hs'] }, {}, { place: 'space' });
    const events = derived.events as Record<string, number>;
    for (const type of PROTECTED_STATE_TYPES) {
      if (type === 'org.imago.control_table')
        expect(events[type]).toBe(100); // the table's own rule
      else expect(events[type]).toBe(opened.has(type) ? 0 : 100);
    }
    // The pin and the power levels themselves are never opened.
    expect(events['org.imago.authority']).toBe(100);
    expect(events['m.room.power_levels']).toBe(100);
    expect(derived).toMatchObject({ invite: 0, kick: 0, ban: 0, state_default: 100, events_default: 100 });
  });

  it('follows change-authority: the new authority gets 100, the former one is lowered', () => {
    const before = derivePowerLevels({ table, authority: ['@bot:hs'] }, earlier, { place: 'decisions' });
    const after = derivePowerLevels({ table, authority: ['@ana:hs', '@cy:hs'] }, before, {
      place: 'decisions',
    });
    expect(after.users).toEqual({ '@ana:hs': 100, '@cy:hs': 100 });
    expect(after.events_default).toBe(0); // members speak in the rooms, not in the space
  });

  it('never lists a room version 12 creator, who has unlimited power', () => {
    const derived = derivePowerLevels({ table, authority: ['@ana:hs', '@bot:hs'] }, earlier, {
      creators: ['@ana:hs'],
    });
    expect(derived.users).toEqual({ '@bot:hs': 100 });
  });

  it('is a fixed point: deriving again changes nothing', () => {
    const once = derivePowerLevels({ table, authority: ['@bot:hs'] }, earlier, { place: 'debate' });
    expect(derivePowerLevels({ table, authority: ['@bot:hs'] }, once, { place: 'debate' })).toEqual(once);
  });
});
