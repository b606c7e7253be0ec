import { statusKeysIn } from '../domain/backlog/workflow';
import { DEFAULT_LAUNCH_TEMPLATE, draftReleaseNotes, tasksToAdd, type LaunchTaskState, type LaunchTemplateTask } from '../domain/roadmap/launches';
import type { ServiceContext } from './context';
import type { LaunchTaskRecord } from './launch-ports';
import type { ProductRecord, Repositories } from './ports';

/** The demo product's own template: the default six, plus the sales enablement its B2B launches need. */
export const DEMO_LAUNCH_TEMPLATE: readonly LaunchTemplateTask[] = [...DEFAULT_LAUNCH_TEMPLATE.slice(0, 3), { title: 'Sales enablement', offsetDays: 10 }, ...DEFAULT_LAUNCH_TEMPLATE.slice(3)];

/** Who owns each task of the release about to launch, and where it stands: half done, one skipped. */
const DEMO_CHECKLIST: Record<string, { owner: string; state: LaunchTaskState }> = {
  'Engineering QA sign-off': { owner: 'dev@demo.test', state: 'in_progress' },
  Documentation: { owner: 'po@demo.test', state: 'done' },
  'Marketing campaign': { owner: 'pm@demo.test', state: 'done' },
  'Sales enablement': { owner: 'pm@demo.test', state: 'skipped' },
  'Support readiness': { owner: 'owner@demo.test', state: 'todo' },
  'Pricing and packaging': { owner: 'pm@demo.test', state: 'done' },
  Announcement: { owner: 'pm@demo.test', state: 'todo' },
};

/** The release the demo's checklist and notes belong to (DEMO_RELEASES' first). */
export const DEMO_LAUNCH_RELEASE = 'Onboarding 2.0';

const NOTES_THANKS = '\nThanks to the design partners who tried the guided setup in beta and told us where they got stuck.\n';

/**
 * The demo's launch: the product's template, the checklist of the release
 * about to launch (owners assigned, part done) and its notes, drafted from
 * its done work and then touched up by the PM, as a real launch would be.
 */
export async function seedDemoLaunches(
  repos: Pick<Repositories, 'launches' | 'releases'>,
  ctx: ServiceContext,
  product: ProductRecord,
  userIds: ReadonlyMap<string, string>,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const { workspaceId } = product;
  const pm = userIds.get('pm@demo.test') ?? null;
  await repos.launches.insertTemplate({ id: ctx.newId(), workspaceId, productId: product.id, tasks: [...DEMO_LAUNCH_TEMPLATE], updatedBy: pm, version: 1, createdAt: at, updatedAt: at });

  const release = (await repos.releases.list(workspaceId, product.id)).find((candidate) => candidate.name === DEMO_LAUNCH_RELEASE);
  if (!release) return;
  const tasks: LaunchTaskRecord[] = tasksToAdd(DEMO_LAUNCH_TEMPLATE, [], release.targetDate).map((task, position) => {
    const spec = DEMO_CHECKLIST[task.title];
    return {
      id: ctx.newId(),
      workspaceId,
      productId: product.id,
      releaseId: release.id,
      title: task.title,
      ownerId: spec ? (userIds.get(spec.owner) ?? null) : null,
      dueDate: task.dueDate,
      state: spec?.state ?? 'todo',
      position,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  });
  await repos.launches.insertTasks(tasks);

  const done = new Set(statusKeysIn(product.workflow, 'done'));
  const delivered = (await repos.launches.scopeTree(workspaceId, release.id)).filter((item) => done.has(item.status));
  const ancestors = await repos.launches.ancestors(workspaceId, delivered.flatMap((item) => (item.parentId ? [item.parentId] : [])));
  const body = draftReleaseNotes(release, delivered, ancestors) + NOTES_THANKS;
  await repos.launches.insertNotes({ releaseId: release.id, workspaceId, body, updatedBy: pm, version: 1, createdAt: at, updatedAt: at });
}
