/** The notices chunk: everything about notices over time, fetched only for a feed that has notices. */
export * from './notices.js';
export * from './notice-words.js';
