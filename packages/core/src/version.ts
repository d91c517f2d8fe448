/** Compared when a second copy of the library tries to define the same tags. */
export const VERSION = '0.1.0';
