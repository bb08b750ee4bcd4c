/**
 * Typed sender used by content scripts and UI pages. Imports only TYPES from the
 * protocol so the content script bundle does not carry zod.
 */
import type { MessageType, RequestOf, ResponseOf } from './protocol';

export type SendFn = (message: unknown) => Promise<unknown>;

export function createClient(send: SendFn) {
  return async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    const response = (await send({ type, payload })) as { ok: true; data: ResponseOf<T> } | { ok: false; error: string } | undefined;
    if (!response) throw new Error(`no response to ${type}`);
    if (!response.ok) throw new Error(response.error);
    return response.data;
  };
}
