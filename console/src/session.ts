import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me, Role } from './api/types';

/** What the console offers a role; mirrors the API's access table so that nothing shown answers 403. */
export interface Abilities {
  viewEscalations: boolean;
  resolveEscalations: boolean;
  searchRegistrations: boolean;
  viewHistory: boolean;
  viewPolicy: boolean;
  simulatePolicy: boolean;
  publishPolicy: boolean;
  viewInsights: boolean;
  /** Distributors, resellers, people and API keys: running the program. */
  administer: boolean;
  /** Accounts, programs, products and sellers: what the vendor knows. */
  viewVendorRecords: boolean;
  editVendorRecords: boolean;
  /** A partner's own registrations (a reseller's, or those made through a distributor). */
  viewOwnRegistrations: boolean;
  /** Register a deal: a reseller for itself, a distributor for an affiliated reseller, a seller direct. */
  registerDeals: boolean;
  /** A vendor seller registers direct opportunities: through no partner. */
  registerDirect: boolean;
  /** Withdraw, ask for an extension, close won or lost: the owning reseller. */
  actOnRegistrations: boolean;
  /** The distributor's affiliated resellers. */
  viewOwnResellers: boolean;
  /** A vendor seller's view: the registrations on its house accounts, with the partners named. */
  viewSellerAccounts: boolean;
  /** An organisation's own people (a partner's org admin). */
  manageOrganisation: boolean;
}

export const staffRoles: readonly Role[] = ['channel-manager', 'auditor', 'admin'];
export const isStaffRole = (role: Role) => staffRoles.includes(role);

export const isPartnerRole = (role: Role) => role === 'reseller' || role === 'distributor';

export function abilitiesOf({ role, orgAdmin }: Pick<Me, 'role' | 'orgAdmin'>): Abilities {
  const is = (...roles: Role[]) => roles.includes(role);
  return {
    viewEscalations: is('channel-manager', 'auditor'),
    resolveEscalations: is('channel-manager'),
    searchRegistrations: is('channel-manager', 'auditor', 'admin'),
    viewHistory: is('channel-manager', 'auditor', 'admin'),
    viewPolicy: is('channel-manager', 'auditor', 'admin'),
    simulatePolicy: is('channel-manager', 'admin'),
    publishPolicy: is('admin'),
    viewInsights: is('channel-manager', 'auditor', 'admin'),
    administer: is('admin'),
    viewVendorRecords: is('channel-manager', 'auditor', 'admin'),
    editVendorRecords: is('admin'),
    viewOwnRegistrations: is('reseller', 'distributor', 'sales'),
    registerDeals: is('reseller', 'distributor', 'sales'),
    registerDirect: is('sales'),
    actOnRegistrations: is('reseller'),
    viewOwnResellers: is('distributor'),
    viewSellerAccounts: is('sales'),
    manageOrganisation: is('reseller', 'distributor') && orgAdmin === true,
  };
}

export const roleLabels: Record<Role, string> = {
  'channel-manager': 'Channel manager',
  auditor: 'Auditor',
  admin: 'Administrator',
  reseller: 'Reseller',
  distributor: 'Distributor',
  sales: 'Vendor seller',
};

/**
 * A signed-in console: the session itself is an HttpOnly cookie the page never sees (and no API key is
 * kept here); `csrf` is the session's CSRF token, which every change repeats in X-CSRF-Token.
 */
export interface Session {
  csrf: string;
  me: Me;
  can: Abilities;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
