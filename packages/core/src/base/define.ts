import { VERSION } from '../version.js';

const warned = new Set<string>();

/**
 * Defines a tag unless it already is (CONTRACT §1): a page may load the bundle twice,
 * or two versions of it. The first definition wins; differing versions warn once.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  const theirs = existing.version ?? 'unknown';
  const ours = ctor.version ?? VERSION;
  if (existing !== ctor && theirs !== ours && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`[welfare-elements] <${tag}> is already defined by version ${theirs}; version ${ours} was not registered.`);
  }
}
