/**
 * 长辈模式 (issue 9) for our on-page UI (alert, cooling-off dialog), appended to their
 * shadow CSS: 24 px text, line height 1.6, contrast ≥ 7:1 (text #111827 on #fff 17.7:1,
 * red #7f1d1d on #fef2f2 9.8:1, blue #1e3a8a on #fff 10.4:1), targets ≥ 48×48 px,
 * and sizes that fit a 640 px wide window (200% zoom of 1280) without sideways scrolling.
 */
export const ELDER_CSS = `
.panel, dialog { font-size: 24px; line-height: 1.6; color: #111827; }
.panel { background: #fff; border-color: #7f1d1d; border-width: 4px; max-height: 60vh; width: min(900px, calc(100vw - 16px)); }
dialog { background: #fff; border-color: #7f1d1d; width: min(900px, calc(100vw - 16px)); max-height: calc(100vh - 16px); padding: 20px; }
h2 { font-size: 30px; line-height: 1.35; color: #7f1d1d; margin: 0; }
.sign { display: flex; gap: 14px; align-items: center; background: #fef2f2; border: 4px solid #7f1d1d; border-radius: 14px; padding: 12px 14px; margin-bottom: 12px; color: #7f1d1d; }
.sign .icon { font-size: 44px; line-height: 1; font-weight: 700; flex: none; }
p.rule { font-size: 26px; font-weight: 700; margin: 0 0 14px; }
.hint, .kinds { font-size: 24px; color: #111827; }
button, a.btn { font-size: 24px; min-height: 56px; min-width: 56px; padding: 10px 22px; border-width: 3px; border-color: #1e3a8a; background: #1e3a8a; color: #fff; }
button.secondary, a.btn.secondary { background: #fff; color: #1e3a8a; }
button.leave-big { font-size: 30px; min-height: 76px; padding: 14px 34px; background: #7f1d1d; border-color: #7f1d1d; color: #fff; }
button[disabled] { background: #e5e7eb; color: #1f2937; border-color: #4b5563; }
.count { color: #111827; }
.family, .rules { font-size: 24px; color: #111827; }
a { color: #1e3a8a; }
.family a { display: inline-flex; align-items: center; min-height: 48px; padding: 0 6px; font-weight: 700; }
.rules { background: #eff6ff; }
`;
