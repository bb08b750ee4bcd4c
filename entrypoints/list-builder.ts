// The list builder Worker (src/background/list-builder-client.ts): one job, one answer.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openSentinelDb } from '../src/background/db';
import { runBuilderJob } from '../src/background/list-builder-job';

export default defineUnlistedScript(() => {
  let db: ReturnType<typeof openSentinelDb> | undefined;
  self.onmessage = async (e: MessageEvent) => {
    const result = await runBuilderJob(e.data, () => (db ??= openSentinelDb())).catch((err: unknown) => ({ ok: false as const, code: 'storage' as const, detail: String(err).slice(0, 200) }));
    self.postMessage(result);
  };
});
