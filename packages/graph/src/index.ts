/**
 * @module @imago/graph
 */
export { GraphError } from './errors/graph-error';
