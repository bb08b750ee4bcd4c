/**
 * The built rule texts as a module, for Node (CLI, tests) and extension pages that
 * bundle them. NOT for the content script: it asks the background by rule id
 * (src/page/main.ts ruleTexts), which reads the packaged /rule-texts.json.
 */
import data from '../../../assets/public/rule-texts.json';
import type { RuleTexts } from '../rule-texts';

export const CORE_RULE_TEXTS: RuleTexts = data as RuleTexts;
