import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../../contracts/common.schema';
import {
  AppliedTemplateSchema,
  LaunchChecklistSchema,
  LaunchTaskCreateBodySchema,
  LaunchTaskSchema,
  LaunchTaskUpdateBodySchema,
  LaunchTemplateBodySchema,
  LaunchTemplateSchema,
  ReleaseNotesBodySchema,
  ReleaseNotesDraftBodySchema,
  ReleaseNotesSchema,
} from '../../../contracts/launch.schema';
import { notFound } from '../../../domain/errors';
import { notesFileName } from '../../../domain/roadmap/launches';
import type { Actor } from '../../../services/context';
import type { Action } from '../../../domain/access/permissions';
import { actorOf } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import { fieldsOfBody } from '../field-errors';
import type { AppServices } from '../services';
import { toLaunchTask } from '../wire';

const ProductParams = z.strictObject({ productId: IdSchema });
const ReleaseParams = z.strictObject({ releaseId: IdSchema });
const TaskParams = z.strictObject({ taskId: IdSchema });

/** Launches: the product's checklist template, each release's checklist, and its release notes. */
export const launchRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, launches } = services;

  /** A launch task checked like its workspace: a missing or foreign one is `not_found`. */
  const taskFor = async (actor: Actor, taskId: string, action: Action) => {
    const task = await launches.findTask(taskId);
    if (!task) throw notFound('Launch task');
    return { scope: await access.workspace(actor, task.workspaceId, action, 'Launch task'), task };
  };

  const checklistOf = (view: Awaited<ReturnType<typeof launches.checklist>>) => ({ items: view.items.map(toLaunchTask), readiness: view.readiness });

  app.get(
    '/products/:productId/launch-template',
    {
      schema: {
        operationId: 'getLaunchTemplate',
        tags: ['launches'],
        summary: "The product's launch checklist template (the default six tasks until the product saves its own)",
        params: ProductParams,
        response: { 200: LaunchTemplateSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'item.read');
      const template = await launches.template(scope, product);
      if (template.version !== null) setEtag(reply, template.version);
      return template;
    },
  );

  app.put(
    '/products/:productId/launch-template',
    {
      schema: {
        operationId: 'replaceLaunchTemplate',
        tags: ['launches'],
        summary: "Save the product's launch template: ordered tasks, each due some days before a release's target",
        params: ProductParams,
        body: LaunchTemplateBodySchema,
        response: { 200: LaunchTemplateSchema },
      },
    },
    async (request, reply) => {
      const { scope, product } = await access.product(actorOf(request), request.params.productId, 'launch.manage');
      const template = await fieldsOfBody(() => launches.saveTemplate(scope, product, request.body.tasks, expectedVersion(request)));
      setEtag(reply, template.version!);
      return template;
    },
  );

  app.get(
    '/releases/:releaseId/launch-tasks',
    {
      schema: {
        operationId: 'listLaunchTasks',
        tags: ['launches'],
        summary: "The release's launch checklist in order, with its readiness",
        params: ReleaseParams,
        response: { 200: LaunchChecklistSchema },
      },
    },
    async (request) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      return checklistOf(await launches.checklist(scope, release));
    },
  );

  app.post(
    '/releases/:releaseId/launch-tasks/from-template',
    {
      schema: {
        operationId: 'applyLaunchTemplate',
        tags: ['launches'],
        summary: "Add the template's tasks the checklist does not have yet, due before the release's target; applying it again adds nothing",
        params: ReleaseParams,
        response: { 200: AppliedTemplateSchema, 201: AppliedTemplateSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'launch.manage');
      const applied = await launches.applyTemplate(scope, release);
      return reply.code(applied.added > 0 ? 201 : 200).send({ ...checklistOf(applied), added: applied.added });
    },
  );

  app.post(
    '/releases/:releaseId/launch-tasks',
    {
      schema: {
        operationId: 'createLaunchTask',
        tags: ['launches'],
        summary: "Add a task to the release's launch checklist; its owner must be a member of the workspace",
        params: ReleaseParams,
        body: LaunchTaskCreateBodySchema,
        response: { 201: LaunchTaskSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'launch.manage');
      const task = await fieldsOfBody(() => launches.addTask(scope, release, request.body));
      setEtag(reply, task.version);
      return reply.code(201).header('location', `/api/v1/launch-tasks/${task.id}`).send(toLaunchTask(task));
    },
  );

  app.patch(
    '/launch-tasks/:taskId',
    {
      schema: {
        operationId: 'updateLaunchTask',
        tags: ['launches'],
        summary: 'Change a launch task: its title, owner, due date or state (If-Match for no lost updates)',
        params: TaskParams,
        body: LaunchTaskUpdateBodySchema,
        response: { 200: LaunchTaskSchema },
      },
    },
    async (request, reply) => {
      const { scope, task } = await taskFor(actorOf(request), request.params.taskId, 'launch.manage');
      const updated = await fieldsOfBody(() => launches.updateTask(scope, task, request.body, expectedVersion(request)));
      setEtag(reply, updated.version);
      return toLaunchTask(updated);
    },
  );

  app.delete(
    '/launch-tasks/:taskId',
    { schema: { operationId: 'deleteLaunchTask', tags: ['launches'], summary: 'Remove a task from its launch checklist', params: TaskParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { scope, task } = await taskFor(actorOf(request), request.params.taskId, 'launch.manage');
      await launches.removeTask(scope, task, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/releases/:releaseId/notes',
    {
      schema: {
        operationId: 'getReleaseNotes',
        tags: ['launches'],
        summary: "The release notes: the saved text, or (until someone saves it) a fresh draft from the done work in scope; `saved` says which",
        params: ReleaseParams,
        response: { 200: ReleaseNotesSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      const notes = await launches.notes(scope, release);
      if (notes.version !== null) setEtag(reply, notes.version);
      return notes;
    },
  );

  app.put(
    '/releases/:releaseId/notes',
    {
      schema: {
        operationId: 'saveReleaseNotes',
        tags: ['launches'],
        summary: 'Save the release notes (Markdown); If-Match names the version edited, so no change is lost',
        params: ReleaseParams,
        body: ReleaseNotesBodySchema,
        response: { 200: ReleaseNotesSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'launch.manage');
      const notes = await fieldsOfBody(() => launches.saveNotes(scope, release, request.body.markdown, expectedVersion(request)));
      setEtag(reply, notes.version!);
      return notes;
    },
  );

  app.post(
    '/releases/:releaseId/notes/draft',
    {
      schema: {
        operationId: 'draftReleaseNotes',
        tags: ['launches'],
        summary: 'Draft the release notes afresh from the done work in scope; with `save: true`, save the draft over the text (a reset)',
        params: ReleaseParams,
        body: ReleaseNotesDraftBodySchema,
        response: { 200: ReleaseNotesSchema },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'launch.manage');
      const notes = await launches.redraft(scope, release, request.body?.save ?? false, expectedVersion(request));
      if (notes.version !== null) setEtag(reply, notes.version);
      return notes;
    },
  );

  app.get(
    '/releases/:releaseId/notes.md',
    {
      schema: {
        operationId: 'exportReleaseNotes',
        tags: ['launches'],
        summary: 'The release notes as a Markdown file to download (the saved text, or a fresh draft)',
        params: ReleaseParams,
        response: { 200: { description: 'The release notes', content: { 'text/markdown': { schema: z.string() } } } },
      },
    },
    async (request, reply) => {
      const { scope, release } = await access.release(actorOf(request), request.params.releaseId, 'item.read');
      const notes = await launches.notes(scope, release);
      if (notes.version !== null) setEtag(reply, notes.version);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${notesFileName(release.name)}"`)
        .send(notes.markdown);
    },
  );
};
