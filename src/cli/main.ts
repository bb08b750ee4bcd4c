/**
 * `sentinel` CLI: `npm run -s sentinel -- <command> [args]`. Runs from source with
 * tsx, using exactly the same pure modules as the extension.
 *
 * Each command lives in src/cli/commands/<name>.ts and exports
 *   `export const summary: string` and `export async function run(args: string[], io: CliIo): Promise<number>`.
 * `bench <what>` dispatches to commands/bench-<what>.ts (`bench all` runs every bench-*).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliCommand } from './io';
import { nodeIo } from './io';
import { installUrlDataFromPackages } from '../url/url-data-source';

const COMMANDS_DIR = join(import.meta.dirname, 'commands');

async function available(): Promise<string[]> {
  return (await readdir(COMMANDS_DIR)).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
}

async function load(name: string): Promise<CliCommand | null> {
  if (!/^[a-z0-9-]+$/.test(name) || !(await available()).includes(name)) return null;
  return (await import(join(COMMANDS_DIR, `${name}.ts`))) as CliCommand;
}

async function main(argv: string[]): Promise<number> {
  const io = nodeIo();
  installUrlDataFromPackages(); // the extension fetches these on first need; here they come from the packages
  const [command, ...rest] = argv;
  if (command === 'bench') {
    const [what, ...benchArgs] = rest;
    const names = what === 'all' || !what ? (await available()).filter((n) => n.startsWith('bench-')) : [`bench-${what}`];
    let code = 0;
    for (const name of names) {
      const cmd = await load(name);
      if (!cmd) {
        io.err(`unknown benchmark: ${what}`);
        return 2;
      }
      code ||= await cmd.run(benchArgs, io);
    }
    return code;
  }
  const cmd = command ? await load(command) : null;
  if (!cmd) {
    const names = await available();
    io.err(`usage: sentinel <command> [args]\n`);
    for (const n of names.filter((x) => !x.startsWith('bench-'))) io.err(`  ${n.padEnd(12)} ${(await load(n))?.summary ?? ''}`);
    io.err(`  bench <what>  ${names.filter((x) => x.startsWith('bench-')).map((x) => x.slice(6)).join(' | ')} | all`);
    return command ? 2 : 0;
  }
  return cmd.run(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sentinel: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
