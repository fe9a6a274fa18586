// Shows a secret exactly once (API token, webhook signing secret) with a copy button.
import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlert, IconCheck, IconCopy } from './Icons';

export function SecretReveal({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" icon={<IconAlert />} title="Copy it now">
        This is the only time the {label.toLowerCase()} is shown. Store it in a password manager or secret store.
      </Alert>
      <Text size="sm" fw={600}>{label}</Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="secret-value">{value}</Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'}>
              <ActionIcon variant="light" size="lg" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`} color={copied ? 'teal' : undefined}>
                {copied ? <IconCheck /> : <IconCopy />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
