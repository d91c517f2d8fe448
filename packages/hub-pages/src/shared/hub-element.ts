import { LitElement } from 'lit';
import { afterStrings, defineElement, LangController, type Lang } from '@welfare-elements/core';

/**
 * The base of the hub's pages: the language (the nearest `lang`, Italian by default) and
 * typed events. Unlike the citizens' elements there is no feed group: each page talks
 * to the hub's API, or is given its data.
 */
export class HubElement extends LitElement {
  protected readonly langController = new LangController(this);

  protected get lang_(): Lang {
    return this.langController.lang;
  }

  /** In English, renders once the shared English strings (opening hours in words) are there. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStrings(this.lang_, () => super.scheduleUpdate());
  }

  /** A bubbling, composed event with a typed detail. */
  protected emit<T>(name: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  /** Registers the tag unless a copy of the pages already did. */
  static define(tag: string): void {
    defineElement(tag, this);
  }
}

let counter = 0;
/** Ids unique in the page, for label/aria-describedby pairs inside one shadow root. */
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`;
}
