/**
 * Node side of src/url/url-data.ts: the URL data straight from the two packages that own
 * it. Used at build time (wxt.config.ts writes it as /url-data.json into the extension),
 * by the CLI and by the unit tests (tests/unit/setup-url-data.ts). Never imported by
 * extension code: that would put the tables back into the bundles.
 */
import * as trie from 'tldts/dist/es6/src/data/trie.js';
import confusables from 'unhomoglyph/data.json' with { type: 'json' };
import { installUrlData, urlDataInstalled, type UrlData } from './url-data';

export function buildUrlData(): UrlData {
  return {
    format: 'sentinel-url-data',
    suffixes: {
      nodeFlags: [...trie.nodeFlags],
      edgeStart: [...trie.edgeStart],
      edgeLength: [...trie.edgeLength],
      edgeChild: [...trie.edgeChild],
      labelText: trie.labelText,
      rulesRoot: trie.rulesRoot,
      exceptionsRoot: trie.exceptionsRoot,
    },
    confusables: confusables as Record<string, string>,
  };
}

/** Install the data in this process (CLI, tests); no-op when already installed. */
export function installUrlDataFromPackages(): void {
  if (!urlDataInstalled()) installUrlData(buildUrlData());
}
