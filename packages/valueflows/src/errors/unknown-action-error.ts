import { ValueflowsError } from './valueflows-error';

/** An action identifier is not one of the ValueFlows 1.0 actions. Code `VF_UNKNOWN_ACTION`. */
export class UnknownActionError extends ValueflowsError {
  /** The identifier given. */
  readonly action: string;
  constructor(action: string) {
    super('VF_UNKNOWN_ACTION', `unknown ValueFlows action: ${action}`);
    this.name = 'UnknownActionError';
    this.action = action;
  }
}
