/**
 * A `<select>` that filters applies a choice only once it is committed (issue 11).
 * In Chromium and Firefox, arrow keys on a closed select change its value and fire
 * `change` at each step: applied at once, every option passed on the way would filter
 * the group, write the address and announce its count ("Nessun servizio trovato").
 * Here a change that follows a key press waits until the person presses Enter or leaves
 * the select; a choice made with the mouse or in the open drop-down list (which fires
 * one `change`, with no key press on the select itself) applies at once.
 */

/** Keys that step through a closed select's options. */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']);

interface SelectState {
  /** A stepping key is down: the next `change` is a step, not a choice. */
  stepping: boolean;
  /** The value shown differs from the one applied. */
  dirty: boolean;
}

const states = new WeakMap<HTMLSelectElement, SelectState>();

function stateOf(select: HTMLSelectElement): SelectState {
  let state = states.get(select);
  if (!state) states.set(select, (state = { stepping: false, dirty: false }));
  return state;
}

export interface SelectCommitHandlers {
  readonly keydown: (event: KeyboardEvent) => void;
  readonly change: (event: Event) => void;
  readonly blur: (event: Event) => void;
}

/**
 * Listeners for a select: `@keydown=${h.keydown} @change=${h.change} @blur=${h.blur}`.
 * `apply` receives the committed value.
 */
export function selectCommit(apply: (value: string) => void): SelectCommitHandlers {
  const commit = (select: HTMLSelectElement) => {
    const state = stateOf(select);
    if (!state.dirty) return;
    state.dirty = false;
    apply(select.value);
  };
  return {
    keydown(event) {
      const select = event.currentTarget as HTMLSelectElement;
      if (event.key === 'Enter') commit(select);
      // Typing a letter jumps to an option, as the arrows do. Alt+arrow opens the list.
      else if (!event.altKey && !event.ctrlKey && !event.metaKey && (STEP_KEYS.has(event.key) || (event.key.length === 1 && event.key !== ' '))) {
        const state = stateOf(select);
        state.stepping = true;
        // The browser fires the step's `change` in the same task as the keydown; after
        // it, a `change` is a choice again (a key that opened a list on macOS, say).
        setTimeout(() => (state.stepping = false));
      }
    },
    change(event) {
      const select = event.currentTarget as HTMLSelectElement;
      const state = stateOf(select);
      state.dirty = true;
      if (!state.stepping) commit(select);
    },
    blur(event) {
      const select = event.currentTarget as HTMLSelectElement;
      stateOf(select).stepping = false;
      commit(select);
    },
  };
}
