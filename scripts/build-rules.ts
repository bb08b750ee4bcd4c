/**
 * Builds src/engine/rules/core.pack.json from the authoring source
 * (src/engine/rules/core.source.ts): adds zh-TW texts with opencc-js (cn → tw),
 * validates the result with the engine's own schema, and writes it; the rules' words
 * (explanation, advice) go to assets/public/rule-texts.json instead of the pack.
 *   npx tsx scripts/build-rules.ts && node scripts/gen-t2s.mjs
 */
import { writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { VARIANTS } from '../src/engine/normalize';
import { buildPackData, buildRuleTexts, patternChars } from '../src/engine/rules/build';

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const pack = buildPackData(toTw);
writeFileSync(new URL('../src/engine/rules/core.pack.json', import.meta.url), `${JSON.stringify(pack, null, 1)}\n`);
// The rules' words (three languages) by rule id, packaged as /rule-texts.json and read
// only when evidence is shown (src/engine/rule-texts.ts): the page side stays small.
writeFileSync(new URL('../assets/public/rule-texts.json', import.meta.url), `${JSON.stringify(buildRuleTexts(toTw))}\n`);
// Every CJK character any pattern can match (for scripts/gen-t2s.mjs's table filter).
const chars = patternChars(pack, VARIANTS);
writeFileSync(new URL('../src/engine/data/pattern-chars.txt', import.meta.url), `${chars}\n`);
console.log(`rules: ${pack.rules.length} rules, version ${pack.version}; ${chars.length} pattern characters`);
