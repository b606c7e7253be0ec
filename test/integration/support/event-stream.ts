/** A reader for Tandem's Server-Sent Events stream, as a Node client holding a bearer token sees it. */

export interface StreamEvent {
  event: string;
  data: {
    type: string;
    workspaceId: string;
    productId: string | null;
    ids: string[];
    actor: string | null;
  };
}

export interface EventStream {
  /** Every event received so far, in arrival order. */
  readonly events: StreamEvent[];
  /** The first event (already received or still to come) that matches. */
  waitFor(match: (event: StreamEvent) => boolean, label: string): Promise<StreamEvent>;
  close(): void;
}

// A bound so a missing event fails the test with what did arrive, rather than the whole test timing out.
const WAIT_LIMIT_MS = 20_000;

/** Opens the stream and resolves once the server has subscribed it (its `: connected` comment). */
export async function openEventStream(baseUrl: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`GET /api/v1/events answered ${response.status}: ${await response.text()}`);
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('text/event-stream')) throw new Error(`GET /api/v1/events answered with content-type ${contentType}`);

  const events: StreamEvent[] = [];
  const listeners = new Set<() => void>();
  let connected!: () => void;
  let neverConnected!: (error: Error) => void;
  const isConnected = new Promise<void>((resolve, reject) => {
    connected = resolve;
    neverConnected = reject;
  });
  let failure: Error | null = null;

  const onBlock = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        if (line.trim() === ': connected') connected();
      } else if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
      else if (line.startsWith('data:')) data.push(line.slice('data:'.length).trimStart());
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')) as StreamEvent['data'] });
  };

  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          onBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        for (const listener of listeners) listener();
      }
      failure = new Error('the event stream ended');
    } catch (error) {
      failure = controller.signal.aborted ? new Error('the event stream was closed') : (error as Error);
    }
    neverConnected(failure);
    for (const listener of listeners) listener();
  })();

  await isConnected;

  return {
    events,
    waitFor(match, label) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found || failure) {
            listeners.delete(check);
            clearTimeout(timer);
            if (found) resolve(found);
            else reject(new Error(`${label}: ${failure!.message}; received ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${label}: not received within ${WAIT_LIMIT_MS} ms; received ${JSON.stringify(events)}`));
        }, WAIT_LIMIT_MS);
        listeners.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
