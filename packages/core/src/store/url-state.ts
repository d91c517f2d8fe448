import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroupStore } from './group-store.js';
import type { Binding } from './url-binding.js';

/** The URL code is its own chunk: most pages never use `url-state`. */
let bindingModule: Promise<typeof import('./url-binding.js')> | undefined;
const loadBinding = () => (bindingModule ??= import('./url-binding.js'));

/**
 * Connects an element with a `url-state` attribute to the page URL (see url-binding.ts).
 * `target` returns the group's store and the prefix (the attribute's value), or null
 * when the attribute is absent. Several elements of one group share one binding.
 */
export class UrlStateController implements ReactiveController {
  private binding?: Binding;
  private wanted?: { store: GroupStore; prefix: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => { store: GroupStore; prefix: string } | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.wanted = undefined;
    const binding = this.binding;
    this.binding = undefined;
    if (binding) void loadBinding().then((m) => m.release(binding));
  }

  /** Call when a person commits a change (Enter, a chosen suggestion). */
  commit(): void {
    this.binding?.commit();
  }

  private sync(): void {
    const target = this.target();
    const prefix = target?.prefix.trim().replace(/[^\w-]/g, '') ?? '';
    if (this.wanted && target?.store === this.wanted.store && prefix === this.wanted.prefix) return;
    if (!this.wanted && !target) return;
    this.hostDisconnected();
    if (!target) return;
    const wanted = (this.wanted = { store: target.store, prefix });
    void loadBinding().then((m) => {
      if (this.wanted === wanted) this.binding = m.bind(wanted.store, wanted.prefix);
    });
  }
}
