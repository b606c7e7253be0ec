import { RolesSchema } from '../../contracts/access.schema';
import { EmailSchema, PasswordSchema } from '../../contracts/auth.schema';
import { isTandemError } from '../../domain/errors';
import { CliError, withRuntime } from '../runtime';

export async function userAdd(options: { email: string; name: string; password: string; workspace?: string; roles?: string }): Promise<void> {
  const email = EmailSchema.safeParse(options.email);
  if (!email.success) throw new CliError(`tandem user add: --email "${options.email}" is not an email address`, 2);
  if (!PasswordSchema.safeParse(options.password).success) throw new CliError('tandem user add: --password must be at least 8 characters', 2);
  const roles = RolesSchema.safeParse((options.roles ?? 'viewer').split(',').map((role) => role.trim()));
  if (!roles.success) {
    throw new CliError(`tandem user add: --roles must be a comma-separated list of owner, product_manager, product_owner, contributor, stakeholder, viewer`, 2);
  }
  await withRuntime(async (runtime) => {
    const workspace = options.workspace ? await runtime.store.read.workspaces.findById(options.workspace) : null;
    if (options.workspace && !workspace) throw new CliError(`tandem user add: no workspace with id ${options.workspace}`);
    try {
      const user = await runtime.services.auth.createUser({ email: email.data, name: options.name, password: options.password });
      if (workspace) {
        await runtime.store.transaction((repos) => repos.members.add(workspace.id, user.id, roles.data, new Date().toISOString()));
        console.log(`Added ${user.email} to "${workspace.name}" as ${roles.data.join(', ')}.`);
      } else {
        console.log(`Added ${user.email} (${user.id}); invite them to a workspace from its members page.`);
      }
    } catch (error) {
      if (isTandemError(error)) throw new CliError(`tandem user add: ${error.message}`);
      throw error;
    }
  });
}
