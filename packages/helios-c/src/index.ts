/**
 * @module @imago/helios-c
 */
export { HeliosCError } from './errors/helios-c-error';
