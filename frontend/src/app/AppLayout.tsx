import { AppShell, Avatar, Burger, Divider, Group, Menu, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconBed, IconChartBar, IconBook, IconChartDots3, IconGridDots, IconHome, IconBuildingCommunity, IconHeartbeat, IconTopologyStar3, IconLogout, IconMap2, IconRoute, IconSend, IconTargetArrow, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useLocation, useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { AnchorLink, NavLinkLink } from '@/components/links';
import { QuickExitButton } from '@/components/QuickExit';
import { NetworkSwitcher } from '@/features/networks/components/NetworkSwitcher';
import { forgetSessionNow, signOut } from '@/lib/api';
import { findMembership, permissionsOf, useMe } from '@/lib/membership';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { network } = useParams({ strict: false });
  const membership = network ? findMembership(me, network) : undefined;
  if (!me) return null;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={t('user.menu', { name: me.full_name })} data-testid="user-menu">
          <Avatar color="teal.9" variant="filled" radius="xl" size={36} aria-hidden="true">
            {initials(me.full_name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.full_name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.email}
          </Text>
          {membership && (
            <Text size="xs" c="dimmed">
              {t(`role.${membership.role}`)}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={() => void signOut()} data-testid="sign-out">
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe().data;
  const params = useParams({ strict: false });
  const network = params.network ?? me?.memberships[0]?.network;
  const pathname = useLocation({ select: (location) => location.pathname });
  const navigate = useNavigate();

  const base = network ? `/n/${network}` : null;
  const isOverview = base !== null && (pathname === base || pathname === `${base}/`);
  const isMap = base !== null && pathname.startsWith(`${base}/partners/map`);
  const isPartners = base !== null && pathname.startsWith(`${base}/partners`) && !isMap;
  const isGaps = base !== null && pathname.startsWith(`${base}/coverage/gaps`);
  const isRoles = base !== null && pathname.startsWith(`${base}/coverage/roles`);
  const isRouteFinder = base !== null && pathname.startsWith(`${base}/services/routes`);
  const isPathwayHealth = base !== null && pathname.startsWith(`${base}/services/health`);
  const isBedsTonight = base !== null && pathname.startsWith(`${base}/services/beds`);
  const isPathwayMap = base !== null && pathname.startsWith(`${base}/services/map`);
  const isServices = base !== null && pathname.startsWith(`${base}/services`) && !isRouteFinder && !isPathwayHealth && !isPathwayMap && !isBedsTonight;
  const isSendReferral = base !== null && pathname.startsWith(`${base}/referrals/new`);
  const isReferralStats = base !== null && pathname.startsWith(`${base}/referrals/statistics`);
  const isReferrals = base !== null && pathname.startsWith(`${base}/referrals`) && !isSendReferral && !isReferralStats;
  const isMembers = base !== null && pathname.startsWith(`${base}/members`);
  const isAreas = base !== null && pathname.startsWith(`${base}/areas`);
  const isCoordinator = network ? findMembership(me, network)?.role === 'coordinator' : false;
  const canSendReferrals = network ? permissionsOf(findMembership(me, network)).referralPartnerIds.length > 0 : false;
  const isCoverage = base !== null && pathname.startsWith(`${base}/coverage`) && !isGaps && !isRoles;

  const switcher = me ? (
    <NetworkSwitcher
      memberships={me.memberships}
      current={network}
      onChange={(next) => void navigate({ to: '/n/$network', params: { network: next } })}
    />
  ) : null;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
            <AnchorLink to="/" fw={700} size="xl" c="teal.9" underline="never" className="app-brand">
              Accord
            </AnchorLink>
            <Group visibleFrom="md" ml="md">
              {switcher}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group visibleFrom="sm">
              <LanguageSwitcher />
            </Group>
            <UserMenu />
            <QuickExitButton onExit={forgetSessionNow} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('app.navigation')}>
        <AppShell.Section hiddenFrom="md" mb="sm">
          <Stack gap="sm">
            {switcher}
            <Group hiddenFrom="sm">
              <LanguageSwitcher />
            </Group>
            <Divider />
          </Stack>
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          {network && (
            <div>
              <NavLinkLink
                to="/n/$network"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.overview')}
                leftSection={<IconHome size={18} aria-hidden="true" />}
                active={isOverview}
                aria-current={isOverview ? 'page' : undefined}
                onClick={close}
              />
              <NavLinkLink
                to="/n/$network/partners"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.partners')}
                leftSection={<IconUsersGroup size={18} aria-hidden="true" />}
                active={isPartners}
                aria-current={isPartners ? 'page' : undefined}
                onClick={close}
              />
              <NavLinkLink
                to="/n/$network/partners/map"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.stakeholderMap')}
                leftSection={<IconChartDots3 size={18} aria-hidden="true" />}
                active={isMap}
                aria-current={isMap ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/coverage"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.coverage')}
                leftSection={<IconGridDots size={18} aria-hidden="true" />}
                active={isCoverage}
                aria-current={isCoverage ? 'page' : undefined}
                onClick={close}
              />
              <NavLinkLink
                to="/n/$network/coverage/gaps"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.coverageGaps')}
                leftSection={<IconTargetArrow size={18} aria-hidden="true" />}
                active={isGaps}
                aria-current={isGaps ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/coverage/roles"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.roleCatalogue')}
                leftSection={<IconBook size={18} aria-hidden="true" />}
                active={isRoles}
                aria-current={isRoles ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/services"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.services')}
                leftSection={<IconBuildingCommunity size={18} aria-hidden="true" />}
                active={isServices}
                aria-current={isServices ? 'page' : undefined}
                onClick={close}
              />
              <NavLinkLink
                to="/n/$network/services/routes"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.routeFinder')}
                leftSection={<IconRoute size={18} aria-hidden="true" />}
                active={isRouteFinder}
                aria-current={isRouteFinder ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/services/beds"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('bedsTonight.nav')}
                leftSection={<IconBed size={18} aria-hidden="true" />}
                active={isBedsTonight}
                aria-current={isBedsTonight ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/services/health"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.pathwayHealth')}
                leftSection={<IconHeartbeat size={18} aria-hidden="true" />}
                active={isPathwayHealth}
                aria-current={isPathwayHealth ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/services/map"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.pathwayMap')}
                leftSection={<IconTopologyStar3 size={18} aria-hidden="true" />}
                active={isPathwayMap}
                aria-current={isPathwayMap ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              <NavLinkLink
                to="/n/$network/referrals"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.referrals')}
                leftSection={<IconArrowsExchange size={18} aria-hidden="true" />}
                active={isReferrals}
                aria-current={isReferrals ? 'page' : undefined}
                onClick={close}
              />
              <NavLinkLink
                to="/n/$network/referrals/statistics"
                params={{ network }}
                activeOptions={{ exact: true }}
                label={t('nav.referralStats')}
                leftSection={<IconChartBar size={18} aria-hidden="true" />}
                active={isReferralStats}
                aria-current={isReferralStats ? 'page' : undefined}
                onClick={close}
                pl="xl"
              />
              {canSendReferrals && (
                <NavLinkLink
                  to="/n/$network/referrals/new"
                  params={{ network }}
                  activeOptions={{ exact: true }}
                  label={t('nav.sendReferral')}
                  leftSection={<IconSend size={18} aria-hidden="true" />}
                  active={isSendReferral}
                  aria-current={isSendReferral ? 'page' : undefined}
                  onClick={close}
                  pl="xl"
                />
              )}
              {isCoordinator && (
                <NavLinkLink
                  to="/n/$network/members"
                  params={{ network }}
                  activeOptions={{ exact: true }}
                  label={t('nav.members')}
                  leftSection={<IconUserPlus size={18} aria-hidden="true" />}
                  active={isMembers}
                  aria-current={isMembers ? 'page' : undefined}
                  onClick={close}
                />
              )}
              {isCoordinator && (
                <NavLinkLink
                  to="/n/$network/areas"
                  params={{ network }}
                  activeOptions={{ exact: true }}
                  label={t('nav.areas')}
                  leftSection={<IconMap2 size={18} aria-hidden="true" />}
                  active={isAreas}
                  aria-current={isAreas ? 'page' : undefined}
                  onClick={close}
                />
              )}
            </div>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" p="xs">
            {t('quickExit.tip')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

