/** The public events (CONTRACT §3): they bubble, are composed, and are typed for listeners. */

export interface WelfareLoadDetail {
  readonly services: number;
  readonly accessPoints: number;
  readonly skipped: number;
}

export interface WelfareErrorDetail {
  /** For developers (English, technical); people see a translated message in the element. */
  readonly message: string;
  /** Extension: network | cors | timeout | http | json | version | format. */
  readonly code?: string;
}

export interface WelfareFilterDetail {
  readonly query: string;
  readonly categories: string[];
  readonly results: number;
}

export interface WelfareSelectDetail {
  readonly id: string;
  /** Extension: what was selected. */
  readonly type?: 'service' | 'access-point';
}

export interface WelfareEventMap {
  'welfare-load': CustomEvent<WelfareLoadDetail>;
  'welfare-error': CustomEvent<WelfareErrorDetail>;
  'welfare-filter': CustomEvent<WelfareFilterDetail>;
  'welfare-select': CustomEvent<WelfareSelectDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalEventHandlersEventMap extends WelfareEventMap {}
}
