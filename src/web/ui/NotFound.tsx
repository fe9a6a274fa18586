import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFound({ title = 'Page not found', message }: { title?: string; message?: string }) {
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" maw={460} ta="center" data-testid="not-found">
        <Text fz={56} fw={800} c="brand.7" lh={1}>404</Text>
        <Title order={2}>{title}</Title>
        <Text c="dimmed">{message ?? 'It may have been moved or deleted, or you may not have access to it.'}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">Go to your home page</Button>
      </Stack>
    </Center>
  );
}

export function Forbidden() {
  return <NotFound title="Not available for your role" message="Ask an administrator if you need access to this page." />;
}
