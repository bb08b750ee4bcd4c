/** Settings persistence over any storage area shaped like browser.storage.local. */
import { DEFAULT_SETTINGS, migrateSettings, settingsSchema, STORAGE_KEYS, type Settings } from './schema';

export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export async function loadSettings(area: StorageArea): Promise<Settings> {
  const raw = await area.get(STORAGE_KEYS.settings);
  return migrateSettings(raw[STORAGE_KEYS.settings] ?? DEFAULT_SETTINGS);
}

export async function saveSettings(area: StorageArea, patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const current = await loadSettings(area);
  const next = settingsSchema.parse({ ...current, ...patch });
  await area.set({ [STORAGE_KEYS.settings]: next });
  return next;
}
