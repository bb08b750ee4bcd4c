/**
 * The background's trust boundary: validates every incoming message against the
 * protocol and checks who sent it before any handler runs.
 *   cs-bg/*  must come from a content script of THIS extension running in a tab;
 *   ui-bg/*  must come from one of our own extension pages (popup, options, warning).
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

export function senderAllowed(type: MessageType, sender: MessageSender, deps: RouterDeps): boolean {
  if (sender.id !== deps.extensionId) return false;
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
  if (type.startsWith('cs-bg/')) return sender.tab?.id !== undefined && !fromOurPage;
  if (type.startsWith('ui-bg/')) return fromOurPage;
  return false;
}

export function createRouter(handlers: Partial<Handlers>, deps: RouterDeps) {
  return async function route(raw: unknown, sender: MessageSender): Promise<Reply> {
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
