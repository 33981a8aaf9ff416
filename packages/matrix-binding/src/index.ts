/**
 * @module @imago/matrix-binding
 */
export { MatrixBindingError } from './errors/matrix-binding-error';
