import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, isUnauthenticated, setCsrfToken } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { ToastProvider } from '../ui/toast';
import { ShellProvider } from './shell-context';

export function createQueryClient(): QueryClient {
  // A session that expires mid-use turns any request into a 401: forget the
  // user, and the signed-in pages send them to sign in again.
  const onError = (error: unknown) => {
    if (!isUnauthenticated(error)) return;
    setCsrfToken(null);
    client.setQueryData(queryKeys.me(), null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A wrong password at sign-in is a 401 too, but nobody was signed in.
        if (mutation.options.mutationKey?.[0] !== 'sign-in') onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not change by asking again; network trouble might.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <ShellProvider>
        <ToastProvider>{children}</ToastProvider>
      </ShellProvider>
    </QueryClientProvider>
  );
}
