import type { Clock, IdFactory } from './ports';

/** What every service gets besides its repositories: the time and new ids. */
export interface ServiceContext {
  clock: Clock;
  newId: IdFactory;
}

/** The signed-in user a request acts for. */
export interface Actor {
  userId: string;
}
