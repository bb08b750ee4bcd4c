/**
 * `sentinel bench scan [--json]`: engine speed on text written for this benchmark
 * (no corpus data): a mixed Chinese/English page of ordinary prose with a few scam
 * sentences. Reports charsPerSecond (a 2 M-character scan with scam sentences mixed in;
 * cleanCharsPerSecond: ordinary prose only), page20kMs (median over
 * 20,000-character pages), cold compile time. A benchmark, never a test assertion.
 */
import { corePackCompiled, scanPassages, scanText } from '../../engine';
import type { CliIo } from '../io';

export const summary = 'engine speed: charsPerSecond, page20kMs (median)';

const PROSE = [
  '今天上午，市图书馆举办了一场关于城市历史的讲座，吸引了不少市民参加。',
  '天气预报显示，未来三天本地以多云为主，最高气温二十六度，早晚温差较大。',
  '新学期开始后，学校食堂推出了几款新菜品，同学们反映味道不错，价格也实惠。',
  '这款手机的电池续航表现稳定，日常使用一天半没有问题，拍照效果在同价位中属于中上水平。',
  '社区组织志愿者为独居老人上门检查燃气灶和电线，并讲解了冬季用电安全常识。',
  'The museum will extend its opening hours during the holiday week, and tickets can be booked online.',
  '本周末，公园将举办花卉展，展出各类盆景和兰花，入园免费，欢迎大家前来观赏。',
  '据统计，今年前三季度全市新增就业岗位较去年同期有所增长，服务业贡献最大。',
  '我们建议家长每天陪孩子阅读二十分钟，这对语言能力的培养很有帮助。',
  'Researchers published a new study on sleep and memory, suggesting that regular schedules matter more than total hours.',
];
const SCAM = [
  '内部消息，老师带单，保本保息，日收益百分之二，加微信 abc12345 进群。',
  '您的账户涉嫌洗钱，请立即将资金转入安全账户配合调查，不要告诉家人。',
  '刷单兼职，动动手指日赚三百，先垫付后返还本金加佣金。',
];

function makePage(chars: number, seed: number, withScam: boolean): string[] {
  const passages: string[] = [];
  let total = 0;
  let i = seed;
  while (total < chars) {
    const p = withScam && i % 37 === 0 ? SCAM[i % SCAM.length]! : PROSE[i % PROSE.length]!;
    passages.push(p);
    total += p.length;
    i = (i * 7 + 3) % 1009;
  }
  return passages;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const t0 = performance.now();
  corePackCompiled();
  const compileMs = performance.now() - t0;

  // Throughput: one 2 M-character text (cut into segments by the engine itself).
  const big = makePage(2_000_000, 1, true).join('\n');
  scanText(big.slice(0, 100_000)); // warm up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    scanText(big);
    runs.push(performance.now() - s);
  }
  const bigMs = median(runs);
  const charsPerSecond = Math.round(big.length / (bigMs / 1000));

  // The same size of ordinary prose only (most pages): no scam sentences.
  const clean = makePage(2_000_000, 1, false).join('\n');
  const cleanRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    scanText(clean);
    cleanRuns.push(performance.now() - s);
  }
  const cleanCharsPerSecond = Math.round(clean.length / (median(cleanRuns) / 1000));

  // A 20,000-character page of passages, median of 200 scans over 10 different pages.
  const pages = Array.from({ length: 10 }, (_, k) => makePage(20_000, k + 2, k % 2 === 0));
  for (const p of pages) scanPassages(p);
  const times: number[] = [];
  for (let r = 0; r < 200; r++) {
    const p = pages[r % pages.length]!;
    const s = performance.now();
    scanPassages(p);
    times.push(performance.now() - s);
  }
  const page20kMs = Number(median(times).toFixed(3));
  const p95 = Number([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!.toFixed(3));
  const result = { bench: 'scan', charsPerSecond, cleanCharsPerSecond, page20kMs, page20kP95Ms: p95, bigTextChars: big.length, bigTextMs: Number(bigMs.toFixed(1)), compileMs: Number(compileMs.toFixed(1)), node: process.version };
  if (json) io.out(JSON.stringify(result));
  else {
    io.out('| measure | value |');
    io.out('|---|---:|');
    io.out(`| full scan throughput (1 scam sentence in ~37) | ${(charsPerSecond / 1e6).toFixed(1)} M chars/s |`);
    io.out(`| full scan throughput (ordinary prose) | ${(cleanCharsPerSecond / 1e6).toFixed(1)} M chars/s |`);
    io.out(`| 20,000-char page, median | ${page20kMs} ms |`);
    io.out(`| 20,000-char page, p95 | ${p95} ms |`);
    io.out(`| rule pack compile (cold) | ${result.compileMs} ms |`);
  }
  return 0;
}
