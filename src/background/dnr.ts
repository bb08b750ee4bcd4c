/**
 * declarativeNetRequest rules that stop a blacklisted page BEFORE it is requested.
 *
 * Like uBO Lite, domains are merged into a few rules through `requestDomains` arrays
 * (one rule per chunk) instead of one rule per domain: Chromium holds far more domains
 * this way than its rule-count limits suggest (measured by tests/perf/dnr-capacity.ts:
 * 2,560,000 domains in 26 redirect rules on Chromium 156). Firefox documents
 * MAX_NUMBER_OF_DYNAMIC_RULES = 5,000, MAX_NUMBER_OF_SESSION_RULES = 5,000 and
 * MAX_NUMBER_OF_REGEX_RULES = 1,000 (per ruleset); we use at most a few dozen rules.
 *
 * Rule ids and priorities (higher priority wins; DNR_PRIORITY of src/lists/precedence.ts):
 *   list block    ids 1..999      prio 10  redirect to warning.html
 *   list allow    ids 1001..1999  prio 20  allow
 *   user block    ids 2001..2999  prio 30  redirect
 *   user allow    ids 3001..3999  prio 40  allow   ("always allow this site" lands here)
 *   bypass once   session rules 10001..  prio 50  allow   (continue once, this session)
 *
 * Redirect target: the warning-URL format of src/url/warning-url.ts (DNR cannot
 * percent-encode, so the rule's regexSubstitution puts the RAW URL in the fragment). Still
 * one regex rule per chunk (Chromium allows 1,000 regex rules; the budget needs 30).
 */
import type { DnrPlanSource, UserLists } from './list-store';
import { warningRedirectSubstitution } from '../url/warning-url';
import { DNR_PRIORITY } from '../lists/precedence';
import { yieldToLoop } from '../lists/slices';

export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect' | 'allow'; redirect?: { regexSubstitution?: string; extensionPath?: string } };
  condition: { requestDomains?: string[]; regexFilter?: string; resourceTypes: string[] };
}

