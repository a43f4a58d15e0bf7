import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  useNavigate,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyState, LoadingState } from '@/components/States';
import { useQuickExitKeys } from '@/components/QuickExit';
import { SignInForm } from '@/features/auth/components/SignInForm';
import { SignInPage } from '@/features/auth/routes/SignInPage';
import { AcceptInvitationPage } from '@/features/members/routes/AcceptInvitationPage';
import { notify } from '@/components/notify';
import { ResetPasswordPage } from '@/features/members/routes/ResetPasswordPage';
import { MembersPage } from '@/features/members/routes/MembersPage';
import { OverviewPage } from '@/features/overview/routes/OverviewPage';
import { parseCoverageSearch, parseRoleSearch } from '@/features/coverage/api/search';
import { AreasPage } from '@/features/areas/routes/AreasPage';
import { PartnerRolesPanel } from '@/features/coverage/components/PartnerRolesPanel';
import { PartnerServicesPanel } from '@/features/services/components/PartnerServicesPanel';
import { CoveragePage } from '@/features/coverage/routes/CoveragePage';
import { GapsPage } from '@/features/coverage/routes/GapsPage';
import { RolesPage } from '@/features/coverage/routes/RolesPage';
import { parsePartnerSearch } from '@/features/partners/api/search';
import { parsePathwayHealthSearch, parsePathwayMapSearch, parseRouteSearch, parseServiceSearch } from '@/features/services/api/search';
import { BedsTonightPage } from '@/features/services/routes/BedsTonightPage';
import { PathwayHealthPage } from '@/features/services/routes/PathwayHealthPage';
import { RouteFinderPage } from '@/features/services/routes/RouteFinderPage';
import { PathwayEditPage, PathwayNewPage, PathwayPage } from '@/features/services/routes/PathwayPages';
import { ServiceEditPage, ServiceNewPage } from '@/features/services/routes/ServiceFormPages';
import { ServicePage } from '@/features/services/routes/ServicePage';
import { ServicesPage } from '@/features/services/routes/ServicesPage';
import { PartnerDirectoryPage } from '@/features/partners/routes/PartnerDirectoryPage';
import { parseReferralSearch } from '@/features/referrals/api/search';
import { ReferralPage } from '@/features/referrals/routes/ReferralPage';
import { ReferralsPage } from '@/features/referrals/routes/ReferralsPage';
import { ReferralStatsPage } from '@/features/referrals/routes/ReferralStatsPage';
import { parseStatsSearch } from '@/features/referrals/api/stats-search';
import { SendReferralPage } from '@/features/referrals/routes/SendReferralPage';
import { PartnerEditPage, PartnerNewPage } from '@/features/partners/routes/PartnerFormPages';
import { PartnerPage } from '@/features/partners/routes/PartnerPage';
import { forgetSessionNow, getSessionState, sessionSettled } from '@/lib/api';
import { findMembership, meQuery, useMe } from '@/lib/membership';
import { asString, parseSearchString, stringifySearchObject } from '@/lib/search-params';

import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

// The chart library is only needed on the map: it loads when the map is first opened.
const StakeholderMapPage = lazy(() =>
  import('@/features/partners/routes/StakeholderMapPage').then((module) => ({ default: module.StakeholderMapPage })),
);

const PathwayMapPage = lazy(() =>
  import('@/features/services/routes/PathwayMapPage').then((module) => ({ default: module.PathwayMapPage })),
);

/** Only a path inside the dashboard may be a post-sign-in destination. */
export function safeRedirect(value: unknown): string | undefined {
  const path = asString(value);
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/signin')) return undefined;
  return path;
}

function Root() {
  useQuickExitKeys(forgetSessionNow);
  return <Outlet />;
}

function NotFound() {
  const { t } = useTranslation();
  return <EmptyState title={t('common.notFoundTitle')}>{t('common.notFoundBody')}</EmptyState>;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Root,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'signin',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } => {
    const redirect = safeRedirect(raw.redirect);
    return redirect ? { redirect } : {};
  },
  beforeLoad: async ({ search }) => {
    await sessionSettled();
    if (getSessionState().status === 'signed-in') throw redirect({ href: search.redirect ?? '/', replace: true });
  },
  pendingComponent: () => <LoadingState />,
  component: function SignInRoute() {
    const search = signInRoute.useSearch();
    const navigate = useNavigate();
    return <SignInPage onSignedIn={() => void navigate({ href: search.redirect ?? '/', replace: true })} />;
  },
});

// Outside the signed-in area: the invitation's token is in the URL fragment, and a
// detour through /signin?redirect=… would put it in a query string that reaches the server.
const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitations/accept',
  beforeLoad: () => sessionSettled(),
  pendingComponent: () => <LoadingState />,
  component: function AcceptInvitation() {
    const navigate = useNavigate();
    return (
      <AcceptInvitationPage
        signInForm={<SignInForm onSignedIn={() => undefined} />}
        onJoined={(membership) => void navigate({ to: '/n/$network', params: { network: membership.network } })}
      />
    );
  },
});

