import type { LaunchTaskCreate, LaunchTaskUpdate } from '../contracts/launch.schema';
import { statusKeysIn } from '../domain/backlog/workflow';
import { invalidField, notFound, staleVersion, TandemError } from '../domain/errors';
import {
  DEFAULT_LAUNCH_TEMPLATE,
  draftReleaseNotes,
  launchReadiness,
  normalizeTemplate,
  tasksToAdd,
  type LaunchReadiness,
  type LaunchTemplateTask,
} from '../domain/roadmap/launches';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type { LaunchTaskPatch, LaunchTaskRecord } from './launch-ports';
import type { EventPublisher, ProductRecord, ReleaseRecord, Repositories, UnitOfWork } from './ports';

type LaunchRepositories = Pick<Repositories, 'launches' | 'releases' | 'products' | 'members' | 'activity'>;

export interface LaunchTemplateView {
  productId: string;
  tasks: LaunchTemplateTask[];
  saved: boolean;
  version: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface ChecklistView {
  items: LaunchTaskRecord[];
  readiness: LaunchReadiness;
}

export interface ReleaseNotesView {
  releaseId: string;
  markdown: string;
  saved: boolean;
  version: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

/**
 * Launches: each release's checklist, started from the product's template
 * (owner, due date and state per task, readiness from what is done), and its
 * release notes, drafted from the done work in scope and kept once edited.
 * Every change publishes `release.changed`, so release pages refresh live.
 */
export class LaunchService {
  constructor(
    private readonly store: UnitOfWork<LaunchRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  async template(scope: Scope, product: ProductRecord): Promise<LaunchTemplateView> {
    const saved = await this.store.read.launches.findTemplate(scope.workspaceId, product.id);
    if (!saved) return { productId: product.id, tasks: DEFAULT_LAUNCH_TEMPLATE.map((task) => ({ ...task })), saved: false, version: null, updatedBy: null, updatedAt: null };
    return { productId: product.id, tasks: saved.tasks, saved: true, version: saved.version, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt };
  }

  /** Saves the product's template; the first save creates it, later ones honour If-Match. */
  async saveTemplate(scope: Scope, product: ProductRecord, input: readonly LaunchTemplateTask[], expectedVersion?: number): Promise<LaunchTemplateView> {
    const tasks = normalizeTemplate(input);
    const now = this.ctx.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      const before = await repos.launches.findTemplate(scope.workspaceId, product.id);
      let after = null;
      if (!before) {
        if (expectedVersion !== undefined) throw neverSaved('launch template');
        const created = { id: this.ctx.newId(), workspaceId: scope.workspaceId, productId: product.id, tasks, updatedBy: scope.actor.userId, version: 1, createdAt: now, updatedAt: now };
        if (await repos.launches.insertTemplate(created)) after = created;
      }
      if (!after) {
        // Saved meanwhile, or saved before: an update, as stale as the caller's version says.
        const current = before ?? (await repos.launches.findTemplate(scope.workspaceId, product.id))!;
        after = await repos.launches.updateTemplate(current.id, tasks, scope.actor.userId, now, expectedVersion);
        if (!after) throw staleVersion('launch template', (await repos.launches.findTemplate(scope.workspaceId, product.id))?.version ?? current.version);
      }
      await recordChange(repos.activity, this.ctx, scope, { subjectType: 'product', action: 'launch_template.saved', subjectId: product.id, before: before?.tasks ?? null, after: after.tasks });
    });
    this.events.publish({ type: 'release.changed', workspaceId: scope.workspaceId, productId: product.id, ids: [], actor: scope.actor.userId });
    return this.template(scope, product);
  }

  async checklist(scope: Scope, release: ReleaseRecord): Promise<ChecklistView> {
    const items = await this.store.read.launches.listTasks(scope.workspaceId, release.id);
    return { items, readiness: launchReadiness(items) };
  }

