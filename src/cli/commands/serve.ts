import { DEMO_ACCOUNTS } from '../../services/demo-data';
import { describeStart, startServer } from '../../server/main';
import { configFromEnv } from '../runtime';

export async function serve(options: { port?: string; host?: string; demo: boolean }): Promise<void> {
  const config = configFromEnv({
    ...(options.port !== undefined ? { PORT: options.port } : {}),
    ...(options.host !== undefined ? { HOST: options.host } : {}),
    ...(options.demo ? {} : { TANDEM_DEMO: '0' }),
  });
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
