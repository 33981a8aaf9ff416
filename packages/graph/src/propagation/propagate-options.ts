/**
 * @module
 * Options of {@link propagate} and their defaults, checked once at the boundary.
 */
import { InvalidOptionsError } from '../errors/invalid-options-error';
import type { GeoIndex } from '../proximity/geo-index';
import type { ThemeIndex } from '../proximity/theme-index';

/** Which proximity ranks the targets. */
export type ProximityMode = 'geo' | 'relation' | 'theme' | 'composite';

/** The proximity modes, in a stable order. */
export const PROXIMITY_MODES: readonly ProximityMode[] = ['geo', 'relation', 'theme', 'composite'];

/** Relative weights of the components of the composite proximity (non-negative; normalised by their sum). */
export interface CompositeWeights {
  /** Weight of geographic closeness. */
  geo?: number;
  /** Weight of closeness through accepted relations. */
  relation?: number;
  /** Weight of shared themes. */
  theme?: number;
}

/** Options of {@link propagate}. */
export interface PropagateOptions {
  /** Ranking: `geo`, `relation`, `theme` or `composite` (default `composite`). */
  by?: ProximityMode;
  /** How many targets at most (default 10; `Infinity` for all). */
  k?: number;
  /** Only targets whose location is at most this far from the source's, in km (inclusive). */
  radiusKm?: number;
  /** Only targets reachable in at most this many hops over accepted relations. */
  maxHops?: number;
  /** Only targets whose theme similarity is at least this (theme mode always requires > 0). */
  minSimilarity?: number;
  /**
   * Composite weights. Default: all three equal. When given, an omitted component weighs 0.
   */
  weights?: CompositeWeights;
  /** Composite only: distance at which the geographic component is one half (default 10 km). */
  geoScaleKm?: number;
  /**
   * Theme matching: 0 (default) compares the themes themselves; n > 0 also credits broader themes
   * up to n `subclass-of` (P279) steps above each theme, so "urban gardening" meets "gardening".
   */
  themeDepth?: number;
  /** Kind of announcement (`need`, `offer`, `event`…), checked against each target's `accepts`. */
  kind?: string;
  /** A spatial index of the same graph ({@link createGeoIndex}); without it geo ranking scans every group. */
  geoIndex?: GeoIndex;
  /**
   * A thematic index of the same graph ({@link createThemeIndex}); without it theme ranking
   * counts shared themes through each theme's edges and compares candidate sets one by one.
   */
  themeIndex?: ThemeIndex;
}

/** Options with defaults applied and values checked. */
export interface ResolvedPropagateOptions {
  by: ProximityMode;
  k: number;
  radiusKm: number | undefined;
  maxHops: number | undefined;
  minSimilarity: number | undefined;
  weights: Required<CompositeWeights>;
  geoScaleKm: number;
  themeDepth: number;
  kind: string | undefined;
  geoIndex: GeoIndex | undefined;
  themeIndex: ThemeIndex | undefined;
}

function check(condition: boolean, option: string, message: string): void {
  if (!condition) throw new InvalidOptionsError(`${option}: ${message}`, option);
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value) && value >= 0;
}

function isCount(value: unknown): value is number {
  return value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && (value as number) >= 0);
}

/**
 * Apply defaults and check options.
 *
 * @throws {InvalidOptionsError} naming the first bad option.
 */
export function resolvePropagateOptions(options: PropagateOptions = {}): ResolvedPropagateOptions {
  const by = options.by ?? 'composite';
  check(PROXIMITY_MODES.includes(by), 'by', 'expected geo, relation, theme or composite');
  const k = options.k ?? 10;
  check(isCount(k), 'k', 'expected a non-negative integer');
  const { radiusKm, maxHops, minSimilarity } = options;
  check(
    radiusKm === undefined || isNonNegativeNumber(radiusKm),
    'radiusKm',
    'expected a non-negative number',
  );
  check(maxHops === undefined || isCount(maxHops), 'maxHops', 'expected a non-negative integer');
  check(
    minSimilarity === undefined || (isNonNegativeNumber(minSimilarity) && minSimilarity <= 1),
    'minSimilarity',
    'expected a number in [0, 1]',
  );
  let weights = { geo: 1, relation: 1, theme: 1 };
  if (options.weights !== undefined) {
    check(typeof options.weights === 'object' && options.weights !== null, 'weights', 'expected an object');
    weights = { geo: 0, relation: 0, theme: 0 };
    for (const [name, value] of Object.entries(options.weights)) {
      check(
        name === 'geo' || name === 'relation' || name === 'theme',
        `weights.${name}`,
        'unknown component',
      );
      if (value === undefined) continue;
      check(
        isNonNegativeNumber(value) && Number.isFinite(value),
        `weights.${name}`,
        'expected a finite number ≥ 0',
      );
      weights[name as keyof typeof weights] = value;
    }
    check(
      weights.geo + weights.relation + weights.theme > 0,
      'weights',
      'at least one weight must be positive',
    );
  }
  const geoScaleKm = options.geoScaleKm ?? 10;
  check(
    isNonNegativeNumber(geoScaleKm) && geoScaleKm > 0 && Number.isFinite(geoScaleKm),
    'geoScaleKm',
    'expected a positive number',
  );
  const themeDepth = options.themeDepth ?? 0;
  check(Number.isInteger(themeDepth) && themeDepth >= 0, 'themeDepth', 'expected a non-negative integer');
  check(options.kind === undefined || typeof options.kind === 'string', 'kind', 'expected a string');
  return {
    by,
    k,
    radiusKm,
    maxHops,
    minSimilarity,
    weights,
    geoScaleKm,
    themeDepth,
    kind: options.kind,
    geoIndex: options.geoIndex,
    themeIndex: options.themeIndex,
  };
}
