// Periodic bookmarks: a watch that allows them gets a BOOKMARK with the current resourceVersion about
// once a minute (as the real watch cache sends them); one that does not, never. Fake timers, no waiting.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BOOKMARK_INTERVAL_MS, WatchHub } from '../../../../src/sandbox/apiserver/watch.js';

/** Just enough of a ServerResponse to collect the streamed lines. */
function fakeResponse(): { res: ServerResponse; lines: () => any[] } {
  const chunks: string[] = [];
  const em = new EventEmitter() as EventEmitter & Record<string, unknown>;
  Object.assign(em, {
    writableEnded: false,
    writeHead: () => em,
    flushHeaders: () => undefined,
    write: (s: string) => chunks.push(s),
    end: () => {
      em.writableEnded = true;
      em.emit('finish');
    },
  });
  return {
    res: em as unknown as ServerResponse,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

const filter = { resource: 'configmaps', label: () => true, field: () => true };

describe('watch bookmarks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('allowWatchBookmarks: a BOOKMARK with the current resourceVersion every interval, none before', () => {
    const hub = new WatchHub(1);
    const { res, lines } = fakeResponse();
    let rv = 7;
    hub.serve(res, { filter, initial: [], encode: (o) => o, bookmarks: { apiVersion: 'v1', kind: 'ConfigMap', currentRv: () => rv, initialEventsEnd: false } });
    vi.advanceTimersByTime(BOOKMARK_INTERVAL_MS - 1);
    expect(lines()).toEqual([]);
    vi.advanceTimersByTime(1);
    rv = 9;
    vi.advanceTimersByTime(BOOKMARK_INTERVAL_MS);
    expect(lines()).toEqual([
      { type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: '7' } } },
      { type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: '9' } } },
    ]);
    res.end();
    vi.advanceTimersByTime(5 * BOOKMARK_INTERVAL_MS);
    expect(lines()).toHaveLength(2);
  });

  test('without allowWatchBookmarks there are none', () => {
    const hub = new WatchHub(1);
    const { res, lines } = fakeResponse();
    hub.serve(res, { filter, initial: [], encode: (o) => o });
    vi.advanceTimersByTime(3 * BOOKMARK_INTERVAL_MS);
    expect(lines()).toEqual([]);
  });
});
