/**
 * Imago on Matrix: the only package that knows Matrix.
 *
 * @module @imago/matrix-binding
 */
export {
  type CreateImagoClientOptions,
  createImagoClient,
  loginWithPassword,
  type MatrixSession,
} from './client/create-client';
export { MatrixBindingError } from './errors/matrix-binding-error';