  /** Adds the template's tasks the checklist lacks, due before the release's target. */
  async applyTemplate(scope: Scope, release: ReleaseRecord): Promise<ChecklistView & { added: number }> {
    const now = this.ctx.clock.now().toISOString();
    const added = await this.store.transaction(async (repos) => {
      const current = await this.freshRelease(repos, release.id);
      const saved = await repos.launches.findTemplate(scope.workspaceId, current.productId);
      const existing = await repos.launches.listTasks(scope.workspaceId, current.id);
      const missing = tasksToAdd(saved?.tasks ?? DEFAULT_LAUNCH_TEMPLATE, existing.map((task) => task.title), current.targetDate);
      let position = await repos.launches.nextPosition(scope.workspaceId, current.id);
      const tasks: LaunchTaskRecord[] = missing.map((task) => ({
        id: this.ctx.newId(),
        workspaceId: scope.workspaceId,
        productId: current.productId,
        releaseId: current.id,
        title: task.title,
        ownerId: null,
        dueDate: task.dueDate,
        state: 'todo',
        position: position++,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }));
      await repos.launches.insertTasks(tasks);
      if (tasks.length > 0) {
        await recordChange(repos.activity, this.ctx, scope, { subjectType: 'release', action: 'launch.template_applied', subjectId: current.id, before: null, after: tasks.map((task) => task.title) });
      }
      return tasks.length;
    });
    if (added > 0) this.publish(scope, release);
    return { added, ...(await this.checklist(scope, release)) };
  }

  async addTask(scope: Scope, release: ReleaseRecord, input: LaunchTaskCreate): Promise<LaunchTaskRecord> {
    const now = this.ctx.clock.now().toISOString();
    const task = await this.store.transaction(async (repos) => {
      const current = await this.freshRelease(repos, release.id);
      await this.assertMember(repos, scope, input.ownerId);
      const created: LaunchTaskRecord = {
        id: this.ctx.newId(),
        workspaceId: scope.workspaceId,
        productId: current.productId,
        releaseId: current.id,
        title: input.title,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        state: input.state,
        position: await repos.launches.nextPosition(scope.workspaceId, current.id),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await repos.launches.insertTasks([created]);
      await this.record(repos, scope, 'launch_task.created', created.id, null, created);
      return created;
    });
    this.publish(scope, release);
    return task;
  }

  /** A task by id, for the access check (which names its workspace). */
  findTask(taskId: string): Promise<LaunchTaskRecord | null> {
    return this.store.read.launches.findTask(taskId);
  }

  async updateTask(scope: Scope, task: LaunchTaskRecord, patch: LaunchTaskUpdate, expectedVersion?: number): Promise<LaunchTaskRecord> {
    const changes = defined(patch) as LaunchTaskPatch;
    const now = this.ctx.clock.now().toISOString();
    const updated = await this.store.transaction(async (repos) => {
      const before = await this.freshTask(repos, task.id);
      if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId) await this.assertMember(repos, scope, changes.ownerId);
      const after = await repos.launches.updateTask(task.id, changes, now, expectedVersion);
      if (!after) throw staleVersion('launch task', before.version);
      await this.record(repos, scope, 'launch_task.updated', task.id, before, after);
      return after;
    });
    this.publish(scope, updated);
    return updated;
  }

