import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { LAUNCH_TASK_STATES } from '../../../contracts/vocabulary';
import { messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import type { Member } from '../../api/types';
import { Button } from '../../ui/button';
import { CheckIcon, EditIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useReleases } from '../releases/queries';
import type { Release } from '../releases/release-model';
import { useProducts } from '../shell/queries';
import { planDateOf } from '../strategy/strategy-model';
import { checklistFacts, dueText, isOverdue, LAUNCH_TASK_STATE_LABELS, readinessText, type LaunchTask, type LaunchTaskState } from './launch-model';
import { LaunchTemplateEditor } from './launch-template-editor';
import { notesDownloadUrl, useAddLaunchTask, useApplyTemplate, useDeleteLaunchTask, useDraftNotes, useLaunchTasks, useLaunchTemplate, useReleaseNotes, useSaveNotes, useUpdateLaunchTask } from './queries';
import './launches.css';

/**
 * `/w/:workspaceId/p/:productId/releases/:releaseId/launch`: the release's
 * launch checklist (owner, due date and state per task, readiness from what is
 * done) and its release notes. The PM and the owner run it; everyone reads it.
 */
export function LaunchPage({ workspaceId, productId, releaseId }: { workspaceId: string; productId: string; releaseId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canManage = isAllowed(roles, 'launch.manage');
  const product = useProducts(workspaceId).data?.find((candidate) => candidate.id === productId);
  const releases = useReleases(productId);
  const release = releases.data?.find((candidate) => candidate.id === releaseId);

  let body;
  if (releases.isPending) body = <LoadingState label="Loading the launch…" />;
  else if (releases.isError && !releases.data) {
    body = <ErrorState title="Could not load the release" message={messageOf(releases.error)} action={<Button onClick={() => void releases.refetch()}>Try again</Button>} />;
  } else if (!release) {
    body = (
      <ErrorState
        title="No such release"
        message="This release does not exist, or it was deleted. Its launch checklist and notes went with it."
        action={
          <Link to="/w/$workspaceId/p/$productId/releases" params={{ workspaceId, productId }} className="btn btn-secondary">
            Back to the releases
          </Link>
        }
      />
    );
  } else {
    body = (
      <>
        <Checklist workspaceId={workspaceId} release={release} canManage={canManage} />
        <Notes release={release} canManage={canManage} />
        {canManage && <LaunchTemplateEditor productId={productId} productKey={product?.key} />}
      </>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <p className="launch-breadcrumb">
            <Link to="/w/$workspaceId/p/$productId/releases" params={{ workspaceId, productId }}>
              Releases
            </Link>
            <span aria-hidden="true"> / </span>
          </p>
          <h1 className="page-title">{release ? `Launch: ${release.name}` : 'Launch'}</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>{release?.targetDate ? `Target ${release.targetDate}` : 'Checklist, owners and release notes'}</span>
          </p>
        </div>
      </div>
      <div className="launch-content">{body}</div>
    </div>
  );
}

function Checklist({ workspaceId, release, canManage }: { workspaceId: string; release: Release; canManage: boolean }) {
  const checklist = useLaunchTasks(release.productId, release.id);
  const template = useLaunchTemplate(release.productId);
  const members = useMembers(workspaceId);
  const apply = useApplyTemplate(release.productId);
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const today = planDateOf(new Date());
  const headingId = useId();

  const applyTemplate = () => {
    setError(null);
    apply.mutate(release.id, {
      onSuccess: (applied) =>
        toast({ message: applied.added > 0 ? `${applied.added} ${applied.added === 1 ? 'task' : 'tasks'} added from the template` : 'The checklist already has every template task', tone: 'success' }),
      onError: (failure) => setError(messageOf(failure)),
    });
  };

  let content;
  if (checklist.isPending) content = <LoadingState label="Loading the checklist…" />;
  else if (checklist.isError && !checklist.data) {
    content = <ErrorState title="Could not load the checklist" message={messageOf(checklist.error)} action={<Button onClick={() => void checklist.refetch()}>Try again</Button>} />;
  } else if (checklist.data.items.length === 0) {
    const titles = template.data?.tasks.map((task) => task.title) ?? [];
    content = (
      <EmptyState
        icon={<CheckIcon width={20} height={20} />}
        title="No launch checklist yet"
        action={
          canManage && (
            <Button variant="primary" busy={apply.isPending} onClick={applyTemplate}>
              Start from the template
            </Button>
          )
        }
      >
        Shipping the code is half a launch. A checklist makes sure the rest is ready on the day: {titles.length > 0 ? titles.join(', ') : 'QA sign-off, documentation, marketing, support, pricing and the announcement'}.
        Each task gets an owner and a due date counted back from the target date, and the release card shows how ready the launch is.
        {!canManage && ' Product managers start the checklist; it will show up here.'}
      </EmptyState>
    );
  } else {
    const { items, readiness } = checklist.data;
    const facts = checklistFacts(items, today);
    content = (
      <>
        <div className="launch-readiness">
          <div
            className="launch-meter"
            role="progressbar"
            aria-label={`Launch readiness of “${release.name}”`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={readiness.percent ?? 0}
            aria-valuetext={readinessText(readiness)}
          >
            <div className={`launch-meter-fill${readiness.percent === 100 ? ' launch-meter-full' : ''}`} style={{ width: `${readiness.percent ?? 0}%` }} />
          </div>
          <p className="launch-readiness-text" data-testid="launch-readiness">
            <strong>{readinessText(readiness)}</strong>
            {facts.length > 0 && <span> · {facts.join(' · ')}</span>}
            {readiness.percent === 100 && <span className="launch-ready"> · Ready to launch</span>}
          </p>
        </div>
        <ol className="launch-tasks" aria-label={`Launch checklist of “${release.name}”`}>
          {items.map((task) => (
            <TaskRow key={task.id} task={task} members={members.data ?? []} today={today} canManage={canManage} onError={setError} />
          ))}
        </ol>
        {canManage && <AddTask release={release} onError={setError} />}
      </>
    );
  }

  return (
    <section className="launch-section" aria-labelledby={headingId}>
      <div className="launch-section-head">
        <h2 id={headingId} className="launch-section-title">
          Launch checklist {checklist.data && checklist.data.items.length > 0 && <span className="section-count">{checklist.data.items.length}</span>}
        </h2>
        {canManage && checklist.data && checklist.data.items.length > 0 && (
          <Button size="sm" variant="ghost" icon={<PlusIcon />} busy={apply.isPending} onClick={applyTemplate}>
            Add missing template tasks
          </Button>
        )}
      </div>
      {error && <Alert>{error}</Alert>}
      {checklist.isError && checklist.data && <Alert>Could not refresh the checklist: {messageOf(checklist.error)}</Alert>}
      {content}
    </section>
  );
}

function TaskRow({ task, members, today, canManage, onError }: { task: LaunchTask; members: Member[]; today: string; canManage: boolean; onError: (message: string | null) => void }) {
  const update = useUpdateLaunchTask(task.productId);
  const remove = useDeleteLaunchTask(task.productId);
  const owner = members.find((member) => member.userId === task.ownerId);
  const due = dueText(task, today);
  const overdue = isOverdue(task, today);
  // The box follows the click at once; the cached checklist catches up a moment later, or puts it back on a refusal.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const done = ticked ?? task.state === 'done';
  const ids = useId();

  const change = (patch: Parameters<typeof update.mutate>[0]['change']) => {
    onError(null);
    update.mutate(
      { task, change: patch },
      {
        onError: (failure) => onError(isStale(failure) ? `“${task.title}” was changed by someone else meanwhile; the checklist now shows their change. Try again.` : messageOf(failure)),
        onSettled: () => setTicked(null),
      },
    );
  };

  const ownerLabel = owner ? owner.name : task.ownerId ? 'A former member' : 'No owner';
  return (
    <li className={`launch-task launch-task-${task.state}${overdue ? ' launch-task-overdue' : ''}`} aria-busy={update.isPending || undefined}>
      {canManage ? (
        <input
          type="checkbox"
          className="launch-task-check"
          checked={done}
          disabled={task.state === 'skipped'}
          onChange={(event) => {
            setTicked(event.target.checked);
            change({ state: event.target.checked ? 'done' : 'todo' });
          }}
          aria-label={`Mark “${task.title}” ${done ? 'not done' : 'done'}`}
        />
      ) : (
        <span className={`launch-task-mark${done ? ' launch-task-mark-done' : ''}`} aria-hidden="true">
          {done && <CheckIcon width={12} height={12} />}
        </span>
      )}
      <div className="launch-task-main">
        {canManage ? <TaskTitle task={task} onRename={(title) => change({ title })} /> : <span className="launch-task-title">{task.title}</span>}
        <span className="launch-task-meta">
          {canManage ? null : (
            <>
              {ownerLabel}
              {task.dueDate && ` · due ${task.dueDate}`}
              {' · '}
            </>
          )}
          <span className={`badge launch-state launch-state-${task.state}`}>{LAUNCH_TASK_STATE_LABELS[task.state]}</span>
          {due && <span className={overdue ? 'launch-due launch-due-late' : 'launch-due'}>{due}</span>}
        </span>
      </div>
      {canManage && (
        <div className="launch-task-controls">
          <label className="visually-hidden" htmlFor={`${ids}-owner`}>
            Owner of “{task.title}”
          </label>
          <select id={`${ids}-owner`} className="input select select-sm" value={task.ownerId ?? ''} onChange={(event) => change({ ownerId: event.target.value || null })}>
            <option value="">No owner</option>
            {task.ownerId && !owner && <option value={task.ownerId}>A former member</option>}
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
          <DueDateInput id={`${ids}-due`} task={task} onChange={(dueDate) => change({ dueDate })} />
          <label className="visually-hidden" htmlFor={`${ids}-state`}>
            State of “{task.title}”
          </label>
          <select id={`${ids}-state`} className="input select select-sm" value={task.state} onChange={(event) => change({ state: event.target.value as LaunchTaskState })}>
            {LAUNCH_TASK_STATES.map((state) => (
              <option key={state} value={state}>
                {LAUNCH_TASK_STATE_LABELS[state]}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            variant="ghost"
            icon={<TrashIcon />}
            aria-label={`Remove “${task.title}”`}
            busy={remove.isPending}
            onClick={() => {
              onError(null);
              remove.mutate(task, { onError: (failure) => onError(messageOf(failure)) });
            }}
          />
        </div>
      )}
    </li>
  );
}

/** The task's title; *Rename* edits it in place (Enter saves, Escape keeps the old one). */
function TaskTitle({ task, onRename }: { task: LaunchTask; onRename: (title: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(task.title);
  const id = useId();
  if (!editing) {
    return (
      <span className="launch-task-title-row">
        <span className="launch-task-title">{task.title}</span>
        <button
          type="button"
          className="launch-task-rename"
          aria-label={`Rename “${task.title}”`}
          onClick={() => {
            setValue(task.title);
            setEditing(true);
          }}
        >
          <EditIcon width={13} height={13} />
        </button>
      </span>
    );
  }
  const finish = (save: boolean) => {
    setEditing(false);
    const title = value.trim();
    if (save && title && title !== task.title) onRename(title);
  };
  return (
    <span className="launch-task-title-row">
      <label className="visually-hidden" htmlFor={id}>
        New title for “{task.title}”
      </label>
      <input
        id={id}
        className="input input-sm launch-task-title-input"
        value={value}
        maxLength={200}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            finish(true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            finish(false);
          }
        }}
      />
    </span>
  );
}

/** A date field that saves a whole date (or clearing it), not each keystroke of one. */
function DueDateInput({ id, task, onChange }: { id: string; task: LaunchTask; onChange: (dueDate: string | null) => void }) {
  const [value, setValue] = useState(task.dueDate ?? '');
  useEffect(() => setValue(task.dueDate ?? ''), [task.dueDate]);
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Due date of “{task.title}”
      </label>
      <input
        id={id}
        type="date"
        className="input input-sm launch-date"
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          if (next === '' ? task.dueDate !== null : /^\d{4}-\d{2}-\d{2}$/.test(next) && next !== task.dueDate) onChange(next || null);
        }}
      />
    </>
  );
}

function AddTask({ release, onError }: { release: Release; onError: (message: string | null) => void }) {
  const add = useAddLaunchTask(release.productId);
  const [title, setTitle] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    onError(null);
    add.mutate({ releaseId: release.id, title: title.trim() }, { onSuccess: () => setTitle(''), onError: (failure) => onError(messageOf(failure)) });
  };
  return (
    <form className="launch-add" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        New launch task
      </label>
      <input id={id} className="input" value={title} onChange={(event) => setTitle(event.target.value)} placeholder="Add a task, e.g. Legal review…" maxLength={200} autoComplete="off" />
      <Button type="submit" icon={<PlusIcon />} busy={add.isPending} disabled={!title.trim()}>
        Add task
      </Button>
    </form>
  );
}

function Notes({ release, canManage }: { release: Release; canManage: boolean }) {
  const notes = useReleaseNotes(release.productId, release.id);
  const save = useSaveNotes(release.productId);
  const draft = useDraftNotes();
  const toast = useToast();
  const headingId = useId();
  const editorId = useId();
  const [text, setText] = useState<string | null>(null);
  // What the editor's text started from: a save names its version, so nobody's edit is lost.
  const [seed, setSeed] = useState<{ markdown: string; version: number | null } | null>(null);
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const dirty = text !== null && seed !== null && text !== seed.markdown;

  useEffect(() => {
    // A new answer from the server re-seeds the editor, never over unsaved typing.
    if (notes.data && (seed === null || text === seed.markdown)) {
      setText(notes.data.markdown);
      setSeed({ markdown: notes.data.markdown, version: notes.data.version });
    }
  }, [notes.data]);

  const saveNotes = () => {
    if (text === null) return;
    setError(null);
    save.mutate(
      { releaseId: release.id, markdown: text, version: seed?.version ?? null },
      {
        onSuccess: (saved) => {
          setText(saved.markdown);
          setSeed({ markdown: saved.markdown, version: saved.version });
          setStale(false);
          toast({ message: 'Release notes saved', tone: 'success' });
        },
        onError: (failure) => {
          if (isStale(failure)) setStale(true);
          else setError(messageOf(failure));
        },
      },
    );
  };

  const redraft = () => {
    setError(null);
    draft.mutate(release.id, { onSuccess: (fresh) => setText(fresh.markdown), onError: (failure) => setError(messageOf(failure)) });
  };

  const loadTheirs = () => {
    setStale(false);
    void notes.refetch().then((result) => {
      if (result.data) {
        setText(result.data.markdown);
        setSeed({ markdown: result.data.markdown, version: result.data.version });
      }
    });
  };

  let content;
  if (notes.isPending) content = <LoadingState label="Loading the release notes…" />;
  else if (notes.isError && !notes.data) {
    content = <ErrorState title="Could not load the release notes" message={messageOf(notes.error)} action={<Button onClick={() => void notes.refetch()}>Try again</Button>} />;
  } else {
    const status = notes.data.saved
      ? `Saved${notes.data.updatedAt ? ` ${notes.data.updatedAt.slice(0, 10)}` : ''}${notes.data.version ? ` · version ${notes.data.version}` : ''}`
      : 'A draft from the done work in scope, not saved yet: edit it and save it to keep it';
    content = (
      <>
        <p className="launch-notes-status" data-testid="notes-status">
          {status}
          {dirty && <span className="launch-notes-dirty"> · unsaved changes</span>}
        </p>
        {stale && (
          <Alert tone="warning">
            Someone else saved these notes while you were editing. Copy what you wrote if you need it, then{' '}
            <button type="button" className="link-button" onClick={loadTheirs}>
              load their version
            </button>
            .
          </Alert>
        )}
        {error && <Alert>{error}</Alert>}
        {canManage && !preview ? (
          <div className="launch-notes-editor">
            <label className="visually-hidden" htmlFor={editorId}>
              Release notes (Markdown)
            </label>
            <textarea id={editorId} className="input textarea launch-notes-text" value={text ?? ''} onChange={(event) => setText(event.target.value)} spellCheck rows={16} />
          </div>
        ) : (
          <div className="launch-notes-preview">
            <MarkdownText text={canManage && text !== null ? text : notes.data.markdown} />
          </div>
        )}
        <div className="launch-notes-actions">
          {canManage && (
            <>
              <Button variant="primary" busy={save.isPending} disabled={!dirty && notes.data.saved} onClick={saveNotes}>
                Save notes
              </Button>
              <Button onClick={() => setPreview((value) => !value)} aria-pressed={preview}>
                {preview ? 'Edit' : 'Preview'}
              </Button>
              <Button variant="ghost" busy={draft.isPending} onClick={redraft} title="Replace the text with a fresh draft from the done work; nothing is saved until you save">
                Draft again from done work
              </Button>
            </>
          )}
          <a className="btn btn-secondary" href={notesDownloadUrl(release.id)} download>
            Download Markdown
          </a>
        </div>
      </>
    );
  }

  return (
    <section className="launch-section" aria-labelledby={headingId}>
      <div className="launch-section-head">
        <h2 id={headingId} className="launch-section-title">
          Release notes
        </h2>
      </div>
      {notes.isError && notes.data && <Alert>Could not refresh the notes: {messageOf(notes.error)}</Alert>}
      {content}
    </section>
  );
}
