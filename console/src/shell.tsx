import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { VendorCollection } from './api/vendor-records';
import { ApiKeysPage } from './pages/api-keys';
import { DisputePage } from './pages/dispute';
import { DisputeQueue } from './pages/dispute-queue';
import { EscalationPage } from './pages/escalation';
import { EscalationQueue } from './pages/escalation-queue';
import { GuidePage } from './pages/guide';
import { ProgramHealth } from './pages/health';
import { NotificationsPage } from './pages/notifications';
import { OrganisationWebhook } from './pages/organisation-webhook';
import { PartnerRegistrationPage } from './pages/partner-registration';
import { PartnerRegistrations } from './pages/partner-registrations';
import { PartnersPage } from './pages/partners';
import { PolicyPage } from './pages/policy';
import { PolicyWorkbench } from './pages/policy-workbench';
import { RegisterDealPage } from './pages/register-deal';
import { RegistrationPage } from './pages/registration';
import { RegistrationImportPage } from './pages/registration-import';
import { RegistrationSearch } from './pages/registration-search';
import { ResellersPage } from './pages/resellers';
import { UsersPage } from './pages/users';
import { isCollection } from './pages/vendor-fields';
import { VendorImportPage } from './pages/vendor-import';
import { VendorRecordPage } from './pages/vendor-record';
import { VendorRecordsPage } from './pages/vendor-records';
import { Link, match, navigate, useLocation } from './router';
import { type Abilities, roleLabels, useSession } from './session';
import { Page } from './ui/page';
import { EmptyState } from './ui/states';

interface NavItem {
  to: string;
  label: string;
  allowed(can: Abilities): boolean;
}

const navItems: NavItem[] = [
  { to: '/escalations', label: 'Escalations', allowed: (can) => can.viewEscalations },
  { to: '/disputes', label: 'Disputes', allowed: (can) => can.viewEscalations },
  {
    to: '/registrations',
    label: 'Registrations',
    allowed: (can) => can.searchRegistrations || can.viewOwnResellers || can.viewSellerAccounts,
  },
  { to: '/registrations', label: 'My registrations', allowed: (can) => can.actOnRegistrations },
  { to: '/register', label: 'Register a deal', allowed: (can) => can.registerDeals },
  { to: '/resellers', label: 'Our resellers', allowed: (can) => can.viewOwnResellers },
  { to: '/health', label: 'Program health', allowed: (can) => can.viewInsights },
  { to: '/policy', label: 'Policy', allowed: (can) => can.viewPolicy },
  { to: '/policy/simulate', label: 'Simulate', allowed: (can) => can.simulatePolicy },
  { to: '/policy/guide', label: 'Rules of engagement', allowed: (can) => can.viewPolicy || can.viewOwnRegistrations },
  { to: '/partners', label: 'Partners', allowed: (can) => can.administer },
  { to: '/users', label: 'People', allowed: (can) => can.administer },
  { to: '/records', label: 'Vendor records', allowed: (can) => can.viewVendorRecords },
  { to: '/registrations/import', label: 'Migration', allowed: (can) => can.administer },
  { to: '/api-keys', label: 'API keys', allowed: (can) => can.administer },
  { to: '/organisation', label: 'Organisation', allowed: (can) => can.manageOrganisation },
];

/** Where each role starts: the work it comes to the console for. */
function homeOf(can: Abilities): string {
  if (can.resolveEscalations) return '/escalations';
  if (can.publishPolicy) return '/policy';
  return '/registrations';
}

interface RouteDef {
  pattern: string;
  allowed(can: Abilities): boolean;
  render(params: Record<string, string>, can: Abilities): ComponentChildren;
}

