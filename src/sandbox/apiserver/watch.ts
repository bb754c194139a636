// Watches: a ring of recent store events (so `?watch=1&resourceVersion=N` can resume after N) and
// live subscribers, each streamed as newline-delimited JSON over a chunked response.
import type { ServerResponse } from 'node:http';
import { errors } from './errors.js';
import type { Matcher } from './selectors.js';
import type { KObject, StoreEvent } from './types.js';

const RING_SIZE = 5000;
/** How often a watch that allows bookmarks gets one (the real watch cache: about once a minute). */
export const BOOKMARK_INTERVAL_MS = 60_000;

/** Bookmarks a client asked for (allowWatchBookmarks=true): typed, empty objects carrying a resourceVersion. */
export interface BookmarkOptions {
  apiVersion: string;
  kind: string;
  /** The store's resourceVersion now. */
  currentRv(): number;
  /** sendInitialEvents=true: after the initial ADDED events, a bookmark annotated k8s.io/initial-events-end. */
  initialEventsEnd: boolean;
}

export interface WatchFilter {
  resource: string;
  namespace?: string;
  label: Matcher;
  field: Matcher;
}

interface Subscriber {
  filter: WatchFilter;
  send(ev: StoreEvent): void;
}

function matches(f: WatchFilter, ev: StoreEvent): boolean {
  if (ev.resource !== f.resource) return false;
  if (f.namespace !== undefined && ev.object.metadata.namespace !== f.namespace) return false;
  return f.label(ev.object) && f.field(ev.object);
}

export class WatchHub {
  private ring: StoreEvent[] = [];
  private subscribers = new Set<Subscriber>();
  private responses = new Set<ServerResponse>();

  /** @param oldestRv events after this resourceVersion are known (set at start-up). */
  constructor(private oldestRv: number) {}

  publish(ev: StoreEvent): void {
    this.ring.push(ev);
    if (this.ring.length > RING_SIZE) this.oldestRv = this.ring.shift()!.rv;
    for (const s of this.subscribers) if (matches(s.filter, ev)) s.send(ev);
  }

  /**
   * Streams events to `res` until the client goes away, `timeoutSeconds` passes or the server closes.
   * `initial` are the current objects (sent as ADDED) when the client gave no resourceVersion.
   */
  serve(
    res: ServerResponse,
    opts: { filter: WatchFilter; sinceRv?: number; initial?: KObject[]; timeoutSeconds?: number; encode: (o: KObject) => unknown; bookmarks?: BookmarkOptions },
  ): void {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
    // Flush headers now: clients wait for them before reading events.
    res.flushHeaders();
    const write = (type: string, object: unknown): void => {
      if (!res.writableEnded) res.write(`${JSON.stringify({ type, object })}\n`);
    };
    if (opts.sinceRv !== undefined && opts.sinceRv < this.oldestRv) {
      const err = errors.gone(`too old resource version: ${opts.sinceRv} (${this.oldestRv})`);
      write('ERROR', err.toStatus());
      res.end();
      return;
    }
    const bm = opts.bookmarks;
    const bookmark = (annotations?: Record<string, string>): void =>
      write('BOOKMARK', {
        kind: bm!.kind,
        apiVersion: bm!.apiVersion,
        metadata: { resourceVersion: String(bm!.currentRv()), ...(annotations ? { annotations } : {}) },
      });
    for (const o of opts.initial ?? []) write('ADDED', opts.encode(o));
    if (opts.sinceRv !== undefined) {
      for (const ev of this.ring) if (ev.rv > opts.sinceRv && matches(opts.filter, ev)) write(ev.type, opts.encode(ev.object));
    }
    // Everything above was synchronous, so the current resourceVersion covers exactly what was sent.
    if (bm?.initialEventsEnd) bookmark({ 'k8s.io/initial-events-end': 'true' });
    const ticker = bm ? setInterval(() => bookmark(), BOOKMARK_INTERVAL_MS) : undefined;
    ticker?.unref();
    const sub: Subscriber = { filter: opts.filter, send: (ev) => write(ev.type, opts.encode(ev.object)) };
    this.subscribers.add(sub);
    this.responses.add(res);
    const timer = setTimeout(() => res.end(), (opts.timeoutSeconds ?? 1800) * 1000);
    const stop = (): void => {
      clearTimeout(timer);
      clearInterval(ticker);
      this.subscribers.delete(sub);
      this.responses.delete(res);
    };
    res.on('close', stop);
    res.on('finish', stop);
  }

  closeAll(): void {
    for (const res of this.responses) res.end();
    this.subscribers.clear();
    this.responses.clear();
  }
}
