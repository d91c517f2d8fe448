import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import { feedUrl } from '../feed/load.js';
import { FeedError } from '../feed/reader.js';
import type { ReadResult } from '../feed/types.js';
import { GroupStore, type StoreChange } from '../store/group-store.js';
import { groupStore } from '../store/registry.js';
import type { WelfareElement } from './welfare-element.js';

/**
 * Connects an element to its group's store: joins the group named by `group` (or by
 * `src`), points the store at the feed, applies preset filters, and re-renders the
 * element on every change. `task` follows the group's feed for loading/error states.
 *
 * One group holds one feed, and elements may disagree (two copies of one feed from a
 * framework, two different `src` under one `group`). The rule (docs/architecture.md):
 * an element gives its source to the group only when that source changes (or it joins),
 * so the most recent one wins and re-renders never hand it back and forth; the group
 * ignores a source equal to its own. An element with neither `group` nor `src` has a
 * group of its own.
 */
export class FeedController implements ReactiveController {
  store: GroupStore;
  readonly task: Task<[GroupStore, Promise<ReadResult> | undefined], ReadResult>;
  private applied: { organization?: string; category?: string; comune?: string } = {};
  /** The source this element last gave its group (a URL or a feed object). */
  private given?: string | object;
  private readonly onChange = (event: Event) => this.changed((event as CustomEvent<StoreChange>).detail);

  constructor(private readonly host: WelfareElement) {
    this.store = storeFor(this.groupName());
    this.task = new Task(host, {
      task: ([store], { signal }) => store.whenLoaded(signal),
      args: () => [this.store, this.store.status === 'idle' ? undefined : this.store.whenLoaded()],
      onComplete: (result) =>
        host.emit('welfare-load', {
          services: result.feed.services.length,
          accessPoints: result.feed.accessPoints.length,
          skipped: result.skipped,
        }),
      onError: (error) =>
        host.emit('welfare-error', {
          message: bounded(error instanceof Error ? error.message : String(error)),
          ...(error instanceof FeedError ? { code: error.code } : {}),
        }),
    });
    host.addController(this);
  }

  /** True once the group has a source (a `src` or a `feed` somewhere in it). */
  get hasSource(): boolean {
    return this.store.status !== 'idle';
  }

  /**
   * True for the one element that speaks for the group's feed: the first connected
   * member in document order (shadow trees included). It alone shows the loading
   * status and the error alert with "Riprova" (CONTRACT §3); the others stay quiet,
   * so five elements do not announce the same thing five times.
   */
  get leads(): boolean {
    let first: Element | undefined;
    for (const member of this.store.members) {
      if (member.isConnected && (!first || documentOrder(member, first) < 0)) first = member;
    }
    return first === undefined || first === this.host;
  }

  get loaded(): boolean {
    return this.task.status === TaskStatus.COMPLETE && this.store.status === 'ready';
  }

  hostConnected(): void {
    this.join();
  }

  hostDisconnected(): void {
    this.store.members.delete(this.host);
    this.store.removeEventListener('change', this.onChange);
    this.store.watchClock();
    this.membersChanged();
    // Joining again gives the source again: the most recent source wins.
    this.given = undefined;
  }

  /** Called by the element when its attributes change (before render). */
  sync(): void {
    const name = this.groupName();
    if (name !== groupNameOf(this.store)) {
      this.hostDisconnected();
      this.store = storeFor(name);
      this.applied = {};
      this.join();
    }
    const { organization, category, comune } = this.host;
    const source = this.ownSource;
    if (source !== this.given) {
      const previous = this.given;
      this.given = source;
      if (source !== undefined) this.store.setSource(source);
      else if (previous !== undefined) this.store.dropSource(previous, this.otherSource());
    }
    if (organization !== this.applied.organization) {
      this.applied.organization = organization;
      this.store.setOrganization(organization ?? '');
    }
    if (category !== this.applied.category) {
      this.applied.category = category;
      this.store.preset({ categories: (category ?? '').split(/\s+/).filter(Boolean) });
    }
    if (comune !== this.applied.comune) {
      this.applied.comune = comune;
      this.store.preset({ comune: comune ?? '' });
    }
  }

  /** The element's own source: the `feed` object wins over `src`. */
  get ownSource(): string | object | undefined {
    const { src, feed } = this.host;
    if (feed && typeof feed === 'object') return feed;
    return src || undefined;
  }

  /** The source of another connected member, for when this one withdraws its own. */
  private otherSource(): string | object | undefined {
    for (const member of this.store.members) {
      if (member === this.host || !member.isConnected) continue;
      // `data` is protected on the element class; the controllers of one group read each other.
      const source = (member as unknown as { data?: FeedController }).data?.ownSource;
      if (source !== undefined) return source;
    }
    return undefined;
  }

  private join(): void {
    this.store.members.add(this.host);
    this.store.addEventListener('change', this.onChange);
    this.sync();
    this.store.watchClock();
    this.membersChanged();
  }

  /** Which member leads may have changed (tags are defined one after another, not in page order). */
  private membersChanged(): void {
    for (const member of this.store.members) if (member !== this.host) (member as WelfareElement).requestUpdate?.();
  }

  /**
   * CONTRACT §2: the group defaults to the `src` value (as an absolute URL). With neither,
   * undefined: a group of its own (two feed-only elements do not share one by accident).
   */
  private groupName(): string | undefined {
    const { group, src } = this.host;
    if (group) return group;
    return src ? feedUrl(src) : undefined;
  }

  /** The element a person used speaks for the group; otherwise the first member does. */
  private speaksFor(change: StoreChange): boolean {
    if (change.origin && this.store.members.has(change.origin)) return change.origin === this.host;
    for (const member of this.store.members) if (member.isConnected) return member === this.host;
    return false;
  }

  private changed(change: StoreChange): void {
    this.host.requestUpdate();
    if (change.kind === 'filters' && this.store.status === 'ready' && !this.store.searching && this.speaksFor(change)) {
      const { query, categories } = this.store.filters;
      this.host.emit('welfare-filter', { query, categories: [...categories], results: this.store.results.length });
    }
  }
}

/** Negative when `a` comes before `b` in the page, shadow trees included (hosts before their content). */
function documentOrder(a: Element, b: Element): number {
  const path = (node: Element): Element[] => {
    const chain = [node];
    for (let root = node.getRootNode(); root instanceof ShadowRoot; root = chain[0]!.getRootNode()) chain.unshift(root.host);
    return chain;
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === pa.length) return -1;
  if (i === pb.length) return 1;
  return pa[i]!.compareDocumentPosition(pb[i]!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Stores of elements with neither `group` nor `src`: in no registry, one per element. */
const ownGroups = new WeakSet<GroupStore>();

function storeFor(name: string | undefined): GroupStore {
  if (name !== undefined) return groupStore(name);
  const store = new GroupStore('');
  ownGroups.add(store);
  return store;
}

/** The name a store was registered under; undefined for a group of its own. */
function groupNameOf(store: GroupStore): string | undefined {
  return ownGroups.has(store) ? undefined : store.name;
}

/** Error messages quote URLs and feed values, which can be any length: an event carries at most 300 characters. */
const MAX_MESSAGE = 300;
function bounded(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}
