/**
 * Watches the page for changes worth a re-read and turns MutationObserver records
 * into a small, bounded change set. The callback only files records into Sets (it
 * runs inside the page's own tasks, so it must stay cheap); the re-read happens
 * later, time-sliced, in src/page/main.ts.
 *
 * Bounds: at most `maxPending` distinct nodes are kept; past that the set turns into
 * "re-read everything" (`overflow`). A page producing more than `maxRecordsPerSecond`
 * records is not observed for the rest of that pass: we disconnect, mark overflow,
 * and the caller re-reads the page once and calls `resume()`. So a page that mutates
 * forever costs one full re-read per pass, and passes are spaced by their cost
 * (src/page/scheduler.ts).
 */
import { ALERT_TAG } from './alert';

export interface ChangeSet {
  /** Nodes inserted (elements or text). */
  added: Set<Node>;
  /** Text nodes whose data changed, and parents that lost children: re-read their block. */
  changed: Set<Node>;
  /** Elements whose style/class/hidden/open changed: re-read them whole. */
  toggled: Set<Element>;
  /** Something was removed: prune what is no longer in the page. */
  removed: boolean;
  /** Documents whose <head> changed (title, meta description). */
  heads: Set<Document>;
  /** Too much happened: re-read everything. */
  overflow: boolean;
}

export interface ChangeObserverOptions {
  now: () => number;
  /** Called (synchronously, cheaply) after new changes were filed. */
  onChange: () => void;
  maxPending?: number;
  maxRecordsPerSecond?: number;
}

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'open'],
};

export function emptyChangeSet(): ChangeSet {
  return { added: new Set(), changed: new Set(), toggled: new Set(), removed: false, heads: new Set(), overflow: false };
}

function inHead(node: Node): boolean {
  const doc = node.ownerDocument;
  const head = doc?.head;
  return !!head && (node === head || head.contains(node));
}

export function createChangeObserver(opts: ChangeObserverOptions) {
  const maxPending = opts.maxPending ?? 2_000;
  const maxPerSecond = opts.maxRecordsPerSecond ?? 20_000;
  let pending = emptyChangeSet();
  let size = 0;
  let windowStart = opts.now();
  let windowCount = 0;
  let paused = false;
  let quiet = false;
  const roots: Node[] = [];

  const file = (records: MutationRecord[]) => {
    if (paused) return;
    const now = opts.now();
    if (now - windowStart > 1_000) {
      windowStart = now;
      windowCount = 0;
    }
    windowCount += records.length;
    if (windowCount > maxPerSecond) {
      // Flooded: stop listening until the next pass has re-read the page.
      paused = true;
      observer.disconnect();
      pending.overflow = true;
      opts.onChange();
      return;
    }
    let filed = false;
    for (const r of records) {
      if (pending.overflow) break;
      const target = r.target;
      if (r.type === 'attributes') {
        const el = target as Element;
        if (el.localName === ALERT_TAG) continue;
        if (!pending.toggled.has(el)) {
          pending.toggled.add(el);
          size++;
          filed = true;
        }
      } else if (r.type === 'characterData') {
        if (inHead(target)) {
          if (target.ownerDocument) pending.heads.add(target.ownerDocument);
        } else if (!pending.changed.has(target)) {
          pending.changed.add(target);
          size++;
        }
        filed = true;
      } else {
        if (inHead(target)) {
          if (target.ownerDocument) pending.heads.add(target.ownerDocument);
          filed = true;
          continue;
        }
        const added = r.addedNodes;
        for (let i = 0; i < added.length; i++) {
          const n = added[i]!;
          if (n.nodeType === 1 && (n as Element).localName === ALERT_TAG) continue;
          if (n.nodeType !== 1 && n.nodeType !== 3) continue;
          if (!pending.added.has(n)) {
            pending.added.add(n);
            size++;
            filed = true;
          }
        }
        if (r.removedNodes.length > 0) {
          let ours = true;
          for (let i = 0; i < r.removedNodes.length; i++) {
            const n = r.removedNodes[i]!;
            if (!(n.nodeType === 1 && (n as Element).localName === ALERT_TAG)) ours = false;
          }
          if (!ours) {
            pending.removed = true;
            if (!pending.changed.has(target)) {
              pending.changed.add(target);
              size++;
            }
            filed = true;
          }
        }
      }
      if (size > maxPending) {
        pending = emptyChangeSet();
        pending.overflow = true;
        size = 0;
        filed = true;
        break;
      }
    }
    if (filed && !quiet) opts.onChange();
  };

  const observer = new MutationObserver(file);

  return {
    observe(root: Node) {
      if (!roots.includes(root)) roots.push(root);
      if (!paused) observer.observe(root, OPTIONS);
    },
    /** Take the pending changes (and start a new, empty set). */
    take(): ChangeSet {
      // Records the browser queued but has not delivered yet belong to this pass.
      if (!paused) {
        quiet = true;
        file(observer.takeRecords());
        quiet = false;
      }
      const out = pending;
      pending = emptyChangeSet();
      size = 0;
      return out;
    },
    /** Listen again after a flood (the caller has just re-read everything). */
    resume() {
      if (!paused) return;
      paused = false;
      windowStart = opts.now();
      windowCount = 0;
      for (let i = roots.length - 1; i >= 0; i--) {
        const r = roots[i]!;
        const alive = r.nodeType === 9 ? !!(r as Document).defaultView : r.isConnected;
        if (!alive) roots.splice(i, 1);
        else observer.observe(r, OPTIONS);
      }
    },
    isPaused: () => paused,
    disconnect() {
      paused = true;
      observer.disconnect();
      roots.length = 0;
    },
  };
}

export type ChangeObserver = ReturnType<typeof createChangeObserver>;
