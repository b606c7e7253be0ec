import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI: these tests drive Tandem as an operator would, through its own processes. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const TANDEM_BIN = join(REPO_ROOT, 'dist', 'tandem.mjs');

function assertBuilt(): void {
  if (!existsSync(TANDEM_BIN)) {
    throw new Error(`${TANDEM_BIN} is missing; run \`node scripts/build.mjs --server\` (npm test builds it first)`);
  }
}

/**
 * The parent's environment minus Tandem's own settings, so a developer's
 * DATABASE_URL or PORT never leaks into a test's child process.
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'TANDEM_DEMO', 'LOG_LEVEL', 'TRUST_PROXY', 'TANDEM_WEB_ROOT']) delete base[name];
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

const COMMAND_LIMIT_MS = 30_000;

/** Every child still running, so a failed test never leaves a Tandem process behind. */
const tracked = new Set<ChildProcess>();

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one `tandem …` command to completion. */
export function runTandem(args: string[], env: Record<string, string>, options: { cwd?: string; command?: string[] } = {}): Promise<CliResult> {
  const command = options.command ?? [process.execPath, TANDEM_BIN];
  if (!options.command) assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), ...args], {
      cwd: options.cwd ?? tmpdir(),
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tracked.add(child);
    // A command that should finish but serves or hangs instead fails the test rather than the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_LIMIT_MS);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      tracked.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs a command that must succeed, failing the test with its output otherwise. */
export async function tandemOk(args: string[], env: Record<string, string>): Promise<string> {
  const result = await runTandem(args, env);
  if (result.code !== 0) {
    throw new Error(`tandem ${args.join(' ')} exited with ${result.code ?? result.signal}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

export interface TandemServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  /** SIGTERM and wait for a clean exit (SIGKILL if it hangs). */
  stop(): Promise<void>;
  /** SIGKILL: the process dies without closing anything. */
  kill(): Promise<void>;
}

// Generous bounds on waits so a broken build fails with a message instead of hanging the run.
const START_LIMIT_MS = 30_000;
const STOP_LIMIT_MS = 10_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `tandem serve` on a free port and resolves once it prints its URL.
 * It runs outside the repository so that a missing DATABASE_URL can never
 * write to ./data and the server is the API alone (the web bundle has its own tests).
 */
export function startTandem(env: Record<string, string>): Promise<TandemServer> {
  assertBuilt();
  const child = spawn(process.execPath, [TANDEM_BIN, 'serve'], {
    cwd: tmpdir(),
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tracked.add(child);
  child.once('exit', () => tracked.delete(child));
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
    await exited(child);
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tandem serve did not print its URL within ${START_LIMIT_MS} ms:\n${output}`));
    }, START_LIMIT_MS);
    const onData = () => {
      const match = /Tandem is running at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: match[1]!,
        child,
        output: () => output,
        stop: () => stopWith('SIGTERM'),
        kill: () => stopWith('SIGKILL'),
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tandem serve exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** Kills every Tandem process a test left behind; for afterEach/afterAll. */
export async function killAllTandem(): Promise<void> {
  const children = [...tracked];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
}

export interface TempDir {
  path: string;
  file(name: string): string;
  remove(): void;
}

export function makeTempDir(label: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `tandem-${label}-`));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}
