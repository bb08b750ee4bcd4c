/** CLI plumbing shared by all commands: I/O passed in so commands are testable. */
import { readFileSync } from 'node:fs';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input as UTF-8 ('' when stdin is a TTY). */
  stdin(): Promise<string>;
  readFile(path: string): string;
}

export interface CliCommand {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export function nodeIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    async stdin() {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFileSync(path, 'utf8'),
  };
}
