/** Per-tab badge: colour + short text per level. */
import type { Level } from '../engine/types';

export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

export const BADGE: Record<Level, { text: string; color: string }> = {
  none: { text: '', color: '#15803d' },
  low: { text: '!', color: '#a16207' },
  medium: { text: '!!', color: '#c2410c' },
  high: { text: '!!!', color: '#b91c1c' },
};

export async function setTabBadge(api: BadgeApi, tabId: number, level: Level): Promise<void> {
  const { text, color } = BADGE[level];
  await api.setBadgeBackgroundColor({ tabId, color });
  await api.setBadgeText({ tabId, text });
}
