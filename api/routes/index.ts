import { buildOpenApiDocument } from '../openapi';
import type { AnyRoute } from '../route-spec';
import { createApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute } from './api-keys';
import {
  activateRoute,
  keySignInRoute,
  requestPasswordResetRoute,
  resetPasswordRoute,
  sessionRoute,
  signInRoute,
  signOutRoute,
} from './auth';
import { listDeliveriesRoute, redeliverRoute } from './deliveries';
import { disputeRoutes } from './disputes';
import { getEscalationRoute, listEscalationsRoute, resolveEscalationRoute } from './escalations';
import { listEventsRoute } from './events';
import { importRoutes } from './imports';
import { insightsRoute } from './insights';
import { meRoute } from './me';
import { getNotificationsRoute, putNotificationsRoute, unsubscribePageRoute, unsubscribeRoute } from './notifications';
import { healthRoute, metricsRoute, openApiRoute, readinessRoute } from './operations';
import {
  createDistributorRoute,
  createResellerRoute,
  listDistributorsRoute,
  listResellersRoute,
  updateDistributorRoute,
  updateResellerRoute,
} from './partners';
import {
  cancelUpcomingPolicyRoute,
  getPolicyRoute,
  policyGuideRoute,
  policyVersionsRoute,
  publishPolicyRoute,
  simulatePolicyRoute,
  simulationCsvRoute,
  simulationJobRoute,
} from './policy';
import {
  changeRoute,
  closeRoute,
  extensionRoute,
  historyRoute,
  watchRoute,
  withdrawRoute,
} from './registration-commands';
import { registrationFormRoute } from './registration-form';
import { registrationImportRoute } from './registration-import';
import { revokeRoute, transferRoute } from './registration-moves';
import {
  exportRegistrationsRoute,
  getRegistrationRoute,
  listRegistrationsRoute,
  submitRegistrationRoute,
} from './registrations';
import { createUserRoute, getUserRoute, listUsersRoute, updateUserRoute } from './users';
import { vendorCollectionRoutes } from './vendor-collections';
import { deleteWebhookRoute, putWebhookRoute } from './webhooks';

/**
 * Every route of the API, in one table. It registers the handlers, generates the OpenAPI document
 * and drives the authorization-matrix test, so a route cannot exist in one and be missing in another.
 */
export interface RouteTable {
  routes: AnyRoute[];
  /** Generated once, on first request, from the complete table. */
  openApiDocument(): object;
}

export function createRouteTable(): RouteTable {
  const routes: AnyRoute[] = [
    submitRegistrationRoute,
    registrationFormRoute,
    listRegistrationsRoute,
    // Before `/registrations/{id}`, which would take `export.csv` for an id.
    exportRegistrationsRoute,
    getRegistrationRoute,
    withdrawRoute,
    extensionRoute,
    closeRoute,
    transferRoute,
    revokeRoute,
    changeRoute,
    watchRoute,
    historyRoute,
    listEscalationsRoute,
    getEscalationRoute,
    resolveEscalationRoute,
    ...disputeRoutes,
    getPolicyRoute,
    policyVersionsRoute,
    policyGuideRoute,
    publishPolicyRoute,
    cancelUpcomingPolicyRoute,
    simulatePolicyRoute,
    simulationJobRoute,
    simulationCsvRoute,
    insightsRoute,
    createDistributorRoute,
    listDistributorsRoute,
    updateDistributorRoute,
    createResellerRoute,
    listResellersRoute,
    updateResellerRoute,
    ...vendorCollectionRoutes,
    ...importRoutes,
    registrationImportRoute,
    createApiKeyRoute,
    listApiKeysRoute,
    revokeApiKeyRoute,
    meRoute,
    signInRoute,
    keySignInRoute,
    signOutRoute,
    sessionRoute,
    activateRoute,
    requestPasswordResetRoute,
    resetPasswordRoute,
    createUserRoute,
    listUsersRoute,
    getUserRoute,
    updateUserRoute,
    getNotificationsRoute,
    putNotificationsRoute,
    unsubscribePageRoute,
    unsubscribeRoute,
    putWebhookRoute,
    deleteWebhookRoute,
    listEventsRoute,
    listDeliveriesRoute,
    redeliverRoute,
    healthRoute,
    readinessRoute,
    metricsRoute,
  ];
  let document: object | undefined;
  const openApiDocument = () => {
    document ??= buildOpenApiDocument(routes);
    return document;
  };
  routes.push(openApiRoute(openApiDocument));
  return { routes, openApiDocument };
}
