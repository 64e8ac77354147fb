import type { CliIO } from '../io';
import { runCli } from '../run';

/** Runs `oneseal <args>` in-process (with `cli`, runCli unless given) and answers its exit code and what it printed. */
export async function runCaptured(args: string[], cli: typeof runCli = runCli) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await cli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
