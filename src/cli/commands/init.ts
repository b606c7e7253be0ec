import { EmailSchema, PasswordSchema } from '../../contracts/auth.schema';
import { CliError, withRuntime } from '../runtime';

/** Creates the first owner and their workspace in an empty database. */
export async function init(options: { email: string; name: string; password: string; workspace: string }): Promise<void> {
  const email = EmailSchema.safeParse(options.email);
  if (!email.success) throw new CliError(`tandem init: --email "${options.email}" is not an email address`, 2);
  const password = PasswordSchema.safeParse(options.password);
  if (!password.success) throw new CliError('tandem init: --password must be at least 8 characters', 2);
  await withRuntime(async (runtime) => {
    if (!(await runtime.seed.isEmpty())) {
      throw new CliError('tandem init: this database already has users; add more with `tandem user add`');
    }
    const user = await runtime.services.auth.createUser({ email: email.data, name: options.name, password: options.password });
    const workspace = await runtime.services.workspaces.create(user.id, options.workspace);
    console.log(`Created owner ${user.email} and workspace "${workspace.name}" (${workspace.id}). Sign in with that email and password.`);
  });
}
