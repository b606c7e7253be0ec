import { CliError, withRuntime } from '../runtime';

/** Prints a new API token for a user: the only time it is shown. */
export async function tokenCreate(options: { email: string; name: string }): Promise<void> {
  await withRuntime(async (runtime) => {
    const user = await runtime.store.read.users.findByEmail(options.email);
    if (!user) throw new CliError(`tandem token create: no user with email ${options.email}`);
    const { token } = await runtime.services.auth.createToken({ userId: user.id }, options.name);
    console.log(token);
  });
}
