// Sign in. Shows the server's message (wrong password, throttled, deactivated) and the demo hint.
import { Alert, Anchor, Box, Button, Card, Center, Code, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, client, ok } from '../../lib/api';
import { useAuth, useLogin } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { IconAlert } from '../../ui/Icons';
import { Logo } from '../../ui/Logo';
import { PageLoader } from '../../ui/QueryState';
import { homeOf } from '../shell/nav';

const DEMO_PASSWORD = 'valuegraph-demo';

function retryAfter(e: unknown): string {
  const seconds = e instanceof ApiError ? Number(e.problem.retryAfterSeconds) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return '';
  return seconds < 90 ? ` You can try again in ${Math.ceil(seconds)} seconds.` : ` You can try again in ${Math.ceil(seconds / 60)} minutes.`;
}

export function LoginPage() {
  const { user, loading } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const health = useQuery({ queryKey: ['health'], queryFn: () => ok(client.GET('/health')), staleTime: Infinity });
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;

  if (loading) return <PageLoader />;
  if (user) return <Navigate to={safeNext ?? homeOf(user)} replace />;

  const submit = form.onSubmit((v) => login.mutate({ email: v.email.trim(), password: v.password }, {
    onSuccess: (s) => navigate(safeNext ?? homeOf(s.user), { replace: true }),
  }));

  return (
    <Box className="vg-login-bg">
      <a className="skip-link" href="#main">Skip to content</a>
      <Center mih="100vh" p="md" component="main" id="main">
        <Stack w="100%" maw={400} gap="lg">
          <Center><Logo size={36} /></Center>
          <Card shadow="sm" p="xl" radius="lg">
            <Title order={1} fz="h2" mb={4}>Sign in</Title>
            <Text size="sm" c="dimmed" mb="lg">Your customers' whole lifecycle, around one living business case.</Text>
            <form onSubmit={submit} noValidate aria-label="Sign in">
              <Stack>
                {login.error && (
                  <Alert color="red" variant="light" icon={<IconAlert />} role="alert" title={(login.error as { status?: number }).status === 429 ? 'Too many attempts' : 'Could not sign in'}>
                    {errorMessage(login.error)}
                    {retryAfter(login.error)}
                  </Alert>
                )}
                <TextInput label="Email" type="email" autoComplete="username" required data-autofocus autoFocus {...form.getInputProps('email')} />
                <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
                <Button type="submit" fullWidth loading={login.isPending} size="md">Sign in</Button>
              </Stack>
            </form>
          </Card>
          {health.data?.demo && <Card p="md" radius="lg" bg="var(--mantine-color-brand-light)" withBorder={false} data-testid="demo-hint">
            <Text size="sm" fw={600} mb={4}>Trying the demo?</Text>
            <Text size="sm">
              Demo: <Code style={{ whiteSpace: 'nowrap' }}>{'<role>'}@demo.valuegraph.dev</Code> / <Code style={{ whiteSpace: 'nowrap' }}>{DEMO_PASSWORD}</Code>
            </Text>
            <Text size="xs" c="dimmed" mt={6}>
              Roles: admin, executive, sales, sdr, delivery, finance, csm, support, partner, customer — e.g.{' '}
              <Anchor size="xs" component="button" type="button" onClick={() => form.setValues({ email: 'admin@demo.valuegraph.dev', password: DEMO_PASSWORD })}>fill in admin</Anchor>.
            </Text>
          </Card>}
        </Stack>
      </Center>
    </Box>
  );
}
