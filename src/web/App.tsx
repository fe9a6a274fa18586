// Providers: theme, notifications, data cache (with session-expiry handling), session, router.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, setCsrfToken } from './lib/api';
import { AuthProvider, sessionKey } from './lib/auth';
import { router } from './router';
import { theme } from './theme';

function onUnauthenticated(e: unknown, key?: readonly unknown[]) {
  // A 401 on anything but the session probe means the session expired: forget it, the shell redirects to sign-in.
  if (e instanceof ApiError && e.status === 401 && key?.[0] !== sessionKey[0]) {
    setCsrfToken(null);
    queryClient.setQueryData(sessionKey, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (e, q) => onUnauthenticated(e, q.queryKey) }),
  mutationCache: new MutationCache({ onError: (e) => onUnauthenticated(e) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <Notifications position="top-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
