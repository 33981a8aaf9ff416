/**
 * The agent mutations of vf-graphql 0.8.5 (`agent.gql`): people and organizations, the
 * relationships between agents and the roles of those relationships. Records elsewhere may name
 * agents the store does not register (a federated group's members live on other servers), so
 * deleting an agent is refused only while a relationship of this store names it.
 *
 * @module
 */
import { UnknownRecordError } from '../errors/unknown-record-error';
import type { Agent, AgentType } from '../model/agent';
import { JsonObjectReader } from '../parse/json-reader';
import { readAgent } from '../parse/parse-records';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { AgentRelationship, AgentRelationshipRole } from './store-records';
import type { VfStore } from './vf-store';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function requireAgent(store: VfStore, type: AgentType, id: string, path: string): Agent {
  const agent = store.agents.get(id);
  if (agent?.type !== type) throw new UnknownRecordError(type, id, path);
  return agent;
}

/** `createPerson` / `createOrganization`: an agent of that type. */
export function createAgent(store: VfStore, type: AgentType, input: Input): { agent: Agent } {
  const agent = readAgent(
    { ...withoutNulls(input), id: store.nextId(type.toLowerCase()), type },
    type === 'Person' ? 'person' : 'organization',
  );
  store.agents.set(agent.id, agent);
  return { agent };
}

/** `updatePerson` / `updateOrganization`: the fields given; the type stays. */
export function updateAgent(store: VfStore, type: AgentType, input: Input): { agent: Agent } {
  const path = type === 'Person' ? 'person' : 'organization';
  const id = String(input.id);
  const old = requireAgent(store, type, id, `${path}.id`);
  const agent = readAgent(merge(old, { ...input, id, type }), path);
  store.agents.set(id, agent);
  return { agent };
}

/** `deletePerson` / `deleteOrganization`: refused while a relationship names the agent. */
export function deleteAgent(store: VfStore, type: AgentType, id: string): boolean {
  requireAgent(store, type, id, 'id');
  refuseIfUsed(
    firstUse(
      store.agentRelationships.values(),
      (r) => r.subject === id || r.object === id,
      (r) => `agent relationship ${r.id}`,
    ),
    `agent ${id}`,
  );
  store.agents.delete(id);
  return true;
}

function parseRelationship(store: VfStore, value: Input, path: string): AgentRelationship {
  const o = JsonObjectReader.of(value, path);
  const relationship: Writable<AgentRelationship> = {
    id: o.string('id'),
    subject: o.string('subject'),
    object: o.string('object'),
    relationship: o.string('relationship'),
  };
  requireRecord(
    store.agentRelationshipRoles,
    'AgentRelationshipRole',
    relationship.relationship,
    o.at('relationship'),
  );
  const scope = o.optionalStringList('inScopeOf');
  if (scope !== undefined) relationship.inScopeOf = scope;
  const note = o.optionalString('note');
  if (note !== undefined) relationship.note = note;
  return relationship;
}

/** `createAgentRelationship`: `subject` is `relationship` (a registered role) of `object`. */
export function createAgentRelationship(
  store: VfStore,
  input: Input,
): { agentRelationship: AgentRelationship } {
  const relationship = parseRelationship(
    store,
    { ...withoutNulls(input), id: store.nextId('relationship') },
    'relationship',
  );
  store.agentRelationships.set(relationship.id, relationship);
  return { agentRelationship: relationship };
}

/** `updateAgentRelationship`: the fields given. */
export function updateAgentRelationship(
  store: VfStore,
  input: Input,
): { agentRelationship: AgentRelationship } {
  const id = String(input.id);
  const old = requireRecord(store.agentRelationships, 'AgentRelationship', id, 'relationship.id');
  const relationship = parseRelationship(store, merge(old, { ...input, id }), 'relationship');
  store.agentRelationships.set(id, relationship);
  return { agentRelationship: relationship };
}

/** `deleteAgentRelationship`. */
export function deleteAgentRelationship(store: VfStore, id: string): boolean {
  requireRecord(store.agentRelationships, 'AgentRelationship', id, 'id');
  store.agentRelationships.delete(id);
  return true;
}

function parseRole(value: Input, path: string): AgentRelationshipRole {
  const o = JsonObjectReader.of(value, path);
  const role: Writable<AgentRelationshipRole> = { id: o.string('id'), roleLabel: o.string('roleLabel') };
  for (const key of ['inverseRoleLabel', 'note'] as const) {
    const v = o.optionalString(key);
    if (v !== undefined) role[key] = v;
  }
  return role;
}

/** `createAgentRelationshipRole`. */
export function createAgentRelationshipRole(
  store: VfStore,
  input: Input,
): { agentRelationshipRole: AgentRelationshipRole } {
  const role = parseRole({ ...withoutNulls(input), id: store.nextId('role') }, 'agentRelationshipRole');
  store.agentRelationshipRoles.set(role.id, role);
  return { agentRelationshipRole: role };
}

/** `updateAgentRelationshipRole`: the fields given. */
export function updateAgentRelationshipRole(
  store: VfStore,
  input: Input,
): { agentRelationshipRole: AgentRelationshipRole } {
  const id = String(input.id);
  const old = requireRecord(
    store.agentRelationshipRoles,
    'AgentRelationshipRole',
    id,
    'agentRelationshipRole.id',
  );
  const role = parseRole(merge(old, { ...input, id }), 'agentRelationshipRole');
  store.agentRelationshipRoles.set(id, role);
  return { agentRelationshipRole: role };
}

/** `deleteAgentRelationshipRole`: refused while a relationship has that role. */
export function deleteAgentRelationshipRole(store: VfStore, id: string): boolean {
  requireRecord(store.agentRelationshipRoles, 'AgentRelationshipRole', id, 'id');
  refuseIfUsed(
    firstUse(
      store.agentRelationships.values(),
      (r) => r.relationship === id,
      (r) => `agent relationship ${r.id}`,
    ),
    `role ${id}`,
  );
  store.agentRelationshipRoles.delete(id);
  return true;
}
