/**
 * @module @imago/valueflows
 */
export { ValueflowsError } from './errors/valueflows-error';