const routes: RouteDef[] = [
  { pattern: '/escalations', allowed: (can) => can.viewEscalations, render: () => <EscalationQueue /> },
  {
    pattern: '/escalations/:id',
    allowed: (can) => can.viewEscalations,
    render: ({ id }) => <EscalationPage id={id as string} />,
  },
  { pattern: '/disputes', allowed: (can) => can.viewEscalations, render: () => <DisputeQueue /> },
  {
    pattern: '/disputes/:id',
    allowed: (can) => can.viewEscalations,
    render: ({ id }) => <DisputePage id={id as string} />,
  },
  // One address for staff and partners (mails link to it); each sees the page its role reads.
  {
    pattern: '/registrations',
    allowed: (can) => can.searchRegistrations || can.viewOwnRegistrations,
    render: (_, can) => (can.searchRegistrations ? <RegistrationSearch /> : <PartnerRegistrations />),
  },
  // Before `/registrations/:id`, which would take `import` for an id.
  { pattern: '/registrations/import', allowed: (can) => can.administer, render: () => <RegistrationImportPage /> },
  {
    pattern: '/registrations/:id',
    allowed: (can) => can.searchRegistrations || can.viewOwnRegistrations,
    render: ({ id }, can) =>
      can.searchRegistrations ? <RegistrationPage id={id as string} /> : <PartnerRegistrationPage id={id as string} />,
  },
  { pattern: '/register', allowed: (can) => can.registerDeals, render: () => <RegisterDealPage /> },
  { pattern: '/resellers', allowed: (can) => can.viewOwnResellers, render: () => <ResellersPage /> },
  {
    pattern: '/organisation',
    allowed: (can) => can.manageOrganisation,
    render: () => (
      <UsersPage>
        <OrganisationWebhook />
      </UsersPage>
    ),
  },
  { pattern: '/health', allowed: (can) => can.viewInsights, render: () => <ProgramHealth /> },
  { pattern: '/policy', allowed: (can) => can.viewPolicy, render: () => <PolicyPage /> },
  { pattern: '/policy/simulate', allowed: (can) => can.simulatePolicy, render: () => <PolicyWorkbench /> },
  {
    pattern: '/policy/guide',
    allowed: (can) => can.viewPolicy || can.viewOwnRegistrations,
    render: () => <GuidePage />,
  },
  { pattern: '/partners', allowed: (can) => can.administer, render: () => <PartnersPage /> },
  { pattern: '/users', allowed: (can) => can.administer, render: () => <UsersPage /> },
  { pattern: '/api-keys', allowed: (can) => can.administer, render: () => <ApiKeysPage /> },
  { pattern: '/notifications', allowed: () => true, render: () => <NotificationsPage /> },
  { pattern: '/records', allowed: (can) => can.viewVendorRecords, render: () => <Redirect to="/records/accounts" /> },
  { pattern: '/records/import', allowed: (can) => can.editVendorRecords, render: () => <VendorImportPage /> },
  {
    pattern: '/records/:collection',
    allowed: (can) => can.viewVendorRecords,
    render: ({ collection }) =>
      isCollection(collection as string) ? (
        <VendorRecordsPage collection={collection as VendorCollection} />
      ) : (
        <EmptyState>The console keeps no such records.</EmptyState>
      ),
  },
  {
    pattern: '/records/:collection/:id',
    allowed: (can) => can.viewVendorRecords,
    render: ({ collection, id }) =>
      isCollection(collection as string) ? (
        <VendorRecordPage collection={collection as VendorCollection} id={id as string} />
      ) : (
        <EmptyState>The console keeps no such records.</EmptyState>
      ),
  },
];

/** Replaces the bare /console with the role's start page (after render: navigating is a side effect). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function CurrentPage({ path }: { path: string }) {
  const { can } = useSession();
  if (path === '/' || path === '') return <Redirect to={homeOf(can)} />;
  for (const route of routes) {
    const params = match(route.pattern, path);
    if (!params) continue;
    if (route.allowed(can)) return <>{route.render(params, can)}</>;
    return (
      <Page title="Not for your role">
        <EmptyState>
          Your role may not open this page. <Link to={homeOf(can)}>Go to your start page</Link>.
        </EmptyState>
      </Page>
    );
  }
  return (
    <Page title="Page not found">
      <EmptyState>
        The console has no page at <code>{path}</code>. <Link to={homeOf(can)}>Go to your start page</Link>.
      </EmptyState>
    </Page>
  );
}

/** The signed-in frame: a skip link, the navigation this role may use, who is signed in, and the page. */
export function Shell() {
  const { me, can, signOut } = useSession();
  const { path } = useLocation();
  const items = navItems.filter((item) => item.allowed(can));
  // The longest matching prefix is the current section (/policy/guide is not also /policy).
  const current = items
    .filter((item) => path === item.to || path.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top-bar">
        <span class="brand">dealreg console</span>
        <nav aria-label="Console">
          <ul>
            {items.map((item) => (
              <li key={item.label}>
                <Link to={item.to} aria-current={item === current ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {me.name ?? roleLabels[me.role]}{' '}
            <span class="muted">({me.name ? roleLabels[me.role] : `key ${me.keyId ?? ''}`})</span>
          </span>
          {me.userId ? <Link to="/notifications">Email settings</Link> : null}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <CurrentPage path={path} />
      </main>
    </>
  );
}
