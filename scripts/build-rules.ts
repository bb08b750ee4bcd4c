/**
 * Builds src/engine/rules/core.pack.json from the authoring source
 * (src/engine/rules/core.source.ts): adds zh-TW texts with opencc-js (cn → tw),
 * validates the result with the engine's own schema, and writes it.
 *   npx tsx scripts/build-rules.ts
 */
import { writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { buildPackData } from '../src/engine/rules/build';

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const pack = buildPackData(toTw);
writeFileSync(new URL('../src/engine/rules/core.pack.json', import.meta.url), `${JSON.stringify(pack, null, 1)}\n`);
console.log(`rules: ${pack.rules.length} rules, version ${pack.version}`);
