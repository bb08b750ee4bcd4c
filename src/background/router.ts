/**
 * The background's trust boundary: validates every incoming message against the
 * protocol and checks who sent it before any handler runs.
 *   cs-bg/*  must come from a content script of THIS extension running in a tab;
 *   ui-bg/*  must come from one of our own extension pages (popup, options, warning).
 * Before that: a size/nesting cap; after it: a content script may not claim a tab id
 * or report a URL outside its own frame's origin. Every refusal is logged (one line,
 * no payload) and reaches no handler, so nothing is stored.
 */
import { parseEnvelope, protocol, type MessageType, type RequestOf, type ResponseOf } from '../messaging/protocol';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, sender: MessageSender) => Promise<ResponseOf<T>>;
};

export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string; // e.g. chrome-extension://abc/
  log?: (msg: string) => void;
}

/** Larger messages are refused before parsing (a page verdict is a few KB; the biggest legitimate one, lists-get, is a reply). */
export const MAX_MESSAGE_CHARS = 512 * 1024;

/**
 * Size and shape caps before zod sees the message: oversized or too deeply nested input
 * (JSON.stringify throws on runaway nesting) is refused with a short reason.
 */
export function messageTooBig(raw: unknown): string | null {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return 'unserializable or too deeply nested';
  }
  return size > MAX_MESSAGE_CHARS ? `too large (${size} chars)` : null;
}

const originOf = (url: string | undefined): string | null => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * What a content script may claim: the tab is `sender.tab` (never a payload field), and
 * the URL a top frame reports is on its own origin — so a content script (or a page that
 * could steer one) cannot file a verdict for another tab or another site.
 */
export function contentClaimProblem(raw: unknown, sender: MessageSender): string | null {
  const payload = (raw as { payload?: unknown }).payload;
  if (payload && typeof payload === 'object') {
    if (Object.hasOwn(payload, 'tabId') || Object.hasOwn(payload, 'tab')) return 'claims a tab id';
    const url = (payload as { url?: unknown }).url;
    const own = originOf(sender.url);
    // The top frame's URL becomes the tab's URL (src/background/main.ts); a child frame's
    // report only ever raises the tab's verdict, never names its URL.
    const top = (sender.frameId ?? 0) === 0;
    if (top && typeof url === 'string' && own !== null && originOf(url) !== own) return 'reports a URL of another origin';
  }
  return null;
}

/** Content-script messages that store something under the URL they carry (queries like cs-bg/url-verdict store nothing). */
const CONTENT_WRITES: ReadonlySet<MessageType> = new Set<MessageType>(['cs-bg/page-scanned', 'cs-bg/dismiss-alert']);

export function senderAllowed(type: MessageType, sender: MessageSender, deps: RouterDeps): boolean {
  if (sender.id !== deps.extensionId) return false;
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
  if (type.startsWith('cs-bg/')) return sender.tab?.id !== undefined && !fromOurPage;
  if (type.startsWith('ui-bg/')) return fromOurPage;
  return false;
}

export function createRouter(handlers: Partial<Handlers>, deps: RouterDeps) {
  return async function route(raw: unknown, sender: MessageSender): Promise<Reply> {
    const big = messageTooBig(raw);
    if (big) {
      deps.log?.(`rejected message: ${big}`);
      return { ok: false, error: `message ${big}` };
    }
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) {
      deps.log?.(`rejected message: ${parsed.error}`);
      return { ok: false, error: parsed.error };
    }
    const { type } = parsed;
    if (!senderAllowed(type, sender, deps)) {
      deps.log?.(`rejected ${type} from unexpected sender`);
      return { ok: false, error: `sender not allowed for ${type}` };
    }
    const claim = CONTENT_WRITES.has(type) ? contentClaimProblem(raw, sender) : null;
    if (claim) {
      deps.log?.(`rejected ${type}: content script ${claim}`);
      return { ok: false, error: `rejected ${type}: ${claim}` };
    }
    const handler = handlers[type] as ((p: unknown, s: MessageSender) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: `no handler for ${type}` };
    try {
      const data = await handler(parsed.payload, sender);
      // Validate our own output too: a handler bug must not leak malformed data to UI.
      const out = protocol[type].response.safeParse(data);
      if (!out.success) return { ok: false, error: `internal: bad response for ${type}` };
      return { ok: true, data: out.data };
    } catch (err) {
      deps.log?.(`handler ${type} failed: ${String(err)}`);
      return { ok: false, error: `failed: ${type}` };
    }
  };
}