// Outside the signed-in area, like an invitation: the token is in the URL fragment.
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reset-password',
  component: function ResetPassword() {
    const navigate = useNavigate();
    const { t } = useTranslation();
    return (
      <ResetPasswordPage
        onDone={() => {
          notify(t('resetPassword.done'));
          void navigate({ to: '/signin', replace: true });
        }}
      />
    );
  },
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  // Runs again whenever the session changes (the app invalidates the router): a session
  // that ends, however it ends, lands on sign-in with the page to come back to.
  beforeLoad: async ({ location }) => {
    await sessionSettled();
    if (getSessionState().status !== 'signed-in') {
      throw redirect({ to: '/signin', search: location.href === '/' ? {} : { redirect: location.href }, replace: true });
    }
  },
  pendingComponent: () => <LoadingState />,
  component: function Authenticated() {
    return (
      <AppLayout>
        <Outlet />
      </AppLayout>
    );
  },
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    const first = me?.memberships[0];
    if (first) throw redirect({ to: '/n/$network', params: { network: first.network }, replace: true });
  },
  component: function Home() {
    const { t } = useTranslation();
    return <EmptyState title={t('network.noneTitle')}>{t('network.noneBody')}</EmptyState>;
  },
});

const networkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'n/$network',
  component: function NetworkGate() {
    const { t } = useTranslation();
    const { network } = networkRoute.useParams();
    const me = useMe();
    if (me.isPending) return <LoadingState />;
    if (!findMembership(me.data, network)) {
      return <EmptyState title={t('network.notMemberTitle')}>{t('network.notMemberBody')}</EmptyState>;
    }
    return <Outlet />;
  },
});

const overviewRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/',
  component: function Overview() {
    const { network } = overviewRoute.useParams();
    return <OverviewPage network={network} />;
  },
});

const partnersRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'partners',
  validateSearch: parsePartnerSearch,
  component: function Directory() {
    const { network } = partnersRoute.useParams();
    const search = partnersRoute.useSearch();
    const navigate = partnersRoute.useNavigate();
    return (
      <PartnerDirectoryPage
        network={network}
        search={search}
        onSearchChange={(next, options) => void navigate({ search: next, replace: options?.replace ?? false })}
      />
    );
  },
});

const newPartnerRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'partners/new',
  component: function NewPartner() {
    const { network } = newPartnerRoute.useParams();
    return <PartnerNewPage network={network} />;
  },
});

const mapRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'partners/map',
  component: function Map() {
    const { network } = mapRoute.useParams();
    return (
      <Suspense fallback={<LoadingState />}>
        <StakeholderMapPage network={network} />
      </Suspense>
    );
  },
});

const partnerRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'partners/$partnerId',
  component: function Partner() {
    const { network, partnerId } = partnerRoute.useParams();
    return (
      <PartnerPage
        network={network}
        partnerId={partnerId}
        panels={(partner) => (
          <>
            <PartnerServicesPanel network={network} partnerId={partner.id} />
            <PartnerRolesPanel network={network} partnerId={partner.id} partnerName={partner.name} />
          </>
        )}
      />
    );
  },
});

const editPartnerRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'partners/$partnerId/edit',
  component: function EditPartner() {
    const { network, partnerId } = editPartnerRoute.useParams();
    return <PartnerEditPage network={network} partnerId={partnerId} />;
  },
});

const coverageRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'coverage',
  validateSearch: parseCoverageSearch,
  component: function Coverage() {
    const { network } = coverageRoute.useParams();
    const search = coverageRoute.useSearch();
    const navigate = coverageRoute.useNavigate();
    return <CoveragePage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const gapsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'coverage/gaps',
  validateSearch: parseCoverageSearch,
  component: function Gaps() {
    const { network } = gapsRoute.useParams();
    const search = gapsRoute.useSearch();
    const navigate = gapsRoute.useNavigate();
    return <GapsPage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const rolesRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'coverage/roles',
  validateSearch: parseRoleSearch,
  component: function Roles() {
    const { network } = rolesRoute.useParams();
    const search = rolesRoute.useSearch();
    const navigate = rolesRoute.useNavigate();
    return <RolesPage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const servicesRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services',
  validateSearch: parseServiceSearch,
  component: function Services() {
    const { network } = servicesRoute.useParams();
    const search = servicesRoute.useSearch();
    const navigate = servicesRoute.useNavigate();
    return (
      <ServicesPage
        network={network}
        search={search}
        onSearchChange={(next, options) => void navigate({ search: next, replace: options?.replace ?? false })}
      />
    );
  },
});

const routeFinderRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/routes',
  validateSearch: parseRouteSearch,
  component: function RouteFinder() {
    const { network } = routeFinderRoute.useParams();
    const search = routeFinderRoute.useSearch();
    const navigate = routeFinderRoute.useNavigate();
    return <RouteFinderPage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const bedsTonightRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/beds',
  component: function BedsTonight() {
    const { network } = bedsTonightRoute.useParams();
    return <BedsTonightPage network={network} />;
  },
});

const pathwayHealthRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/health',
  validateSearch: parsePathwayHealthSearch,
  component: function PathwayHealth() {
    const { network } = pathwayHealthRoute.useParams();
    const search = pathwayHealthRoute.useSearch();
    return <PathwayHealthPage network={network} search={search} />;
  },
});

const pathwayMapRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/map',
  validateSearch: parsePathwayMapSearch,
  component: function PathwayMap() {
    const { network } = pathwayMapRoute.useParams();
    const search = pathwayMapRoute.useSearch();
    const navigate = pathwayMapRoute.useNavigate();
    return (
      <Suspense fallback={<LoadingState />}>
        <PathwayMapPage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />
      </Suspense>
    );
  },
});

const serviceRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/$serviceId',
  component: function Service() {
    const { network, serviceId } = serviceRoute.useParams();
    return <ServicePage network={network} serviceId={serviceId} />;
  },
});

const referralsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'referrals',
  validateSearch: parseReferralSearch,
  component: function Referrals() {
    const { network } = referralsRoute.useParams();
    const search = referralsRoute.useSearch();
    const navigate = referralsRoute.useNavigate();
    return <ReferralsPage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const referralStatsRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'referrals/statistics',
  validateSearch: (raw: Record<string, unknown>) => parseStatsSearch(raw),
  component: function ReferralStats() {
    const { network } = referralStatsRoute.useParams();
    const search = referralStatsRoute.useSearch();
    const navigate = referralStatsRoute.useNavigate();
    return <ReferralStatsPage network={network} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const sendReferralRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'referrals/new',
  validateSearch: (raw: Record<string, unknown>): { from?: string } => {
    const from = idParam(raw.from);
    return from ? { from } : {};
  },
  component: function SendReferral() {
    const { network } = sendReferralRoute.useParams();
    const { from } = sendReferralRoute.useSearch();
    return <SendReferralPage network={network} from={from} />;
  },
});

const referralRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'referrals/$referralId',
  component: function Referral() {
    const { network, referralId } = referralRoute.useParams();
    return <ReferralPage network={network} referralId={referralId} />;
  },
});

const membersRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'members',
  component: function Members() {
    const { network } = membersRoute.useParams();
    return <MembersPage network={network} />;
  },
});

const areasRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'areas',
  component: function Areas() {
    const { network } = areasRoute.useParams();
    return <AreasPage network={network} />;
  },
});

// Unknown addresses inside the signed-in app match these catch-alls, so they render in the
// frame (sidebar, header, Quick exit) and only after the session check; under a network the
// sidebar keeps that network. Only a not-found raised outside the app uses the root's.
const appNotFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const networkNotFoundRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '$',
  component: NotFoundPage,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParam = (value: unknown) => {
  const id = asString(value);
  return id && UUID.test(id) ? id : undefined;
};

const newServiceRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/new',
  validateSearch: (raw: Record<string, unknown>): { partner?: string } => {
    const partner = idParam(raw.partner);
    return partner ? { partner } : {};
  },
  component: function NewService() {
    const { network } = newServiceRoute.useParams();
    const { partner } = newServiceRoute.useSearch();
    return <ServiceNewPage network={network} partnerId={partner} />;
  },
});

const editServiceRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/$serviceId/edit',
  component: function EditService() {
    const { network, serviceId } = editServiceRoute.useParams();
    return <ServiceEditPage network={network} serviceId={serviceId} />;
  },
});

const newPathwayRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/pathways/new',
  validateSearch: (raw: Record<string, unknown>): { from?: string; to?: string } => {
    const from = idParam(raw.from);
    const to = idParam(raw.to);
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  },
  component: function NewPathway() {
    const { network } = newPathwayRoute.useParams();
    const { from, to } = newPathwayRoute.useSearch();
    return <PathwayNewPage network={network} from={from} to={to} />;
  },
});

const pathwayRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/pathways/$pathwayId',
  component: function Pathway() {
    const { network, pathwayId } = pathwayRoute.useParams();
    return <PathwayPage network={network} pathwayId={pathwayId} />;
  },
});

const editPathwayRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'services/pathways/$pathwayId/edit',
  component: function EditPathway() {
    const { network, pathwayId } = editPathwayRoute.useParams();
    return <PathwayEditPage network={network} pathwayId={pathwayId} />;
  },
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  acceptInvitationRoute,
  resetPasswordRoute,
  appRoute.addChildren([
    homeRoute,
    appNotFoundRoute,
    networkRoute.addChildren([overviewRoute, partnersRoute, newPartnerRoute, mapRoute, partnerRoute, editPartnerRoute, coverageRoute, gapsRoute, rolesRoute, servicesRoute, routeFinderRoute, bedsTonightRoute, pathwayHealthRoute, pathwayMapRoute, serviceRoute, newServiceRoute, editServiceRoute, newPathwayRoute, pathwayRoute, editPathwayRoute, referralsRoute, referralStatsRoute, sendReferralRoute, referralRoute, membersRoute, areasRoute, networkNotFoundRoute]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch: parseSearchString,
    stringifySearch: stringifySearchObject,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
