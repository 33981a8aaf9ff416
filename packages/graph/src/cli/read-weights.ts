/**
 * @module
 * `--weights geo=2,theme=1,relation=0.5` → composite weights.
 */
import { InvalidOptionsError } from '../errors/invalid-options-error';
import type { CompositeWeights } from '../propagation/propagate-options';

/**
 * Read a comma-separated list of `component=number`.
 *
 * @throws {InvalidOptionsError} on an unknown component, a repeated one or a bad number.
 */
export function readWeights(text: string): CompositeWeights {
  const weights: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*(geo|relation|theme)\s*=\s*([^\s=]+)\s*$/.exec(part);
    if (!match) throw new InvalidOptionsError(`--weights: cannot read ${JSON.stringify(part)}`, 'weights');
    const [, name, value] = match as unknown as [string, string, string];
    const number = Number(value);
    if (value === '' || !Number.isFinite(number) || number < 0) {
      throw new InvalidOptionsError(`--weights: ${name} must be a finite number ≥ 0`, `weights.${name}`);
    }
    if (name in weights) throw new InvalidOptionsError(`--weights: ${name} given twice`, `weights.${name}`);
    weights[name] = number;
  }
  return weights;
}
