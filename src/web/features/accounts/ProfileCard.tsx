// The account's profile: firmographics, infrastructure scale, technology, compliance and owners.
import { Badge, Card, Divider, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useUser } from '../../lib/auth';
import { useDirectory, usePartners } from '../../lib/directory';
import { countryName, formatDate, formatMoney, formatNumber } from '../../lib/format';
import type { Account } from './hooks';
import { IconCloud, IconNetwork, IconServer } from '../../ui/Icons';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text size="sm" component="div">{children ?? '—'}</Text>
    </div>
  );
}

function Scale({ icon, label, value }: { icon: ReactNode; label: string; value: number }) {
  return (
    <Stack gap={2} align="center" ta="center">
      <ThemeIcon variant="light" size="lg" radius="md">{icon}</ThemeIcon>
      <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(value)}</Text>
      <Text size="xs" c="dimmed">{label}</Text>
    </Stack>
  );
}

function Tags({ items, color }: { items: string[]; color: string }) {
  if (!items.length) return <Text size="sm" c="dimmed">None recorded</Text>;
  return <Group gap={6}>{items.map((t) => <Badge key={t} color={color} variant="light" tt="none">{t}</Badge>)}</Group>;
}

export function ProfileCard({ account: a }: { account: Account }) {
  const user = useUser();
  const directory = useDirectory();
  const partners = usePartners();
  const person = (id: string | null) => (id ? directory.nameOf(id) ?? 'Assigned' : '—');
  const partner = a.partnerId
    ? partners.nameOf(a.partnerId) ?? (a.partnerId === user.partnerId ? 'Your organisation' : 'Partner')
    : 'Direct';

  return (
    <Card data-testid="profile-card">
      <Title order={3} mb="sm">Profile</Title>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Field label="Industry">{a.industry}</Field>
        <Field label="Employees">{formatNumber(a.employees)}</Field>
        <Field label="Annual revenue">{formatMoney(a.annualRevenue, a.currency, { compact: true })}</Field>
        <Field label="ARR">{formatMoney(a.arr, a.currency)}</Field>
        <Field label="Country">{countryName(a.country)}</Field>
        <Field label="Region">{[a.region, a.territory].filter(Boolean).join(' · ') || '—'}</Field>
        <Field label="Time zone">{a.timeZone}</Field>
        <Field label="Added">{formatDate(a.createdAt)}</Field>
      </SimpleGrid>

      <Divider my="md" label="Infrastructure scale" labelPosition="left" />
      <SimpleGrid cols={3}>
        <Scale icon={<IconServer />} label="Servers" value={a.servers} />
        <Scale icon={<IconCloud />} label="Cloud resources" value={a.cloudResources} />
        <Scale icon={<IconNetwork />} label="Network devices" value={a.networkDevices} />
      </SimpleGrid>

      <Divider my="md" label="Tech stack" labelPosition="left" />
      <Tags items={a.techStack} color="ink" />
      <Divider my="md" label="Compliance" labelPosition="left" />
      <Tags items={a.complianceFrameworks} color="brand" />

      <Divider my="md" label="Owners" labelPosition="left" />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Field label="Account executive">{person(a.aeId)}</Field>
        <Field label="Customer success">{person(a.csmId)}</Field>
        <Field label="Executive sponsor">{person(a.execSponsorId)}</Field>
        <Field label="Partner">{partner}</Field>
      </SimpleGrid>
      {a.description && (
        <>
          <Divider my="md" label="About" labelPosition="left" />
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Text>
        </>
      )}
    </Card>
  );
}
