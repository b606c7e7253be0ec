import { ConfigError, loadConfig, type Config } from '../server/config/config';
import { compose, type Runtime } from '../server/compose';

/** A failure the user can fix: printed as one line, exit code 1 (2 for bad arguments). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The configuration from the environment, with any settings a command's options give in its place. */
export function configFromEnv(settings: Record<string, string | undefined> = {}): Readonly<Config> {
  try {
    return loadConfig({ ...process.env, ...settings });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`tandem: ${error.problems.join('; ')}`);
    throw error;
  }
}

/** Opens the configured database for a command, and always closes it. */
export async function withRuntime<T>(work: (runtime: Runtime, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const runtime = await compose(config.database, { withoutEvents: true });
  try {
    return await work(runtime, config);
  } finally {
    await runtime.close();
  }
}
