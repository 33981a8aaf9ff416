import { GraphError } from './graph-error';

/**
 * Fetching Wikidata entities failed (network error, HTTP error, API error).
 *
 * Stable code: `ENTITY_RESOLUTION_FAILED`.
 */
export class EntityResolutionError extends GraphError {
  static readonly code = 'ENTITY_RESOLUTION_FAILED';

  constructor(message: string, options?: { cause?: unknown }) {
    super('ENTITY_RESOLUTION_FAILED', message, options);
    this.name = 'EntityResolutionError';
  }
}
