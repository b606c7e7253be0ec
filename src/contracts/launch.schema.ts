import { z } from 'zod';
import { IdSchema, InstantSchema, patchBodyOf, PlanDateSchema } from './common.schema';
import { LAUNCH_TASK_STATES } from './vocabulary';

export { LAUNCH_TASK_STATES };

export const LaunchTaskStateSchema = z.enum(LAUNCH_TASK_STATES).meta({ description: 'A skipped task does not count towards readiness' });

export const LaunchReadinessSchema = z
  .object({
    done: z.number().int().meta({ description: 'Launch tasks done' }),
    total: z.number().int().meta({ description: 'Launch tasks that count: all but the skipped ones' }),
    percent: z.number().int().nullable().meta({ description: 'done / total as a whole percent, rounded down (100 only when all are done); null when no task counts' }),
  })
  .meta({ id: 'LaunchReadiness', description: "How ready the release's launch is, from its checklist" });
export type LaunchReadiness = z.infer<typeof LaunchReadinessSchema>;

const TaskTitleSchema = z.string().trim().min(1).max(200);

export const LaunchTemplateTaskSchema = z
  .strictObject({
    title: TaskTitleSchema,
    offsetDays: z
      .number()
      .int()
      .min(-365)
      .max(365)
      .nullable()
      .default(null)
      .meta({ description: "Days before the release's target date the task falls due (negative: after it); null leaves the due date open" }),
  })
  .meta({ id: 'LaunchTemplateTask' });

export const LaunchTemplateSchema = z
  .object({
    productId: IdSchema,
    tasks: z.array(LaunchTemplateTaskSchema),
    saved: z.boolean().meta({ description: 'False while the product uses the default template' }),
    version: z.number().int().nullable().meta({ description: 'Null until the product saves its own template' }),
    updatedBy: IdSchema.nullable(),
    updatedAt: InstantSchema.nullable(),
  })
  .meta({ id: 'LaunchTemplate', description: "The product's launch checklist template, in order; a product that never saved one uses the default six tasks" });
export type LaunchTemplate = z.infer<typeof LaunchTemplateSchema>;

export const LaunchTemplateBodySchema = z.strictObject({
  tasks: z.array(LaunchTemplateTaskSchema).min(1).max(50).meta({ description: 'The tasks in checklist order; titles must differ' }),
});
export type LaunchTemplateBody = z.infer<typeof LaunchTemplateBodySchema>;

export const LaunchTaskSchema = z
  .object({
    id: IdSchema,
    workspaceId: IdSchema,
    productId: IdSchema,
    releaseId: IdSchema,
    title: z.string(),
    ownerId: IdSchema.nullable().meta({ description: 'A member of the workspace' }),
    dueDate: PlanDateSchema.nullable(),
    state: LaunchTaskStateSchema,
    position: z.number().int(),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'LaunchTask' });
export type LaunchTask = z.infer<typeof LaunchTaskSchema>;

const LaunchTaskFields = {
  title: TaskTitleSchema,
  ownerId: IdSchema.nullable().meta({ description: 'A member of the workspace, or null for nobody yet' }),
  dueDate: PlanDateSchema.nullable(),
  state: LaunchTaskStateSchema,
};

export const LaunchTaskCreateBodySchema = z.strictObject({
  title: LaunchTaskFields.title,
  ownerId: LaunchTaskFields.ownerId.default(null),
  dueDate: LaunchTaskFields.dueDate.default(null),
  state: LaunchTaskFields.state.default('todo'),
});
export type LaunchTaskCreate = z.infer<typeof LaunchTaskCreateBodySchema>;

export const LaunchTaskUpdateBodySchema = patchBodyOf(z.strictObject(LaunchTaskFields));
export type LaunchTaskUpdate = z.infer<typeof LaunchTaskUpdateBodySchema>;

export const LaunchChecklistSchema = z
  .object({
    items: z.array(LaunchTaskSchema).meta({ description: 'In checklist order' }),
    readiness: LaunchReadinessSchema,
  })
  .meta({ id: 'LaunchChecklist' });
export type LaunchChecklist = z.infer<typeof LaunchChecklistSchema>;

export const AppliedTemplateSchema = LaunchChecklistSchema.extend({
  added: z.number().int().meta({ description: 'How many of the template’s tasks were new to the checklist' }),
}).meta({ id: 'AppliedLaunchTemplate' });

export const ReleaseNotesSchema = z
  .object({
    releaseId: IdSchema,
    markdown: z.string(),
    saved: z.boolean().meta({ description: 'True: the text someone saved; false: a fresh draft from the done work in scope' }),
    version: z.number().int().nullable().meta({ description: 'The saved text’s version (its ETag); null for a draft' }),
    updatedBy: IdSchema.nullable(),
    updatedAt: InstantSchema.nullable(),
  })
  .meta({ id: 'ReleaseNotes' });
export type ReleaseNotes = z.infer<typeof ReleaseNotesSchema>;

export const ReleaseNotesBodySchema = z.strictObject({
  markdown: z.string().max(100_000).meta({ description: 'The release notes as Markdown' }),
});

export const ReleaseNotesDraftBodySchema = z
  .strictObject({
    save: z.boolean().default(false).meta({ description: 'Also save the fresh draft over the saved text (a reset); false only returns it' }),
  })
  .nullish()
  .meta({ description: 'Optional: no body only drafts' });