export interface DnrApi {
  getDynamicRules(filter?: { ruleIds?: number[] }): Promise<DnrRule[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  getSessionRules(filter?: { ruleIds?: number[] }): Promise<DnrRule[]>;
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
}

export const RULE_RANGES = {
  listBlock: [1, 999],
  listAllow: [1001, 1999],
  userBlock: [2001, 2999],
  userAllow: [3001, 3999],
  bypass: [10001, 19999],
} as const;
/** Priorities from the one precedence order (src/lists/precedence.ts). */
export const PRIORITY = DNR_PRIORITY;

export interface DnrOptions {
  /** Absolute URL of the packaged warning page, e.g. chrome-extension://id/warning.html */
  warningPage: string;
  /** Most list domains put into DNR; the rest are caught by the nav guard. */
  maxDomains: number;
  /** Domains per rule. */
  chunk: number;
}

/**
 * maxDomains: list domains put into DNR rules. Every updateDynamicRules call re-indexes
 * ALL dynamic rules in the browser (about 4 µs per domain: 4 s at 1,000,000), and the
 * worker itself spends about 1 µs per domain marshalling a call's arguments, during which
 * it answers nothing. So the rules are installed `chunk` domains per call (≈ 10 ms of the
 * worker each), and the budget is kept where the whole sequence stays a few seconds
 * (measured by tests/perf/worker-responsiveness.ts). Listed domains beyond it are still
 * blocked, by the nav guard at onBeforeNavigate. Seed and the person's own lists come first.
 */
export const DEFAULT_DNR_OPTIONS = { maxDomains: 150_000, chunk: 5_000 } as const;

const MAIN_FRAME = ['main_frame'];
const inRange = (id: number, [lo, hi]: readonly [number, number]) => id >= lo && id <= hi;
const idsIn = (range: readonly [number, number], n: number) => Array.from({ length: n }, (_, i) => range[0] + i);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function redirectRule(id: number, priority: number, domains: string[], warningPage: string): DnrRule {
  return {
    id,
    priority,
    action: { type: 'redirect', redirect: { regexSubstitution: warningRedirectSubstitution(warningPage) } },
    condition: { regexFilter: '^https?://.*', requestDomains: domains, resourceTypes: MAIN_FRAME },
  };
}

export function allowRule(id: number, priority: number, domains: string[]): DnrRule {
  return { id, priority, action: { type: 'allow' }, condition: { requestDomains: domains, resourceTypes: MAIN_FRAME } };
}

/** The rules for the merged lists. Pure: tested in tests/unit/background/dnr.test.ts. */
export function buildListRules(plan: DnrPlanSource, opts: DnrOptions): { rules: DnrRule[]; covered: number; total: number } {
  const maxRules = RULE_RANGES.listBlock[1] - RULE_RANGES.listBlock[0] + 1;
  const block = plan.block.slice(0, Math.min(opts.maxDomains, maxRules * opts.chunk));
  const allow = plan.allow.slice(0, opts.chunk * (RULE_RANGES.listAllow[1] - RULE_RANGES.listAllow[0] + 1));
  const rules: DnrRule[] = [];
  chunks(block, opts.chunk).forEach((c, i) => rules.push(redirectRule(RULE_RANGES.listBlock[0] + i, PRIORITY.listBlock, c, opts.warningPage)));
  chunks(allow, opts.chunk).forEach((c, i) => rules.push(allowRule(RULE_RANGES.listAllow[0] + i, PRIORITY.listAllow, c)));
  return { rules, covered: block.length, total: Math.max(plan.blockTotal ?? 0, plan.block.length) };
}

export function buildUserRules(user: UserLists, opts: DnrOptions): DnrRule[] {
  const rules: DnrRule[] = [];
  chunks(user.block.map((u) => u.host), opts.chunk).forEach((c, i) => rules.push(redirectRule(RULE_RANGES.userBlock[0] + i, PRIORITY.userBlock, c, opts.warningPage)));
  chunks(user.allow.map((u) => u.host), opts.chunk).forEach((c, i) => rules.push(allowRule(RULE_RANGES.userAllow[0] + i, PRIORITY.userAllow, c)));
  return rules;
}

export function createDnr(api: DnrApi, opts: DnrOptions) {
  async function replaceRange(ranges: ReadonlyArray<readonly [number, number]>, add: DnrRule[]): Promise<void> {
    // Every id of our ranges (ids that do not exist are ignored), so we never have to read
    // back a million domains with getDynamicRules just to learn which ids are in use.
    const remove = ranges.flatMap((rg) => idsIn(rg, rg[1] - rg[0] + 1));
    const domains = add.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);
    if (domains <= opts.chunk) {
      // One call: updateDynamicRules is atomic (all or nothing).
      await api.updateDynamicRules({ removeRuleIds: remove, addRules: add });
      return;
    }
    // Bigger: one rule (≤ chunk domains) per call, each replacing the rule of the same id
    // in place (the old rules keep working until replaced), allow rules first so an
    // allowed domain is never blocked half-way; then the ids no longer used go. Until the
    // last call the recorded DNR state is the old one, so the nav guard covers any gap.
    const ordered = [...add.filter((r) => r.action.type === 'allow'), ...add.filter((r) => r.action.type !== 'allow')];
    for (const rule of ordered) {
      await api.updateDynamicRules({ removeRuleIds: [rule.id], addRules: [rule] });
      await yieldToLoop();
    }
    const used = new Set(ordered.map((r) => r.id));
    await api.updateDynamicRules({ removeRuleIds: remove.filter((id) => !used.has(id)) });
  }
  return {
    options: opts,
    async syncListRules(plan: DnrPlanSource): Promise<{ covered: number; total: number }> {
      const { rules, covered, total } = buildListRules(plan, opts);
      await replaceRange([RULE_RANGES.listBlock, RULE_RANGES.listAllow], rules);
      return { covered, total };
    },
    async syncUserRules(user: UserLists): Promise<void> {
      await replaceRange([RULE_RANGES.userBlock, RULE_RANGES.userAllow], buildUserRules(user, opts));
    },
    /**
     * Is `domain` in an installed redirect rule of the person's own block list? Only asked
     * on a hit, and never for list rules: the nav guard trusts their recorded DNR state
     * instead of copying up to the whole DNR budget into the worker.
     */
    async coversUserDomain(domain: string): Promise<boolean> {
      const range = RULE_RANGES.userBlock;
      const rules = await api.getDynamicRules({ ruleIds: idsIn(range, range[1] - range[0] + 1) });
      return rules.some((r) => inRange(r.id, range) && r.action.type === 'redirect' && (r.condition.requestDomains ?? []).includes(domain));
    },
    /** "Continue once": a session allow rule (survives worker restarts, not browser restarts). */
    async addBypassRule(host: string): Promise<void> {
      const existing = await api.getSessionRules();
      if (existing.some((r) => inRange(r.id, RULE_RANGES.bypass) && r.condition.requestDomains?.includes(host))) return;
      const used = new Set(existing.map((r) => r.id));
      let id = RULE_RANGES.bypass[0];
      while (used.has(id) && id < RULE_RANGES.bypass[1]) id++;
      await api.updateSessionRules({ addRules: [allowRule(id, PRIORITY.bypass, [host])] });
    },
    async removeBypassRule(host: string): Promise<void> {
      const existing = await api.getSessionRules();
      const ids = existing.filter((r) => inRange(r.id, RULE_RANGES.bypass) && r.condition.requestDomains?.includes(host)).map((r) => r.id);
      if (ids.length) await api.updateSessionRules({ removeRuleIds: ids });
    },
  };
}
export type Dnr = ReturnType<typeof createDnr>;
