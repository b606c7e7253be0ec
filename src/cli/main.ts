import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError } from '../server/config/config';
import { backup, restore } from './commands/backup';
import { writeOpenApi, writeRolesDoc } from './commands/generate';
import { init } from './commands/init';
import { seed } from './commands/seed';
import { serve } from './commands/serve';
import { tokenCreate } from './commands/token-create';
import { userAdd } from './commands/user-add';
import { CliError } from './runtime';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000000');
  return n;
}

function buildProgram(): Command {
  const program = new Command('tandem')
    .description('Tandem: product management for the Product Manager and the Product Owner, in one traceable system.')
    .showHelpAfterError('(run `tandem --help` for usage)')
    .exitOverride();

  program
    .command('serve')
    .description('run the API and web app (DATABASE_URL, PORT, HOST, TANDEM_DEMO)')
    .option('-p, --port <port>', 'port to listen on (default 3000)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--no-demo', 'do not seed the demo workspace into an empty database')
    .action(serve);

  program
    .command('init')
    .description('create the first owner and workspace in an empty database')
    .requiredOption('--email <email>', 'email of the owner')
    .requiredOption('--password <password>', 'password, at least 8 characters')
    .option('--name <name>', 'display name', 'Owner')
    .option('--workspace <name>', 'workspace name', 'My workspace')
    .action(init);

  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('add an account, optionally straight into a workspace')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--password <password>', 'password, at least 8 characters')
    .option('--name <name>', 'display name', 'New user')
    .option('--workspace <id>', 'workspace id to add the account to')
    .option('--roles <roles>', 'comma-separated roles in that workspace', 'viewer')
    .action(userAdd);

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description("print a new API token for a user (it is shown only once)")
    .requiredOption('--email <email>', "the token's user")
    .option('--name <name>', 'what the token is for', 'cli')
    .action(tokenCreate);

  program
    .command('seed')
    .description('fill a benchmark workspace with realistic items')
    .requiredOption('--items <n>', 'how many items', positiveInteger)
    .action(seed);

  program
    .command('backup')
    .description('back up the database: <file>.json is a portable dump, any other name a SQLite online backup')
    .argument('<file>', 'where to write the backup')
    .action(backup);

  program
    .command('restore')
    .description('restore a backup: a .json dump into an empty database of either kind, or a SQLite file (stop Tandem first)')
    .argument('<file>', 'the backup to restore')
    .action(restore);

  program
    .command('openapi')
    .description('write the OpenAPI document')
    .option('--out <file>', 'output file', 'openapi.json')
    .action((options: { out: string }) => writeOpenApi(options.out));

  program
    .command('docs-roles')
    .description('write docs/roles.md from the permission matrix')
    .option('--out <file>', 'output file', 'docs/roles.md')
    .action((options: { out: string }) => writeRolesDoc(options.out));

  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit cleanly; every usage mistake is exit code 2.
      process.exit(error.exitCode === 0 ? 0 : 2);
    }
    if (error instanceof CliError) {
      // A usage mistake names the fix, as commander's own errors do.
      const hint = error.exitCode === 2 ? `\n(run \`tandem ${argv.slice(2).filter((arg) => !arg.startsWith('-'))[0] ?? ''} --help\` for usage)` : '';
      process.stderr.write(`${error.message}${hint}\n`);
      process.exit(error.exitCode);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`tandem: ${error.problems.join('; ')}\n`);
      process.exit(1);
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tandem: ${message}\n`);
    process.exit(1);
  }
}

await main(process.argv);
