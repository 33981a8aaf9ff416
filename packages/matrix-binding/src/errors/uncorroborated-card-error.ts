import { MatrixBindingError } from './matrix-binding-error';

/**
 * A group card was served through servers none of which hosts the group's pinned authority. A
 * space hierarchy travels unsigned, and a homeserver keeps a remote hierarchy it was served for a
 * while whoever asks next: a card is taken only from the servers the reader was told to ask
 * (`via`) when the authority it names lives on one of them. {@link UncorroboratedCardError.servers}
 * are the servers asked; {@link UncorroboratedCardError.authority} the authority the card named.
 *
 * Stable code: `uncorroborated-card`.
 */
export class UncorroboratedCardError extends MatrixBindingError {
  static readonly code = 'uncorroborated-card';
  readonly spaceId: string;
  readonly servers: readonly string[];
  readonly authority: readonly string[];

  constructor(spaceId: string, servers: readonly string[], authority: readonly string[]) {
    super(
      'uncorroborated-card',
      `the card served for ${spaceId} names an authority (${authority.join(', ')}) on none of the servers asked (${servers.join(', ')})`,
    );
    this.name = 'UncorroboratedCardError';
    this.spaceId = spaceId;
    this.servers = servers;
    this.authority = authority;
  }
}
