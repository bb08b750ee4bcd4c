/** The pure-folder rule must actually fire: lint a forbidden import as if it lived in each pure folder. */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const bad = "import { browser } from 'wxt/browser';\nexport const x = browser;\n";
const alsoBad = 'export const y = chrome.runtime.id;\n';

describe('pure folders reject extension APIs', () => {
  test.each(['src/engine/x.ts', 'src/url/x.ts', 'src/lists/x.ts', 'src/cli/x.ts'])('%s', async (path) => {
    const [imported] = await eslint.lintText(bad, { filePath: path });
    expect(imported!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [global] = await eslint.lintText(alsoBad, { filePath: path });
    expect(global!.messages.map((m) => m.ruleId)).toContain('no-restricted-globals');
  });
});

describe('glue folders may use them', () => {
  test.each(['src/background/x.ts', 'src/ui/x.ts'])('%s', async (path) => {
    const [result] = await eslint.lintText(bad, { filePath: path });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
