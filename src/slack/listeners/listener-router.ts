import {
  matchCommandName,
  matchConstraints,
  matchEventType,
  MultipleListenerError,
  onlyActions,
  onlyCommands,
  onlyEvents,
  onlyViewActions,
  type AnyMiddlewareArgs,
  type App,
  type Middleware,
} from '@slack/bolt';

/** What the listener files register on: Bolt's own signatures, so they read as plain Bolt. */
export type ListenerRegistry = Pick<App, 'event' | 'message' | 'action' | 'view' | 'command'>;

/** One step of a chain: Bolt's matchers and our listeners, each typed for its own kind of request. */
type Step = (args: never) => unknown;
type Chain = Step[];
type Args = Record<string, unknown>;

/**
 * Bolt runs the middleware of every registered listener for every request: with ~25 listeners a
 * DM paid for ~50 object spreads and promises before reaching the one that answers it. The
 * listeners register here instead, each as the very chain Bolt would build for it (same
 * matchers, same order), grouped by what a request cheaply says it is (its event type, or being
 * an action, a view or a command); one last global middleware runs only that group's chains,
 * all of them at once and their failures reported as Bolt reports them.
 */
export class ListenerRouter implements ListenerRegistry {
  private readonly groups = new Map<string, Chain[]>();

  /** `clientFor`: the client the listeners get in place of Bolt's (posting-client.ts). */
  constructor(private readonly clientFor?: (client: never) => unknown) {}

  readonly event = ((type: string | RegExp, ...listeners: Chain) => {
    if (typeof type !== 'string') throw new Error('listener-router routes events by their exact type; register a string');
    this.add(`event:${type}`, [onlyEvents, matchEventType(type), ...listeners]);
  }) as unknown as App['event'];

  readonly message = ((...listeners: Chain) => {
    if (listeners.some((listener) => typeof listener !== 'function')) throw new Error('listener-router takes message middleware, not patterns');
    this.add('event:message', [onlyEvents, matchEventType('message'), ...listeners]);
  }) as unknown as App['message'];

  readonly action = ((constraint: string | RegExp | Record<string, unknown>, ...listeners: Chain) => {
    const constraints = typeof constraint === 'string' || constraint instanceof RegExp ? { action_id: constraint } : constraint;
    this.add('action', [onlyActions, matchConstraints(constraints as never), ...listeners]);
  }) as unknown as App['action'];

  readonly view = ((constraint: string | RegExp | Record<string, unknown>, ...listeners: Chain) => {
    const constraints = typeof constraint === 'string' || constraint instanceof RegExp ? { callback_id: constraint, type: 'view_submission' } : constraint;
    this.add('view', [onlyViewActions, matchConstraints(constraints as never), ...listeners]);
  }) as unknown as App['view'];

  readonly command = ((name: string | RegExp, ...listeners: Chain) => {
    this.add('command', [onlyCommands, matchCommandName(name), ...listeners]);
  }) as unknown as App['command'];

  /** The last global middleware: it ends the chain, so Bolt's own (empty) listener list is never walked. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const chains = this.groups.get(groupOf(args as unknown as Args));
      if (!chains) return;
      const routed = (this.clientFor ? { ...args, client: this.clientFor(args.client as never) } : args) as unknown as Args;
      const results = await Promise.allSettled(chains.map((chain) => runChain(chain, routed)));
      const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failures.length === 1) throw failures[0]!.reason;
      if (failures.length > 1) throw new MultipleListenerError(failures.map((failure) => failure.reason));
    };
  }

  private add(group: string, chain: Chain): void {
    const chains = this.groups.get(group) ?? [];
    chains.push(chain);
    this.groups.set(group, chains);
  }
}

function groupOf(args: Args): string {
  if (args.action) return 'action';
  if ('view' in args) return 'view';
  if (args.command) return 'command';
  const type = (args as { event?: { type?: unknown } }).event?.type;
  return typeof type === 'string' ? `event:${type}` : '';
}

/** Bolt's processMiddleware: each step gets the request's arguments and a `next` to the following one; the listener gets a no-op. */
function runChain(chain: Chain, args: Args): Promise<void> {
  const step = async (index: number): Promise<void> => {
    const middleware = chain[index] as (args: Args) => unknown;
    const last = index === chain.length - 1;
    await middleware({ ...args, next: last ? async () => undefined : () => step(index + 1) });
  };
  return step(0);
}
