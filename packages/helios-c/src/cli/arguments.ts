/**
 * Command-line options in belenios-tool's style (`--name=value` or `--name value`).
 *
 * @module
 */
import { UsageError } from '../errors/usage-error';

/** Parsed options of one sub-command. */
export class Options {
  private readonly values = new Map<string, string>();

  /**
   * @param argv - the arguments after the sub-command
   * @param known - option names (without `--`) the sub-command accepts
   * @param flags - options that take no value
   */
  constructor(argv: readonly string[], known: readonly string[], flags: readonly string[] = []) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] as string;
      if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}`);
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (flags.includes(name)) {
        this.values.set(name, 'true');
        continue;
      }
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      this.values.set(name, value);
    }
  }

  /** The value of an option, if given. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The value of a mandatory option. */
  require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw new UsageError(`option --${name} is required`);
    return value;
  }

  /** Whether a flag was given. */
  has(name: string): boolean {
    return this.values.has(name);
  }
}
