// The signed-in shell: header (product, search, user menu), persona navigation, skip link, and the page outlet behind
// the page guard.
import { AppShell, Burger, Group, ScrollArea, TextInput, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { mayOpen, pageOf } from '../../../core/access/pages';
import { signedOutOnPurpose, useAuth } from '../../lib/auth';
import { IconSearch } from '../../ui/Icons';
import { Logo } from '../../ui/Logo';
import { Forbidden } from '../../ui/NotFound';
import { PageLoader } from '../../ui/QueryState';
import { homeOf } from './nav';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { user, loading } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const main = useRef<HTMLElement>(null);
  const [search, setSearch] = useState('');

  // Close the mobile menu and move focus to the page after navigating, like a page load would.
  const first = useRef(true);
  useEffect(() => {
    close();
    if (first.current) { first.current = false; return; }
    main.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [location.pathname, close]);

  if (loading) return <PageLoader label="Starting Valuegraph…" />;
  if (!user) return <Navigate to={signedOutOnPurpose() ? '/login' : `/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // Every page is guarded here, by the same table the menu is built from (paths outside it are the router's to answer).
  const page = pageOf(location.pathname);
  const refused = page !== null && !mayOpen(user.role, page);

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', md: 'xl' }}>
        <AppShell.Header px="md" className="vg-header">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
              <UnstyledButton component={Link} to={homeOf(user)} aria-label="Valuegraph home"><Logo /></UnstyledButton>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {user.role !== 'customer' && (
                <form role="search" onSubmit={(e) => { e.preventDefault(); const s = search.trim(); navigate(s ? `/accounts?q=${encodeURIComponent(s)}` : '/accounts'); setSearch(''); }}>
                  <TextInput aria-label="Search accounts" placeholder="Search accounts…" leftSection={<IconSearch size={16} />} visibleFrom="md" w={280}
                    value={search} onChange={(e) => setSearch(e.currentTarget.value)} radius="xl" />
                </form>
              )}
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main navigation">
          <AppShell.Section grow component={ScrollArea}><NavMenu user={user} /></AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={main} tabIndex={-1} style={{ outline: 'none' }} bg="var(--vg-page-bg)">
          <div className="vg-page">
            <Suspense fallback={<PageLoader />}>{refused ? <Forbidden /> : <Outlet />}</Suspense>
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
