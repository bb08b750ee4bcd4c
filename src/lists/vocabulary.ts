/**
 * The blacklist's shared words, in ONE place: the formats a subscription can be published
 * in and the codes of why an update failed. PURE data, no imports, so the protocol
 * (src/messaging/protocol.ts), the background (list-store, list-engine, updater) and the
 * options page all import it without importing each other.
 */

/** Text formats src/lists/formats.ts parses ('auto' sniffs plain/hosts/adblock). */
export const TEXT_LIST_FORMATS = ['auto', 'hosts', 'adblock', 'plain'] as const;
export type TextListFormat = (typeof TEXT_LIST_FORMATS)[number];
/** Formats a subscription can be published in: a text format, or a signed feed (src/lists/feed.ts). */
export const LIST_FORMATS = [...TEXT_LIST_FORMATS, 'feed'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** Why the last update failed, in codes the options page turns into plain words. */
export const LIST_ERROR_CODES = [
  'network',
  'timeout',
  'http',
  'too-large',
  'truncated',
  'bad-signature',
  'wrong-key',
  'bad-hash',
  'bad-format',
  'empty',
  'rollback',
  'quota',
  'storage',
] as const;
export type ListErrorCode = (typeof LIST_ERROR_CODES)[number];
