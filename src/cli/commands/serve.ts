import { DEMO_ACCOUNTS } from '../../services/demo-data';
import { describeStart, startServer } from '../../server/main';
import { configFromEnv } from '../runtime';

export async function serve(options: { port?: string; host?: string; demo: boolean }): Promise<void> {
  const env = { ...process.env };
  if (options.port !== undefined) env.PORT = options.port;
  if (options.host !== undefined) env.HOST = options.host;
  if (!options.demo) env.TANDEM_DEMO = '0';
  process.env = env;
  const config = configFromEnv();
  const server = await startServer(config, { onBackgroundError: (error) => console.error('tandem: background error:', error) });
  const hasUsers = !(await server.runtime.seed.isEmpty());
  const demoPresent = (await server.runtime.store.read.users.findByEmail(DEMO_ACCOUNTS[0]!.email)) !== null;
  console.log(describeStart(server, { ...config, demo: config.demo && demoPresent }, hasUsers));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing Tandem…`);
    server
      .close()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
