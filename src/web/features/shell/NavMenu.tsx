import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Schema } from '../../lib/api';
import { navFor, personaOf } from './nav';

type SessionUser = Schema<'SessionUser'>;

function isActive(to: string, pathname: string, search: string) {
  const [path, query = ''] = to.split('?');
  if (query) return pathname === path && new URLSearchParams(search).toString() === new URLSearchParams(query).toString();
  if (path === '/accounts') return pathname === '/accounts' && !search.replace(/^\?/, '').split('&').some((p) => /^(lifecycleStage|sort|partnerId)=/.test(p));
  return pathname === path || pathname.startsWith(`${path}/`);
}

export function NavMenu({ user }: { user: SessionUser }) {
  const { pathname, search } = useLocation();
  const sections = navFor(user);
  const mine = personaOf(user.role);
  return (
    <nav aria-label="Sections">
      <Stack gap={2}>
        {sections.map((s) => {
          const containsActive = s.items.some((i) => isActive(i.to, pathname, search));
          return (
            <NavLink
              key={s.key} label={<Text size="sm" fw={650}>{s.label}</Text>} leftSection={s.icon} childrenOffset={28}
              defaultOpened={containsActive || s.key === mine || sections.length <= 2} active={false} data-section={s.key}
            >
              {s.items.map((i) => {
                const active = isActive(i.to, pathname, search);
                return (
                  <NavLink key={i.to} component={Link} to={i.to} label={i.label} leftSection={i.icon} active={active} variant="light"
                    aria-current={active ? 'page' : undefined} style={{ borderRadius: 'var(--mantine-radius-md)' }} />
                );
              })}
            </NavLink>
          );
        })}
      </Stack>
    </nav>
  );
}