  async removeTask(scope: Scope, task: LaunchTaskRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.freshTask(repos, task.id);
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('launch task', before.version);
      await repos.launches.deleteTask(task.id);
      await this.record(repos, scope, 'launch_task.deleted', task.id, before, null);
    });
    this.publish(scope, task);
  }

  /** The saved notes, or (until someone saves them) a fresh draft. */
  async notes(scope: Scope, release: ReleaseRecord): Promise<ReleaseNotesView> {
    const saved = await this.store.read.launches.findNotes(release.id);
    if (saved) return { releaseId: release.id, markdown: saved.body, saved: true, version: saved.version, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt };
    return this.draftView(scope, release);
  }

  /** A fresh draft from the release's done work, saved over the text only when asked (a reset). */
  async redraft(scope: Scope, release: ReleaseRecord, save: boolean, expectedVersion?: number): Promise<ReleaseNotesView> {
    const draft = await this.draftView(scope, release);
    return save ? this.saveNotes(scope, release, draft.markdown, expectedVersion) : draft;
  }

  async saveNotes(scope: Scope, release: ReleaseRecord, markdown: string, expectedVersion?: number): Promise<ReleaseNotesView> {
    const now = this.ctx.clock.now().toISOString();
    const saved = await this.store.transaction(async (repos) => {
      await this.freshRelease(repos, release.id);
      const before = await repos.launches.findNotes(release.id);
      let after = null;
      if (!before) {
        if (expectedVersion !== undefined) throw neverSaved('release notes');
        const created = { releaseId: release.id, workspaceId: scope.workspaceId, body: markdown, updatedBy: scope.actor.userId, version: 1, createdAt: now, updatedAt: now };
        if (await repos.launches.insertNotes(created)) after = created;
      }
      if (!after) {
        after = await repos.launches.updateNotes(release.id, markdown, scope.actor.userId, now, expectedVersion);
        if (!after) throw staleVersion('release notes', (await repos.launches.findNotes(release.id))?.version ?? before?.version ?? 0);
      }
      await recordChange(repos.activity, this.ctx, scope, { subjectType: 'release', action: 'release.notes_saved', subjectId: release.id, before: before?.body ?? null, after: after.body });
      return after;
    });
    this.publish(scope, release);
    return { releaseId: release.id, markdown: saved.body, saved: true, version: saved.version, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt };
  }

  private async draftView(scope: Scope, release: ReleaseRecord): Promise<ReleaseNotesView> {
    const read = this.store.read;
    const product = await read.products.findById(release.productId);
    if (!product) throw notFound('Product');
    const done = new Set(statusKeysIn(product.workflow, 'done'));
    const tree = (await read.launches.scopeTree(scope.workspaceId, release.id)).filter((item) => done.has(item.status));
    const ancestors = await read.launches.ancestors(
      scope.workspaceId,
      tree.flatMap((item) => (item.parentId ? [item.parentId] : [])),
    );
    const markdown = draftReleaseNotes(release, tree, ancestors);
    return { releaseId: release.id, markdown, saved: false, version: null, updatedBy: null, updatedAt: null };
  }

  private async assertMember(repos: LaunchRepositories, scope: Scope, userId: string | null): Promise<void> {
    if (userId !== null && !(await repos.members.find(scope.workspaceId, userId))) throw invalidField('ownerId', 'not a member of this workspace');
  }

  private async freshRelease(repos: LaunchRepositories, releaseId: string): Promise<ReleaseRecord> {
    const release = await repos.releases.findById(releaseId);
    if (!release) throw notFound('Release');
    return release;
  }

  private async freshTask(repos: LaunchRepositories, taskId: string): Promise<LaunchTaskRecord> {
    const task = await repos.launches.findTask(taskId);
    if (!task) throw notFound('Launch task');
    return task;
  }

  private record(repos: LaunchRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'launch_task', action, subjectId, before, after });
  }

  private publish(scope: Scope, subject: { productId: string; releaseId?: string; id: string }) {
    const releaseId = subject.releaseId ?? subject.id;
    this.events.publish({ type: 'release.changed', workspaceId: scope.workspaceId, productId: subject.productId, ids: [releaseId], actor: scope.actor.userId });
  }
}

/** An If-Match naming a version of something never saved: the caller read it from somewhere else. */
function neverSaved(what: string): TandemError {
  return new TandemError('version_mismatch', `The ${what} has not been saved yet, so no version of it can match; send it without If-Match`, { currentVersion: null });
}
