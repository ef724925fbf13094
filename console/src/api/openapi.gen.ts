/**
 * Generated from the API's OpenAPI document by `npm run console:api-types` (scripts/console-api-types.ts);
 * do not edit. A unit test regenerates it and fails when this file is stale.
 */

export interface paths {
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The accounts, a bounded page at a time, or those a text finds
         * @description A page may hold fewer items than `limit`, even none, while `nextCursor` is not null: follow it until it is null. Records come in a stable order (not alphabetical).
         *
         *     Roles: admin, auditor, channel-manager, sales.
         */
        get: operations["listAccounts"];
        put?: never;
        /**
         * Add an account
         * @description Roles: admin.
         */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One account
         * @description Roles: admin, auditor, channel-manager, sales.
         */
        get: operations["getAccount"];
        /**
         * Replace an account (its id stays)
         * @description Roles: admin.
         */
        put: operations["replaceAccount"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import accounts from a CSV file, as a job
         * @description The file is `text/csv` with the header `id,name,domains,uei,duns,taxId,segment,region,programs,ownerKind,ownerId` (columns in any order; lists split by `;`). It is checked and stored as it arrives, then imported by a job: poll `GET /imports/{id}` for its progress and the errors of each row. Importing the same rows again changes nothing.
         *
         *     Roles: admin.
         */
        post: operations["importAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every API key by id, role and binding (never the key); an addition to the contract
         * @description Roles: admin.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key (shown once; only its hash is stored)
         * @description Reseller and distributor keys must name their partner, sales keys their vendor seller; other roles must not.
         *
         *     Roles: admin.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key: it answers 401 from now on (an addition to the contract)
         * @description Roles: admin.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: choose a password (and a name, a time zone); the account becomes active
         * @description The link works once and for 7 days. Passwords: at least 12 characters, not one of the commonest.
         *
         *     Roles: anyone, no key needed.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/key-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a staff API key for a session (the console keeps no key in the page)
         * @description Channel manager, auditor and admin keys only; the session acts as the key and ends when the key is revoked.
         *
         *     Roles: anyone, no key needed.
         */
        post: operations["keySignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a one-time password reset link (valid 1 hour) if the address belongs to an active account
         * @description Always answers 202, known address or not.
         *
         *     Roles: anyone, no key needed.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link; every session of the person ends
         * @description Roles: anyone, no key needed.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session of the cookie: who, its CSRF token and when it ends
         * @description Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password: 204 with a session cookie
         * @description The cookie is HttpOnly, SameSite=Lax and Secure behind https; the session ends after 12 hours unused or 7 days. Any wrong combination answers 401 alike; failed sign-ins are limited per client address and per email address (429 with Retry-After).
         *
         *     Roles: anyone, no key needed.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of the cookie (with its CSRF token); 204, and the cookie is cleared
         * @description Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finished webhook deliveries, abandoned ones by default (newest first)
         * @description A delivery is abandoned when it has failed for the whole retry window (24 hours by default). An admin sees every webhook's; a reseller's or distributor's org admin, its own organisation's webhook's.
         *
         *     Roles: admin, reseller, distributor.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver an abandoned delivery again, now, with a fresh retry window
         * @description Roles: admin.
         */
        post: operations["redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Disputes, newest first
         * @description Roles: channel-manager, auditor.
         */
        get: operations["listDisputes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One dispute: staff see both sides side by side; a party its own side and the outcome
         * @description Roles: channel-manager, auditor, reseller, distributor.
         */
        get: operations["getDispute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a dispute
         * @description `upheld`: the decision stands. `overturned`: the deal moves to the disputing partner (the holder ends `transferred`; a new approved registration where nobody holds it). `distinct`: the disputing partner’s deal is approved as a separate deal. Both partners are told the outcome and the reason.
         *
         *     Roles: channel-manager.
         */
        post: operations["decideDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The holder’s one answer to a dispute, within the response window
         * @description Roles: reseller.
         */
        post: operations["respondToDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/distributors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every distributor (an addition to the contract, for staff and the console)
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["listDistributors"];
        put?: never;
        /**
         * Add a distributor
         * @description Roles: admin.
         */
        post: operations["createDistributor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/distributors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Rename a distributor (its id stays: registrations and keys refer to it); an addition to the contract
         * @description Roles: admin.
         */
        put: operations["updateDistributor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Escalations with the registrations they weigh, side by side (newest first)
         * @description Roles: channel-manager, auditor.
         */
        get: operations["listEscalations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One escalation with its contenders side by side
         * @description Roles: channel-manager, auditor.
         */
        get: operations["getEscalation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an escalation
         * @description `award`: that registration wins and the other contenders end resolved-against; `rejectAll`: every contender is rejected; `distinct`: the match was false, every contender proceeds on its own.
         *
         *     Roles: channel-manager.
         */
        post: operations["resolveEscalation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s own notifications, oldest first (newest last), to catch up after its webhook was down
         * @description Every notification the partner (or the vendor seller, `account.registered-on`) is sent, whether or not it has a webhook, with the body its webhook receives, in the order they were stored. Without a cursor the feed starts at the partner’s first event; `nextCursor` is always given and, at the end, fetches what has come since.
         *
         *     Roles: reseller, distributor, sales.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import job's status, progress and the errors of its rows
         * @description Roles: admin.
         */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Program health over time: outcomes, conflict and escalation rates, decision and resolution times
         * @description Answered from the measures kept as decisions happen (one read per day in the period); `policyChanges` lists every policy version with the instant it took force.
         *
         *     Roles: channel-manager, auditor, admin.
         */
        get: operations["getInsights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling: the person (`userId`, `email`, `name`) or the key (`keyId`), with role and binding
         * @description Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How each kind of email reaches me: `immediate`, `daily` (a digest at 08:00 in my time zone) or `off`
         * @description Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["getNotificationSettings"];
        /**
         * Change how some kinds of email reach me (and my time zone); kinds not named stay as they are
         * @description Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        put: operations["updateNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OpenAPI 3.1 document of this API (also at /openapi.json)
         * @description Roles: anyone, no key needed.
         */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The policy in force, with its version, and the change scheduled next
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["getPolicy"];
        /**
         * Publish a new policy version, in force now or from `effectiveFrom`
         * @description Registrations submitted from `effectiveFrom` on are decided under it. Every partner is sent `policy.scheduled` now and `policy.effective` when it takes force. One change may wait at a time.
         *
         *     Roles: admin.
         */
        put: operations["publishPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/guide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rules of engagement in plain language: the policy in force, and the change scheduled next
         * @description Markdown by default; HTML when the Accept header prefers text/html.
         *
         *     Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["getPolicyGuide"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What-if: start replaying the stored registrations under a candidate policy
         * @description Starts a simulation job and answers at once; poll its Location for progress and, when done, the report. The replay reads every accepted registration (or those submitted between `from` and `to`: a period replay starts with no deal held) in acceptance order through the same engine, off the request path, and writes nothing but its job and the write-once replay records of settled buckets it read. One runs at a time per deployment; it stops at the configured time limit (SIMULATION_TIME_LIMIT_MS) with a partial report.
         *
         *     Roles: admin, channel-manager.
         */
        post: operations["simulatePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/simulations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A simulation's status, progress and, once it has ended, its report
         * @description Roles: admin, channel-manager.
         */
        get: operations["getSimulation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/simulations/{id}/changes.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A simulation's changed registrations as CSV, every cell quoted
         * @description One line per listed change (the JSON report lists at most 500 and counts all), streamed; a cell a spreadsheet would run as a formula is prefixed with an apostrophe.
         *
         *     Roles: admin, channel-manager.
         */
        get: operations["getSimulationCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancel the scheduled change before it takes force
         * @description The version stays listed, marked cancelled, and never takes force; partners told it was coming are sent `policy.cancelled`.
         *
         *     Roles: admin.
         */
        delete: operations["cancelUpcomingPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every policy version, oldest first, with when it takes force and whether it was cancelled
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["listPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The products, a bounded page at a time, or those a text finds
         * @description A page may hold fewer items than `limit`, even none, while `nextCursor` is not null: follow it until it is null. Records come in a stable order (not alphabetical).
         *
         *     Roles: admin, auditor, channel-manager.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Add a product
         * @description Roles: admin.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["getProduct"];
        /**
         * Replace a product (its id stays)
         * @description Roles: admin.
         */
        put: operations["replaceProduct"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import products from a CSV file, as a job
         * @description The file is `text/csv` with the header `id,name,family` (columns in any order; lists split by `;`). It is checked and stored as it arrives, then imported by a job: poll `GET /imports/{id}` for its progress and the errors of each row. Importing the same rows again changes nothing.
         *
         *     Roles: admin.
         */
        post: operations["importProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The programs, a bounded page at a time, or those a text finds
         * @description A page may hold fewer items than `limit`, even none, while `nextCursor` is not null: follow it until it is null. Records come in a stable order (not alphabetical).
         *
         *     Roles: admin, auditor, channel-manager.
         */
        get: operations["listPrograms"];
        put?: never;
        /**
         * Add a program
         * @description Roles: admin.
         */
        post: operations["createProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One program
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["getProgram"];
        /**
         * Replace a program (its id stays)
         * @description Roles: admin.
         */
        put: operations["replaceProgram"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import programs from a CSV file, as a job
         * @description The file is `text/csv` with the header `id,name,contractNumbers,accounts` (columns in any order; lists split by `;`). It is checked and stored as it arrives, then imported by a job: poll `GET /imports/{id}` for its progress and the errors of each row. Importing the same rows again changes nothing.
         *
         *     Roles: admin.
         */
        post: operations["importPrograms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registration-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a registration form may offer the caller
         * @description Segments, the regions and program names the policy and program records name, the product catalogue (empty when there is none), the distributors the caller may register through (none for a vendor seller, who registers direct opportunities) and, for a distributor, its affiliated resellers.
         *
         *     Roles: reseller, distributor, sales.
         */
        get: operations["getRegistrationForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List registrations, newest first
         * @description Pages ordered by sequence, newest first. The cursor marks a position, not an offset: registrations accepted while paging appear only before it, so no item is lost or repeated. Each page reads a bounded slice of the history, so a page may hold fewer items than `limit` (even none) while `nextCursor` is not null: follow it until it is null. resellerId and distributorId are for staff; q (everyone, within what the caller sees) matches customer name, domain and title text.
         *
         *     Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["listRegistrations"];
        put?: never;
        /**
         * Register a deal
         * @description Accepts the registration and starts its decision. A vendor seller (`sales`) registers a direct opportunity: `{ direct: true, customer, opportunity }`, stored with `sellerId`, not routed and counted against no limit, holding its deal like a partner's. A distributor registers for an affiliated reseller, named by `resellerId`, through itself; the registration records that it was entered on the reseller’s behalf. With an Idempotency-Key, a repeat of the same request returns the same registration; the same key with another body is refused (422). Keys are scoped to the reseller. A 503 (no policy yet, or the registration could not be stored within a few seconds) carries Retry-After; repeat with the same Idempotency-Key, since the registration may have been stored meanwhile.
         *
         *     Roles: reseller, distributor, sales.
         */
        post: operations["submitRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a registration
         * @description Resellers see their own, distributors those submitted through them, a seller (`sales`) those on its house accounts, staff all. Anything else is 404.
         *
         *     Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["getRegistration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the opportunity of a live registration (stage, value, close date, title, product lines)
         * @description While pending (recorded once it is decided), escalated or approved; each change is a signed entry in decisions (kind `change`). Added product lines are checked as a new registration of them would be, with a sequence of their own: 422 with problem type `already-registered` (or `duplicate`, `possible-duplicate`) when another registration holds one, and nothing is changed. A removed line frees that part of the deal.
         *
         *     Roles: reseller.
         */
        post: operations["changeRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an approved registration as won or lost
         * @description Roles: reseller, sales.
         */
        post: operations["closeRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispute a decision about your own registration
         * @description Allowed on a registration rejected (already-registered, wrong-route, house-account), resolved against, transferred or revoked, within the policy’s `disputes.window` after that decision; one open dispute per registration. The registration that holds the deal (if any) is told, never by whom, and may answer once. A channel manager decides; past both review deadlines the policy’s `disputes.onDeadline` applies.
         *
         *     Roles: reseller.
         */
        post: operations["openDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask to extend the protection of an approved registration
         * @description Extends protectedUntil by the policy’s extension period, or sends the request to a channel manager when the policy says so; 409 when no extension is left.
         *
         *     Roles: reseller, sales.
         */
        post: operations["requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registration’s life as its workflow history recorded it, in order
         * @description Read from Temporal, so it is available after the workflow has closed too (within the namespace’s retention).
         *
         *     Roles: auditor, channel-manager, admin.
         */
        get: operations["registrationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an approved registration revoked (the deal is free)
         * @description Roles: channel-manager.
         */
        post: operations["revokeRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an approved registration’s deal to another partner (the holder ends transferred)
         * @description A new approved registration of the receiver takes the deal over before the holder ends `transferred`, so the deal is never without a holder. The receiver’s route and limits apply (422 when they refuse; nothing is stored then); 409 when the registration is not approved or another registration holds part of the deal. Both partners are told, with the reason; neither learns the other’s name.
         *
         *     Roles: channel-manager.
         */
        post: operations["transferRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Be told (deal.available) when the deal this registration was turned away from frees up
         * @description For a registration rejected already-registered while the deal is still held. The watch ends when the reseller is told, registers the deal again, or after the policy’s protection period; a repeated request answers the same watch. That the deal became free, and when, is the one fact about another partner’s registration the watcher learns.
         *
         *     Roles: reseller.
         */
        post: operations["watchDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a registration (ends it withdrawn and releases the deal)
         * @description Roles: reseller, sales.
         */
        post: operations["withdrawRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every registration the caller may see that the filters select, as CSV (streamed)
         * @description The filters of GET /registrations (no cursor or limit), newest first, one line per registration as the caller sees it (a partner: its own, in its wording), every cell quoted; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. Streamed page after page, so a long list is never held whole.
         *
         *     Roles: reseller, distributor, channel-manager, auditor, admin, sales.
         */
        get: operations["exportRegistrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Migrate live registrations from a spreadsheet or another PRM, in their original order, as a job
         * @description The file is `application/x-ndjson` (each line the registration body plus `resellerId`, `submittedAt`, `status`, `protectedUntil?`, `note?`) or `text/csv` with the header `resellerId,distributorId,submittedAt,status,customerName,segment,opportunityTitle,productLines` and any of `protectedUntil,note,customerDomain,uei,duns,taxId,region,estimatedValue,currency,expectedCloseDate,program` (product lines split by `;`). Rows are numbered after every existing registration in their original `submittedAt` order; approved ones keep their protection end, closed ones are stored for history, pending and escalated ones are decided afresh; an approved one on a deal another registration holds is escalated. Poll `GET /imports/{id}` for progress, the errors of each row and the report (`migration`). `?dryRun=true` reports and stores nothing. Importing the same rows again skips them.
         *
         *     Roles: admin.
         */
        post: operations["importRegistrations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resellers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every reseller (an addition to the contract, for staff and the console)
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["listResellers"];
        put?: never;
        /**
         * Add a reseller and the distributors it buys through
         * @description Roles: admin.
         */
        post: operations["createReseller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resellers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a reseller's name, partner type or distributors (an addition to the contract)
         * @description Takes effect for submissions from now on: registrations already made keep the partner type and distributor they were decided with.
         *
         *     Roles: admin.
         */
        put: operations["updateReseller"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sellers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sellers, a bounded page at a time, or those a text finds
         * @description A page may hold fewer items than `limit`, even none, while `nextCursor` is not null: follow it until it is null. Records come in a stable order (not alphabetical).
         *
         *     Roles: admin, auditor, channel-manager.
         */
        get: operations["listSellers"];
        put?: never;
        /**
         * Add a seller
         * @description Roles: admin.
         */
        post: operations["createSeller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sellers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One seller
         * @description Roles: admin, auditor, channel-manager.
         */
        get: operations["getSeller"];
        /**
         * Replace a seller (its id stays)
         * @description Roles: admin.
         */
        put: operations["replaceSeller"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page an email's "stop these emails" link opens: one button turns that kind of email off
         * @description Opening the link changes nothing (mail scanners open links); the button, or a mail client's one-click unsubscribe (RFC 8058), does.
         *
         *     Roles: anyone, no key needed.
         */
        get: operations["unsubscribePage"];
        put?: never;
        /**
         * Turn off the kind of email the link came with (the page's button and List-Unsubscribe-Post both land here)
         * @description For the daily digest, every kind set to `daily` is turned off. Any body is ignored.
         *
         *     Roles: anyone, no key needed.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every user (admins), or the users of the caller's own organisation (org admins)
         * @description Roles: admin, reseller, distributor.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Invite a person: 201 with the user, and a one-time invitation link (valid 7 days) is mailed
         * @description Admins invite anyone; a reseller's or distributor's org admin invites users of its own organisation.
         *
         *     Roles: admin, reseller, distributor.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user (admins; org admins for their organisation; a reseller or distributor user for themself)
         * @description Roles: admin, reseller, distributor.
         */
        get: operations["getUser"];
        /**
         * Change a user's name, role and binding, org admin flag, or disable (or enable) them
         * @description A disabled user's sessions end at once and outstanding links stop working. Org admins change name, `orgAdmin` and `status` of their own organisation's users.
         *
         *     Roles: admin, reseller, distributor.
         */
        put: operations["updateUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{partnerKind}/{partnerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a partner’s webhook URL and get a new signing secret (an addition to the contract)
         * @description Every call replaces the URL and issues a new secret, shown this once. Deliveries carry `Dealreg-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
         *
         *     Roles: admin, reseller, distributor.
         */
        put: operations["putWebhook"];
        post?: never;
        /**
         * Remove a partner’s webhook: nothing more is queued for it (an addition to the contract)
         * @description Roles: admin, reseller, distributor.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is up
         * @description Roles: anyone, no key needed.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Process and request figures; with `Authorization: Bearer <METRICS_TOKEN>`, also the program figures (registrations by status, open escalations, submissions).
         *
         *     Roles: anyone, no key needed.
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A registration can be taken: Temporal and the database are reachable, and a worker polls
         * @description Roles: anyone, no key needed.
         */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Account: {
            /** Format: date-time */
            createdAt: string;
            domains?: string[];
            id: string;
            identifiers?: components["schemas"]["CustomerIdentifiers"];
            /** @description programs that list this account as a member (read of one account only) */
            memberOf?: string[];
            name: string;
            owner?: components["schemas"]["AccountOwner"];
            /** @description ids of programs the account is in */
            programs?: string[];
            region?: string;
            segment: components["schemas"]["Segment"];
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description An account the customer may be; it routes nothing (staff only) */
        AccountCandidate: {
            accountId: string;
            /** @enum {string} */
            basis: "uei" | "duns" | "taxId" | "domain" | "name";
            name: string;
            score: number;
        };
        AccountOwner: {
            id: string;
            /**
             * @description seller: a house account; distributor: reserved for it
             * @enum {string}
             */
            kind: "seller" | "distributor";
        };
        AccountPage: {
            items: components["schemas"]["Account"][];
            nextCursor: string | null;
        };
        AccountUpdate: {
            domains?: string[];
            identifiers?: components["schemas"]["CustomerIdentifiers"];
            name: string;
            owner?: components["schemas"]["AccountOwner"];
            /** @description ids of programs the account is in */
            programs?: string[];
            region?: string;
            segment: components["schemas"]["Segment"];
        };
        Activation: {
            name?: string;
            password: string;
            /** @description IANA time zone: daily digests go out at 08:00 there */
            timeZone?: string;
        };
        Actor: {
            id?: string;
            /** @enum {string} */
            kind: "user" | "key" | "engine" | "deadline" | "system";
            /** @description the person's name, or the key's label; looked up when read */
            name?: string;
        };
        /** @enum {string} */
        AllocationModel: "segment" | "partner-type" | "open" | "hybrid";
        ApiKey: {
            /** @description who created it, with the name looked up now */
            actor?: {
                id?: string;
                /** @enum {string} */
                kind: "user" | "key" | "engine" | "deadline" | "system";
                /** @description the person's name, or the key's label; looked up when read */
                name?: string;
            };
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            distributorId?: string;
            keyId: string;
            label?: string;
            resellerId?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: components["schemas"]["Actor"];
            role: components["schemas"]["Role"];
            sellerId?: string;
        };
        Closing: {
            amount?: components["schemas"]["Money"];
            /** @enum {string} */
            outcome: "won";
        } | {
            note?: string;
            /** @enum {string} */
            outcome: "lost";
            /** @enum {string} */
            reason: "competitor" | "no-decision" | "budget" | "timing" | "other";
        };
        CreatedApiKey: {
            distributorId?: string;
            /** @description shown this once; only its hash is stored */
            key: string;
            keyId: string;
            label?: string;
            resellerId?: string;
            role: components["schemas"]["Role"];
            sellerId?: string;
        };
        CsvText: string;
        Customer: {
            domain?: string;
            identifiers?: components["schemas"]["CustomerIdentifiers"];
            name: string;
            region?: string;
            segment: components["schemas"]["Segment"];
        };
        CustomerIdentifiers: {
            duns?: string;
            taxId?: string;
            uei?: string;
        };
        /** @description Another registration judged the same deal (staff only) */
        DealMatch: {
            /** @enum {string} */
            basis: "uei" | "duns" | "taxId" | "domain" | "name" | "account";
            conflictingIdentifiers?: components["schemas"]["IdentifierConflict"][];
            distributorId: string;
            registrationId: string;
            resellerId: string;
            score: number;
            sequence: number;
            /** @description under the policy’s matching.productScope "family": the product families both name */
            sharedProductFamilies?: string[];
            sharedProductLines: string[];
            /** @enum {string} */
            strength: "certain" | "probable";
        };
        DealWatch: {
            registrationId: string;
            /**
             * Format: date-time
             * @description when the watch ends unless the deal frees up first
             */
            until: string;
            /** @enum {boolean} */
            watching: true;
        };
        DecideDisputeBody: {
            outcome: components["schemas"]["DisputeOutcome"];
            reason: string;
        };
        /** @description One entry of the hash-chained decision log */
        Decision: {
            /** @description the account facts this decision routed by; staff only */
            account?: {
                accountId: string;
                owner?: components["schemas"]["AccountOwner"];
                programs: {
                    contractNumbers?: string[];
                    id: string;
                    name?: string;
                }[];
                region?: string;
                segment: components["schemas"]["Segment"];
            };
            /** @description who did it: a person, an integration key or the program; staff only */
            actor?: {
                id?: string;
                /** @enum {string} */
                kind: "user" | "key" | "engine" | "deadline" | "system";
                /** @description the person's name, or the key's label; looked up when read */
                name?: string;
            };
            /** Format: date-time */
            at: string;
            /** @description on a change: the fields it changed, before and after */
            change?: {
                /** @description the changed fields as the change set them */
                after: {
                    estimatedValue?: components["schemas"]["Money"];
                    /** Format: date */
                    expectedCloseDate?: string;
                    productLines?: string[];
                    stage?: components["schemas"]["OpportunityStage"];
                    title?: string;
                };
                /** @description the changed fields as they were (absent: it had none) */
                before: {
                    estimatedValue?: components["schemas"]["Money"];
                    /** Format: date */
                    expectedCloseDate?: string;
                    productLines?: string[];
                    stage?: components["schemas"]["OpportunityStage"];
                    title?: string;
                };
                note?: string;
                /** @description the sequence drawn for the product lines it added: their place in first come, first served */
                sequence?: number;
            };
            /** @description on a close: the amount won, or why the deal was lost */
            closing?: {
                amount?: components["schemas"]["Money"];
                /** @enum {string} */
                outcome: "won";
            } | {
                note?: string;
                /** @enum {string} */
                outcome: "lost";
                /** @enum {string} */
                reason: "competitor" | "no-decision" | "budget" | "timing" | "other";
            };
            decidedBy: {
                /** @description the rule, for the engine, a deadline or the system; staff only */
                id?: string;
                /** @enum {string} */
                kind: "engine" | "channel-manager" | "deadline" | "reseller" | "distributor" | "seller" | "system";
            };
            /** @description a dispute’s step: which dispute (GET /disputes/{id}), and its outcome once decided */
            dispute?: {
                id: string;
                /** @enum {string} */
                outcome?: "upheld" | "overturned" | "distinct";
                /** @description the disputing partner’s registration after the decision; staff only */
                receiverId?: string;
            };
            /** @description staff only */
            escalationId?: string;
            explanation: string;
            fromStatus: components["schemas"]["RegistrationStatus"];
            /** @description sha256 over this entry and prevHash */
            hash: string;
            /**
             * @description additions: `imported` records where a migrated registration stood in the system it came from; `change` a change of the opportunity by its owner; `transfer` and `revoke` a channel manager’s move of the deal
             * @enum {string}
             */
            kind: "decision" | "escalation-resolved" | "deadline" | "extension" | "close" | "withdraw" | "expire" | "transfer" | "revoke" | "change" | "dispute" | "imported";
            /** @description staff only */
            matches?: components["schemas"]["DealMatch"][];
            policyVersion: number;
            prevHash: string;
            /** Format: date-time */
            protectedUntil?: string;
            reasonCode?: components["schemas"]["ReasonCode"];
            toStatus: components["schemas"]["RegistrationStatus"];
            trace: components["schemas"]["RuleTraceStep"][];
            /** @description a transfer’s two registrations, the one that gave the deal up and the one that took it; staff only */
            transfer?: {
                from: string;
                to: string;
            };
        };
        Delivery: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string;
            /** @description the event id its partner sees */
            id: string;
            lastError?: string;
            /** @enum {string} */
            status: "delivered" | "abandoned";
            /** @enum {string} */
            type: "registration.approved" | "registration.rejected" | "registration.escalated" | "registration.resolved" | "registration.extended" | "registration.closed" | "registration.withdrawn" | "registration.expiring" | "registration.expired" | "registration.transferred" | "registration.revoked" | "escalation.opened" | "escalation.deadline-missed" | "dispute.opened" | "dispute.decided" | "dispute.deadline-missed" | "policy.scheduled" | "policy.effective" | "policy.cancelled" | "deal.available" | "account.registered-on";
            /** @description `reseller:<id>`, `distributor:<id>` or `vendor:channel-managers` */
            webhook: string;
        };
        DeliveryPage: {
            items: components["schemas"]["Delivery"][];
            nextCursor: string | null;
        };
        Dispute: {
            /** @description the disputing partner’s statement (staff, and that partner) */
            claim?: {
                /** @description who said it; staff only */
                actor?: {
                    id?: string;
                    /** @enum {string} */
                    kind: "user" | "key" | "engine" | "deadline" | "system";
                    /** @description the person's name, or the key's label; looked up when read */
                    name?: string;
                };
                /** Format: date-time */
                at: string;
                evidence: components["schemas"]["DisputeEvidence"][];
                statement: string;
            };
            /** Format: date-time */
            createdAt: string;
            decision?: components["schemas"]["DisputeDecision"];
            ground: components["schemas"]["DisputeGround"];
            /** @description the holder’s registration, side by side; staff only */
            holder?: {
                /** @description that account's routing facts at acceptance: routing went by them; staff only */
                account?: {
                    accountId: string;
                    owner?: components["schemas"]["AccountOwner"];
                    programs: {
                        contractNumbers?: string[];
                        id: string;
                        name?: string;
                    }[];
                    region?: string;
                    segment: components["schemas"]["Segment"];
                };
                /** @description accounts it may be (a similar name): shown, never routed on; staff only */
                accountCandidates?: components["schemas"]["AccountCandidate"][];
                /** @description the vendor's account the customer matched with certainty; staff only */
                accountId?: string;
                /** @description an addition: a migrated registration, the import and row it came from and where it stood; staff only */
                arrival?: {
                    importId: string;
                    note?: string;
                    /** Format: date-time */
                    protectedUntil?: string;
                    row: number;
                    status: components["schemas"]["RegistrationStatus"];
                };
                customer: components["schemas"]["Customer"];
                /** Format: date-time */
                decidedAt?: string;
                decisions: components["schemas"]["Decision"][];
                /** @description staff only */
                declared?: {
                    program?: string;
                    region?: string;
                    segment?: components["schemas"]["Segment"];
                };
                /** @description the declared fields the account contradicts; staff only */
                declaredOtherwise?: ("segment" | "region" | "program")[];
                /**
                 * @description a vendor seller's direct opportunity (staff and its seller only)
                 * @enum {boolean}
                 */
                direct?: true;
                /** @description and the distributor it came through (absent on a direct opportunity) */
                distributorId?: string;
                /** Format: date-time */
                endedAt?: string;
                /** @description who entered it: a person or an integration key, and for whom. Staff see who; partners see only `kind` and `onBehalfOf`, when a distributor entered it for the reseller */
                enteredBy?: {
                    id?: string;
                    /** @enum {string} */
                    kind: "user" | "key" | "engine" | "deadline" | "system";
                    /** @description the person's name, or the key's label; looked up when read */
                    name?: string;
                    onBehalfOf?: {
                        distributorId: string;
                    };
                };
                /** @description staff only */
                escalationId?: string;
                explanation?: string;
                extensionsUsed: number;
                id: string;
                opportunity: components["schemas"]["Opportunity"];
                policyVersion: number;
                program?: string;
                /** Format: date-time */
                protectedUntil?: string;
                reasonCode?: components["schemas"]["ReasonCode"];
                /** @description the partner's registration: its reseller (absent on a direct opportunity) */
                resellerId?: string;
                /** @description a direct opportunity's vendor seller */
                sellerId?: string;
                sequence: number;
                status: components["schemas"]["RegistrationStatus"];
                /** Format: date-time */
                submittedAt: string;
                /** @description a transfer’s receiver: the registration whose deal a channel manager moved to it; staff only */
                transferredFrom?: string;
            };
            /** @description the registration that held the deal; staff only */
            holderId?: string;
            id: string;
            level: number;
            policyVersion: number;
            /** @description the disputing registration; staff only */
            registration?: {
                /** @description that account's routing facts at acceptance: routing went by them; staff only */
                account?: {
                    accountId: string;
                    owner?: components["schemas"]["AccountOwner"];
                    programs: {
                        contractNumbers?: string[];
                        id: string;
                        name?: string;
                    }[];
                    region?: string;
                    segment: components["schemas"]["Segment"];
                };
                /** @description accounts it may be (a similar name): shown, never routed on; staff only */
                accountCandidates?: components["schemas"]["AccountCandidate"][];
                /** @description the vendor's account the customer matched with certainty; staff only */
                accountId?: string;
                /** @description an addition: a migrated registration, the import and row it came from and where it stood; staff only */
                arrival?: {
                    importId: string;
                    note?: string;
                    /** Format: date-time */
                    protectedUntil?: string;
                    row: number;
                    status: components["schemas"]["RegistrationStatus"];
                };
                customer: components["schemas"]["Customer"];
                /** Format: date-time */
                decidedAt?: string;
                decisions: components["schemas"]["Decision"][];
                /** @description staff only */
                declared?: {
                    program?: string;
                    region?: string;
                    segment?: components["schemas"]["Segment"];
                };
                /** @description the declared fields the account contradicts; staff only */
                declaredOtherwise?: ("segment" | "region" | "program")[];
                /**
                 * @description a vendor seller's direct opportunity (staff and its seller only)
                 * @enum {boolean}
                 */
                direct?: true;
                /** @description and the distributor it came through (absent on a direct opportunity) */
                distributorId?: string;
                /** Format: date-time */
                endedAt?: string;
                /** @description who entered it: a person or an integration key, and for whom. Staff see who; partners see only `kind` and `onBehalfOf`, when a distributor entered it for the reseller */
                enteredBy?: {
                    id?: string;
                    /** @enum {string} */
                    kind: "user" | "key" | "engine" | "deadline" | "system";
                    /** @description the person's name, or the key's label; looked up when read */
                    name?: string;
                    onBehalfOf?: {
                        distributorId: string;
                    };
                };
                /** @description staff only */
                escalationId?: string;
                explanation?: string;
                extensionsUsed: number;
                id: string;
                opportunity: components["schemas"]["Opportunity"];
                policyVersion: number;
                program?: string;
                /** Format: date-time */
                protectedUntil?: string;
                reasonCode?: components["schemas"]["ReasonCode"];
                /** @description the partner's registration: its reseller (absent on a direct opportunity) */
                resellerId?: string;
                /** @description a direct opportunity's vendor seller */
                sellerId?: string;
                sequence: number;
                status: components["schemas"]["RegistrationStatus"];
                /** Format: date-time */
                submittedAt: string;
                /** @description a transfer’s receiver: the registration whose deal a channel manager moved to it; staff only */
                transferredFrom?: string;
            };
            /** @description the disputing registration (a holder’s view: its own registration) */
            registrationId: string;
            /** @description the holder’s answer (staff, and the holder) */
            response?: {
                /** @description who said it; staff only */
                actor?: {
                    id?: string;
                    /** @enum {string} */
                    kind: "user" | "key" | "engine" | "deadline" | "system";
                    /** @description the person's name, or the key's label; looked up when read */
                    name?: string;
                };
                /** Format: date-time */
                at: string;
                evidence: components["schemas"]["DisputeEvidence"][];
                statement: string;
            };
            /** Format: date-time */
            responseDueAt?: string;
            /** Format: date-time */
            reviewDueAt?: string;
            /** Format: date-time */
            secondReviewDueAt?: string;
            /**
             * @description a party’s view: which side it is
             * @enum {string}
             */
            side?: "disputing" | "holder";
            /** @enum {string} */
            status: "open" | "decided";
        };
        DisputeDecision: {
            /** @description staff only */
            actor?: {
                id?: string;
                /** @enum {string} */
                kind: "user" | "key" | "engine" | "deadline" | "system";
                /** @description the person's name, or the key's label; looked up when read */
                name?: string;
            };
            /** Format: date-time */
            at: string;
            by: {
                id?: string;
                /** @enum {string} */
                kind: "channel-manager" | "deadline";
            };
            outcome: components["schemas"]["DisputeOutcome"];
            reason: string;
            /** @description the registration that holds the deal for the disputing partner afterwards; staff only */
            receiverId?: string;
        };
        DisputeEvidence: {
            /** @enum {string} */
            kind: "link" | "note";
            value: string;
        };
        /** @enum {string} */
        DisputeGround: "registered-first" | "different-deal" | "customer-choice" | "wrong-route" | "other";
        /** @enum {string} */
        DisputeOutcome: "upheld" | "overturned" | "distinct";
        DisputePage: {
            items: components["schemas"]["Dispute"][];
            nextCursor: string | null;
        };
        DisputeResponseBody: {
            /** @default [] */
            evidence: components["schemas"]["DisputeEvidence"][];
            statement: string;
        };
        Distributor: {
            /** Format: date-time */
            createdAt: string;
            createdBy?: components["schemas"]["Actor"];
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: components["schemas"]["Actor"];
        };
        DistributorUpdate: {
            name: string;
        };
        Escalation: {
            contenders: components["schemas"]["EscalationContender"][];
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description 2 once the first review deadline has passed */
            level: number;
            policyVersion: number;
            reasonCode: components["schemas"]["ReasonCode"];
            resolution?: {
                actor?: components["schemas"]["Actor"];
                /** Format: date-time */
                at: string;
                by: {
                    id?: string;
                    /** @enum {string} */
                    kind: "channel-manager" | "deadline" | "system";
                };
                /** @enum {string} */
                kind: "award" | "reject-all" | "distinct" | "moot";
                reason: string;
                registrationId?: string;
            };
            /** Format: date-time */
            reviewDueAt: string;
            /** Format: date-time */
            secondReviewDueAt: string;
            /** @enum {string} */
            status: "open" | "resolved";
            /** @enum {string} */
            subject: "registration" | "extension";
        };
        EscalationContender: {
            /** @description the vendor's account the customer matched with certainty */
            accountId?: string;
            customer?: components["schemas"]["Customer"];
            /**
             * @description a vendor seller's direct opportunity (resellerId and distributorId are then `direct:<seller>`)
             * @enum {boolean}
             */
            direct?: true;
            distributorId: string;
            estimatedValue?: components["schemas"]["Money"];
            /** Format: date-time */
            joinedAt?: string;
            match?: {
                /** @enum {string} */
                basis: "uei" | "duns" | "taxId" | "domain" | "name" | "account";
                conflictingIdentifiers?: components["schemas"]["IdentifierConflict"][];
                score: number;
                /** @enum {string} */
                strength: "certain" | "probable";
                withRegistrationId: string;
            };
            /** @description every registration its decision matched: the pairs a resolution speaks of */
            matchedWith?: string[];
            productLines?: string[];
            program?: string;
            registrationId: string;
            resellerId: string;
            resellerName?: string;
            /**
             * @description holder: already approved, shown for comparison
             * @enum {string}
             */
            role: "holder" | "contender";
            /** @description the direct opportunity's seller */
            sellerId?: string;
            sequence: number;
            status?: components["schemas"]["RegistrationStatus"];
            /** Format: date-time */
            submittedAt?: string;
            title?: string;
        };
        EscalationPage: {
            items: components["schemas"]["Escalation"][];
            nextCursor: string | null;
        };
        EscalationResolutionRequest: {
            award: string;
            reason: string;
        } | {
            reason: string;
            /** @enum {boolean} */
            rejectAll: true;
        } | {
            /** @enum {boolean} */
            distinct: true;
            reason: string;
        };
        EscalationResolutionResult: {
            escalationId: string;
            /** @description what each waiting contender’s own workflow records next (holders keep what they have) */
            fates: {
                /**
                 * @description recheck: looked at again by the rules, this escalation having decided nothing about it
                 * @enum {string}
                 */
                action: "approve" | "reject" | "recheck" | "grant-extension" | "deny-extension";
                registrationId: string;
            }[];
            resolution: {
                /** @enum {string} */
                kind: "award" | "reject-all" | "distinct" | "moot";
                registrationId?: string;
            };
        };
        Event: {
            /** Format: date-time */
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            /** @description the same as the `Dealreg-Delivery` header of its webhook delivery */
            id: string;
            /** @enum {string} */
            type: "registration.approved" | "registration.rejected" | "registration.escalated" | "registration.resolved" | "registration.extended" | "registration.closed" | "registration.withdrawn" | "registration.expiring" | "registration.expired" | "registration.transferred" | "registration.revoked" | "escalation.opened" | "escalation.deadline-missed" | "dispute.opened" | "dispute.decided" | "dispute.deadline-missed" | "policy.scheduled" | "policy.effective" | "policy.cancelled" | "deal.available" | "account.registered-on";
        };
        EventFeed: {
            items: components["schemas"]["Event"][];
            /** @description always given: at the end of the feed, ask again with it later for the events that came since */
            nextCursor: string;
        };
        ExtensionResult: {
            registration: components["schemas"]["Registration"];
            /**
             * @description escalated: a channel manager decides the extension
             * @enum {string}
             */
            result: "extended" | "escalated";
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        /**
         * @description what a partner's registration on a vendor seller's house account meets (default allow-and-notify)
         * @default allow-and-notify
         * @enum {string}
         */
        HouseAccountRule: "reject" | "escalate" | "allow-and-notify";
        /** @description Staff only */
        IdentifierConflict: {
            /** @description the matched registration's value */
            holderValue: string;
            /** @enum {string} */
            kind: "uei" | "duns" | "taxId";
            /** @description this registration's value */
            value: string;
        };
        ImportJob: {
            /** Format: date-time */
            createdAt: string;
            /** @description an addition: every error, listed or not */
            errorCount: number;
            /** @description the first 1,000 errors, in file order */
            errors: {
                message: string;
                /** @description the column; empty for the row as a whole */
                path: string;
                /** @description as a spreadsheet numbers it: the header is row 1 */
                row: number;
            }[];
            failure?: string;
            /** Format: date-time */
            finishedAt?: string;
            id: string;
            /** @enum {string} */
            kind: "accounts" | "programs" | "products" | "registrations";
            /** @description a migration of registrations: what it does, or would do in a dry run (once its rows are planned) */
            migration?: {
                /** @description rows an earlier import stored already: skipped */
                alreadyImported: number;
                /** @description approved imports that keep their protection to its original end */
                approved: number;
                /** @description won, lost, expired, withdrawn and rejected imports, stored for history */
                closed: number;
                conflictCount: number;
                /** @description the approved imports to be escalated, each with every other party of its deal (the first 1,000) */
                conflicts: {
                    /** @description every other party of the deal: live holders, then the other rows claiming it (the first 20) */
                    heldBy: {
                        registrationId: string;
                        resellerId: string;
                        /** @description when the party is another row of the same file */
                        row?: number;
                    }[];
                    reasonCode?: components["schemas"]["ReasonCode"];
                    registrationId: string;
                    resellerId: string;
                    row: number;
                }[];
                /** @description pending and escalated imports, decided as new ones would be */
                decidedAfresh: number;
                /** @description true: nothing was stored; the counts say what a real run would do */
                dryRun: boolean;
                /** @description approved imports on a deal a live registration holds or another approved row claims: escalated */
                escalated: number;
            };
            /** @description an addition: what the imported rows did (a re-import of the same rows is all unchanged) */
            outcomes: {
                created: number;
                unchanged: number;
                updated: number;
            };
            progress: {
                /** @description rows imported (created, updated or unchanged) */
                done: number;
                /** @description rows refused, each with its errors */
                failed: number;
                /** @description rows in the file */
                rows: number;
            };
            /** @enum {string} */
            status: "running" | "done" | "failed";
        };
        InsightPoint: {
            /** @description by the engine or on escalation review */
            approved: number;
            /** @description the day (YYYY-MM-DD), the Monday of the ISO week, or the month (YYYY-MM) */
            bucket: string;
            /** @description share of submitted registrations that met an active one on the deal */
            conflictRate: number;
            /** @description submission to approval or rejection */
            decisionMs: {
                p50: number | null;
                p95: number | null;
            };
            /** @description disputes partners opened */
            disputed: number;
            /** @description a dispute opened to decided */
            disputeResolutionMs: {
                p50: number | null;
                p95: number | null;
            };
            disputesDecided: number;
            escalated: {
                [key: string]: number;
            };
            /** @description share of submitted registrations the engine escalated */
            escalationRate: number;
            expired: number;
            /** @description the value of `groupBy` (a distributor id, segment, …), or `all` */
            group: string;
            lost: number;
            /** @description lost deals by reason */
            lostReasons: {
                [key: string]: number;
            };
            /** @description review deadlines escalations missed */
            missedDeadlines: number;
            /** @description disputes decided overturned (the deal moved) */
            overturned: number;
            /** @description overturned among the disputes decided; null when none was decided */
            overturnRate: number | null;
            rejected: {
                [key: string]: number;
            };
            /** @description escalated to resolved */
            resolutionMs: {
                p50: number | null;
                p95: number | null;
            };
            submitted: number;
            /** @description won among the deals closed; null when none closed */
            winRate: number | null;
            won: number;
            /** @description amounts won by currency (ISO 4217 code); never summed across currencies */
            wonValue: {
                [key: string]: number;
            };
        };
        Insights: {
            policyChanges: {
                /** Format: date-time */
                effectiveFrom: string;
                version: number;
            }[];
            series: components["schemas"]["InsightPoint"][];
        };
        KeySignIn: {
            key: string;
        };
        Me: {
            distributorId?: string;
            email?: string;
            /** @description the API key, when a key calls (or a session it was exchanged for) */
            keyId?: string;
            name?: string;
            /** @description manages its own organisation's users */
            orgAdmin?: boolean;
            resellerId?: string;
            role: components["schemas"]["Role"];
            sellerId?: string;
            /** @description staff only */
            temporalNamespace?: string;
            /** @description staff only: base URL of the Temporal Web UI, for workflow links */
            temporalUiUrl?: string;
            /** @description the person, when a person is signed in */
            userId?: string;
        };
        Money: {
            amount: number;
            currency: string;
        };
        NewAccount: {
            domains?: string[];
            id: string;
            identifiers?: components["schemas"]["CustomerIdentifiers"];
            name: string;
            owner?: components["schemas"]["AccountOwner"];
            /** @description ids of programs the account is in */
            programs?: string[];
            region?: string;
            segment: components["schemas"]["Segment"];
        };
        NewApiKey: {
            distributorId?: string;
            label?: string;
            resellerId?: string;
            role: components["schemas"]["Role"];
            /** @description the vendor seller a `sales` key acts for */
            sellerId?: string;
        };
        NewDistributor: {
            id: string;
            name: string;
        };
        NewPassword: {
            password: string;
        };
        NewProduct: {
            /** @description deals compare by family under the policy’s matching.productScope "family" */
            family: string;
            id: string;
            name: string;
        };
        NewProgram: {
            /** @description member accounts (an account may also name its programs itself) */
            accounts?: string[];
            contractNumbers?: string[];
            id: string;
            name: string;
        };
        NewReseller: {
            distributorIds: string[];
            id: string;
            name: string;
            partnerType: components["schemas"]["PartnerType"];
        };
        NewSeller: {
            /** Format: email */
            email?: string;
            id: string;
            name: string;
        };
        NewUser: {
            distributorId?: string;
            /** Format: email */
            email: string;
            name: string;
            orgAdmin?: boolean;
            resellerId?: string;
            role: components["schemas"]["Role"];
            /** @description the vendor seller a `sales` person works for */
            sellerId?: string;
        };
        /** @description how each kind of email reaches the person, and their time zone */
        NotificationSettings: {
            /** @enum {string} */
            "account.registered-on": "immediate" | "daily" | "off";
            /** @enum {string} */
            "deal.available": "immediate" | "daily" | "off";
            /** @enum {string} */
            "dispute.deadline-missed": "immediate" | "daily" | "off";
            /** @enum {string} */
            "dispute.decided": "immediate" | "daily" | "off";
            /** @enum {string} */
            "dispute.opened": "immediate" | "daily" | "off";
            /** @enum {string} */
            "escalation.deadline-missed": "immediate" | "daily" | "off";
            /** @enum {string} */
            "escalation.opened": "immediate" | "daily" | "off";
            /** @enum {string} */
            "policy.cancelled": "immediate" | "daily" | "off";
            /** @enum {string} */
            "policy.effective": "immediate" | "daily" | "off";
            /** @enum {string} */
            "policy.scheduled": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.approved": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.closed": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.escalated": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.expired": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.expiring": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.extended": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.rejected": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.resolved": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.revoked": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.transferred": "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.withdrawn": "immediate" | "daily" | "off";
            timeZone: string;
        };
        NotificationUpdate: {
            /** @enum {string} */
            "account.registered-on"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "deal.available"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "dispute.deadline-missed"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "dispute.decided"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "dispute.opened"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "escalation.deadline-missed"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "escalation.opened"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "policy.cancelled"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "policy.effective"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "policy.scheduled"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.approved"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.closed"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.escalated"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.expired"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.expiring"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.extended"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.rejected"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.resolved"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.revoked"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.transferred"?: "immediate" | "daily" | "off";
            /** @enum {string} */
            "registration.withdrawn"?: "immediate" | "daily" | "off";
            /** @description IANA time zone: daily digests go out at 08:00 there */
            timeZone?: string;
        };
        OpenDisputeBody: {
            /** @default [] */
            evidence: components["schemas"]["DisputeEvidence"][];
            ground: components["schemas"]["DisputeGround"];
            statement: string;
        };
        Opportunity: {
            estimatedValue?: components["schemas"]["Money"];
            /** Format: date */
            expectedCloseDate?: string;
            productLines: string[];
            stage?: components["schemas"]["OpportunityStage"];
            title: string;
        };
        OpportunityChange: {
            estimatedValue?: components["schemas"]["Money"];
            /** Format: date */
            expectedCloseDate?: string;
            productLines?: string[];
            stage?: components["schemas"]["OpportunityStage"];
            title?: string;
        };
        /** @enum {string} */
        OpportunityStage: "qualifying" | "proposal" | "negotiation" | "commit";
        /** @enum {string} */
        PartnerType: "integrator" | "var" | "boutique";
        PasswordResetRequest: {
            /** Format: email */
            email: string;
        };
        Policy: {
            disputes?: components["schemas"]["PolicyDisputes"];
            houseAccounts?: components["schemas"]["HouseAccountRule"];
            limits?: components["schemas"]["PolicyLimits"];
            /** @default {} */
            matching: {
                /** @default 0.9 */
                nameSimilarity: number;
                /**
                 * @description what a deal shares: the same product line (default), or a product family of the catalogue
                 * @default line
                 * @enum {string}
                 */
                productScope: "line" | "family";
            };
            model: components["schemas"]["AllocationModel"];
            /**
             * @default reject
             * @enum {string}
             */
            onWrongRoute: "reject" | "escalate";
            /** @default [] */
            routes: components["schemas"]["Route"][];
            timing?: components["schemas"]["PolicyTiming"];
        };
        PolicyAnnouncement: {
            /**
             * Format: date-time
             * @description when the last of them was told
             */
            at: string;
            /** @enum {string} */
            event: "policy.scheduled" | "policy.effective" | "policy.cancelled";
            /** @description distributors and resellers told (feed, and webhook where set) */
            partners: number;
        };
        /** @default {} */
        PolicyDisputes: {
            onDeadline?: components["schemas"]["DisputeOutcome"];
            perResellerPerMonth?: number;
            /** @default P3D */
            responseWindow: string;
            /** @default PT48H */
            reviewSla: string;
            /** @default PT24H */
            secondReviewSla: string;
            /** @default P14D */
            window: string;
        };
        PolicyGuideText: string;
        PolicyInForce: {
            /** @description who published it, with the name looked up now */
            actor?: {
                id?: string;
                /** @enum {string} */
                kind: "user" | "key" | "engine" | "deadline" | "system";
                /** @description the person's name, or the key's label; looked up when read */
                name?: string;
            };
            /**
             * Format: date-time
             * @description set when the change was cancelled before it took force; it never takes force
             */
            cancelledAt?: string;
            cancelledBy?: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** @description id of who published it: an API key (`key_…`) or a person (`usr_…`) */
            createdBy: string;
            /**
             * Format: date-time
             * @description registrations submitted from this instant on are decided under it
             */
            effectiveFrom: string;
            policy: components["schemas"]["Policy"];
            /** @description the change scheduled next, if any */
            upcoming?: {
                /** @description the announcements made so far: `policy.scheduled` once every partner has been told */
                announced: components["schemas"]["PolicyAnnouncement"][];
                /** Format: date-time */
                effectiveFrom: string;
                version: number;
            };
            version: number;
        };
        PolicyLimits: {
            activePerReseller?: {
                boutique?: number;
                integrator?: number;
                var?: number;
            };
            submissionsPerResellerPerDay?: number;
        };
        PolicyPublication: {
            disputes?: components["schemas"]["PolicyDisputes"];
            /**
             * Format: date-time
             * @description when the version takes force (default: now); not in the past, beyond a few seconds of clock skew
             */
            effectiveFrom?: string;
            houseAccounts?: components["schemas"]["HouseAccountRule"];
            limits?: components["schemas"]["PolicyLimits"];
            /** @default {} */
            matching: {
                /** @default 0.9 */
                nameSimilarity: number;
                /**
                 * @description what a deal shares: the same product line (default), or a product family of the catalogue
                 * @default line
                 * @enum {string}
                 */
                productScope: "line" | "family";
            };
            model: components["schemas"]["AllocationModel"];
            /**
             * @default reject
             * @enum {string}
             */
            onWrongRoute: "reject" | "escalate";
            /** @default [] */
            routes: components["schemas"]["Route"][];
            timing?: components["schemas"]["PolicyTiming"];
        };
        /** @default {} */
        PolicyTiming: {
            /** @default P14D */
            expiryReminder: string;
            /** @default {} */
            extension: {
                /** @default 1 */
                max: number;
                /** @default false */
                needsApproval: boolean;
                /** @default P30D */
                period: string;
            };
            /**
             * @default first-come
             * @enum {string}
             */
            onSecondSlaBreach: "first-come" | "reject-all";
            /** @default P90D */
            protection: string;
            /** @default PT48H */
            reviewSla: string;
            /** @default PT24H */
            secondReviewSla: string;
        };
        PolicyVersion: {
            /** @description who published it, with the name looked up now */
            actor?: {
                id?: string;
                /** @enum {string} */
                kind: "user" | "key" | "engine" | "deadline" | "system";
                /** @description the person's name, or the key's label; looked up when read */
                name?: string;
            };
            /**
             * Format: date-time
             * @description set when the change was cancelled before it took force; it never takes force
             */
            cancelledAt?: string;
            cancelledBy?: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** @description id of who published it: an API key (`key_…`) or a person (`usr_…`) */
            createdBy: string;
            /**
             * Format: date-time
             * @description registrations submitted from this instant on are decided under it
             */
            effectiveFrom: string;
            policy: components["schemas"]["Policy"];
            version: number;
        };
        PolicyVersions: {
            versions: components["schemas"]["PolicyVersion"][];
        };
        /** @description RFC 9457 problem details */
        Problem: {
            detail: string;
            errors?: {
                message: string;
                path: string;
            }[];
            /**
             * @description with problem type limit-reached: the limit that refused the submission (a policy limit, or livePerCustomerKey)
             * @enum {string}
             */
            limit?: "activePerReseller" | "submissionsPerResellerPerDay" | "livePerCustomerKey" | "disputesPerResellerPerMonth";
            /**
             * @description a refused change: why (already-registered, duplicate, possible-duplicate), also the type’s last segment
             * @enum {string}
             */
            reasonCode?: "already-registered" | "duplicate" | "wrong-route" | "possible-duplicate" | "unrouted" | "resolved-against" | "extension-request" | "house-account";
            status: number;
            title: string;
            type: string;
        };
        Product: {
            /** Format: date-time */
            createdAt: string;
            /** @description deals compare by family under the policy’s matching.productScope "family" */
            family: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProductPage: {
            items: components["schemas"]["Product"][];
            nextCursor: string | null;
        };
        ProductUpdate: {
            /** @description deals compare by family under the policy’s matching.productScope "family" */
            family: string;
            name: string;
        };
        Program: {
            /** @description member accounts (an account may also name its programs itself) */
            accounts?: string[];
            contractNumbers?: string[];
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProgramPage: {
            items: components["schemas"]["Program"][];
            nextCursor: string | null;
        };
        ProgramUpdate: {
            /** @description member accounts (an account may also name its programs itself) */
            accounts?: string[];
            contractNumbers?: string[];
            name: string;
        };
        Readiness: {
            checks: {
                database: boolean;
                temporal: boolean;
                /** @description a worker polled the task queue within the last 75 s */
                worker: boolean;
            };
            /**
             * @description memory: each API process counts alone; redis: the limits hold across processes
             * @enum {string}
             */
            rateLimitStore: "memory" | "redis";
            /** @description why it is not ready */
            reason?: string;
            /** @enum {string} */
            status: "ready" | "unavailable";
        };
        /** @enum {string} */
        ReasonCode: "already-registered" | "duplicate" | "wrong-route" | "possible-duplicate" | "unrouted" | "resolved-against" | "extension-request" | "house-account";
        Redelivery: {
            id: string;
            /** @enum {string} */
            status: "queued";
        };
        Registration: {
            /** @description that account's routing facts at acceptance: routing went by them; staff only */
            account?: {
                accountId: string;
                owner?: components["schemas"]["AccountOwner"];
                programs: {
                    contractNumbers?: string[];
                    id: string;
                    name?: string;
                }[];
                region?: string;
                segment: components["schemas"]["Segment"];
            };
            /** @description accounts it may be (a similar name): shown, never routed on; staff only */
            accountCandidates?: components["schemas"]["AccountCandidate"][];
            /** @description the vendor's account the customer matched with certainty; staff only */
            accountId?: string;
            /** @description an addition: a migrated registration, the import and row it came from and where it stood; staff only */
            arrival?: {
                importId: string;
                note?: string;
                /** Format: date-time */
                protectedUntil?: string;
                row: number;
                status: components["schemas"]["RegistrationStatus"];
            };
            customer: components["schemas"]["Customer"];
            /** Format: date-time */
            decidedAt?: string;
            decisions: components["schemas"]["Decision"][];
            /** @description staff only */
            declared?: {
                program?: string;
                region?: string;
                segment?: components["schemas"]["Segment"];
            };
            /** @description the declared fields the account contradicts; staff only */
            declaredOtherwise?: ("segment" | "region" | "program")[];
            /**
             * @description a vendor seller's direct opportunity (staff and its seller only)
             * @enum {boolean}
             */
            direct?: true;
            /** @description and the distributor it came through (absent on a direct opportunity) */
            distributorId?: string;
            /** Format: date-time */
            endedAt?: string;
            /** @description who entered it: a person or an integration key, and for whom. Staff see who; partners see only `kind` and `onBehalfOf`, when a distributor entered it for the reseller */
            enteredBy?: {
                id?: string;
                /** @enum {string} */
                kind: "user" | "key" | "engine" | "deadline" | "system";
                /** @description the person's name, or the key's label; looked up when read */
                name?: string;
                onBehalfOf?: {
                    distributorId: string;
                };
            };
            /** @description staff only */
            escalationId?: string;
            explanation?: string;
            extensionsUsed: number;
            id: string;
            opportunity: components["schemas"]["Opportunity"];
            policyVersion: number;
            program?: string;
            /** Format: date-time */
            protectedUntil?: string;
            reasonCode?: components["schemas"]["ReasonCode"];
            /** @description the partner's registration: its reseller (absent on a direct opportunity) */
            resellerId?: string;
            /** @description a direct opportunity's vendor seller */
            sellerId?: string;
            sequence: number;
            status: components["schemas"]["RegistrationStatus"];
            /** Format: date-time */
            submittedAt: string;
            /** @description a transfer’s receiver: the registration whose deal a channel manager moved to it; staff only */
            transferredFrom?: string;
        };
        RegistrationChange: {
            note?: string;
            opportunity: components["schemas"]["OpportunityChange"];
        };
        RegistrationForm: {
            /** @description the distributors the caller may register through */
            distributors: {
                id: string;
                name: string;
            }[];
            /** @description the product catalogue; when empty, product lines are free words */
            products: {
                family: string;
                id: string;
                name: string;
            }[];
            /** @description the program names the caller may give */
            programs: string[];
            /** @description the regions the policy routes by; a registration may name another */
            regions: string[];
            /** @description for a distributor: the affiliated resellers it may register for */
            resellers?: {
                id: string;
                name: string;
                partnerType: components["schemas"]["PartnerType"];
            }[];
            segments: components["schemas"]["Segment"][];
        };
        RegistrationHistory: {
            events: {
                /** Format: date-time */
                at: string;
                details?: unknown;
                eventId: number;
                summary: string;
                type: string;
            }[];
        };
        RegistrationPage: {
            items: components["schemas"]["Registration"][];
            nextCursor: string | null;
        };
        RegistrationRequest: {
            customer: components["schemas"]["Customer"];
            /**
             * @description a vendor seller's direct opportunity (sales role): no distributor, reseller or program
             * @enum {boolean}
             */
            direct?: true;
            /** @description required unless `direct` */
            distributorId?: string;
            opportunity: components["schemas"]["Opportunity"];
            program?: string;
            /** @description a distributor names the affiliated reseller it registers for; a reseller leaves it out */
            resellerId?: string;
        };
        /** @enum {string} */
        RegistrationStatus: "pending" | "approved" | "rejected" | "escalated" | "won" | "lost" | "expired" | "withdrawn" | "transferred" | "revoked";
        Reseller: {
            /** Format: date-time */
            createdAt: string;
            createdBy?: components["schemas"]["Actor"];
            distributorIds: string[];
            id: string;
            name: string;
            partnerType: components["schemas"]["PartnerType"];
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: components["schemas"]["Actor"];
        };
        ResellerUpdate: {
            distributorIds: string[];
            name: string;
            partnerType: components["schemas"]["PartnerType"];
        };
        RevokeRequest: {
            /** @description shown to the partner */
            reason: string;
        };
        /** @enum {string} */
        Role: "reseller" | "distributor" | "channel-manager" | "auditor" | "admin" | "sales";
        Route: {
            distributors: string[];
            when: components["schemas"]["RouteCondition"];
        };
        RouteCondition: {
            partnerTypes?: components["schemas"]["PartnerType"][];
            programs?: string[];
            regions?: string[];
            segments?: components["schemas"]["Segment"][];
        };
        /** @description One rule the allocation engine evaluated, in order */
        RuleTraceStep: {
            decisive?: boolean;
            detail: string;
            inputs: {
                [key: string]: unknown;
            };
            result: string;
            rule: string;
        };
        /** @enum {string} */
        Segment: "federal-civilian" | "federal-dod" | "state-local" | "education" | "commercial";
        Seller: {
            /** Format: date-time */
            createdAt: string;
            /** Format: email */
            email?: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SellerPage: {
            items: components["schemas"]["Seller"][];
            nextCursor: string | null;
        };
        SellerUpdate: {
            /** Format: email */
            email?: string;
            name: string;
        };
        Session: {
            /** @description send it as X-CSRF-Token with every request that changes anything */
            csrfToken: string;
            /**
             * Format: date-time
             * @description when the session ends unless used again (idle 12 h, at most 7 days in all)
             */
            expiresAt: string;
            /** @description the staff key this session was exchanged for */
            keyId?: string;
            /** @description the person signed in (absent for a staff key exchanged for a session) */
            user?: {
                /** Format: date-time */
                createdAt: string;
                createdBy?: components["schemas"]["Actor"];
                distributorId?: string;
                email: string;
                id: string;
                name: string;
                orgAdmin?: boolean;
                resellerId?: string;
                role: components["schemas"]["Role"];
                sellerId?: string;
                /** @enum {string} */
                status: "invited" | "active" | "disabled";
                timeZone: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy?: components["schemas"]["Actor"];
            };
        };
        SignIn: {
            /** Format: email */
            email: string;
            password: string;
        };
        SimulationJob: {
            /**
             * Format: date-time
             * @description when the replay stops reading, finished or not
             */
            deadline: string;
            /** @description why a failed job failed */
            error?: string;
            /** Format: date-time */
            finishedAt?: string;
            id: string;
            label: string;
            /** @description true when the report covers only the registrations read before the time limit */
            partial: boolean;
            progress: {
                /** @description registrations replayed so far */
                read: number;
                /** @description about how many the replay will read (the highest sequence number) */
                totalEstimate: number;
            };
            /** @description once the job is done or timed out */
            report?: {
                /** @description registrations routed by the vendor's accounts as they are now, and how many of them declared a segment, region or program the account contradicts (absent from reports of earlier releases) */
                accounts?: {
                    /** @description registrations decided by other account facts than the accounts have now (or by none) */
                    changedSinceAcceptance: number;
                    declaredOtherwise: number;
                    declaredOtherwiseBy: {
                        program: number;
                        region: number;
                        segment: number;
                    };
                    routedByAccount: number;
                };
                /** @description every changed registration is counted; at most 500 are listed */
                changedCount: number;
                changes: {
                    actual: {
                        decisiveRule: string | null;
                        outcome: string;
                        reasonCode: string | null;
                    };
                    decisiveRule: string;
                    detail: string;
                    registrationId: string;
                    sequence: number;
                    simulated: {
                        outcome: string;
                        reasonCode: string | null;
                    };
                }[];
                collisions: {
                    dealGroups: number;
                    registrations: number;
                };
                distributorShares: {
                    candidate: {
                        approvals: number;
                        share: number;
                    };
                    current: {
                        approvals: number;
                        share: number;
                    };
                    distributorId: string;
                    name: string;
                }[];
                escalationRate: {
                    candidate: number;
                    current: number;
                };
                /** @description partner registrations on a vendor seller's house account, and how many the candidate's houseAccounts rule would have rejected or sent to a channel manager (absent from reports of earlier releases) */
                houseAccounts?: {
                    escalated: number;
                    registrations: number;
                    rejected: number;
                };
                label: string;
                /** @description resellers whose submissions the candidate's limits would have refused; refused submissions are left out of the candidate's counts */
                limits: {
                    hits: {
                        firstRefusedAt: string;
                        /** @enum {string} */
                        limit: "activePerReseller" | "submissionsPerResellerPerDay";
                        refused: number;
                        resellerId: string;
                    }[];
                    refused: number;
                };
                outcomes: {
                    candidate: {
                        approve: number;
                        escalate: number;
                        reject: number;
                        undecided: number;
                    };
                    current: {
                        approve: number;
                        escalate: number;
                        reject: number;
                        undecided: number;
                    };
                };
                registrations: number;
            };
            /** Format: date-time */
            startedAt: string;
            /**
             * @description `timed-out`: the time limit ended the replay; the report covers what was read and is partial
             * @enum {string}
             */
            status: "running" | "done" | "timed-out" | "failed";
        };
        SimulationRequest: {
            /**
             * @description route by the vendor's accounts as they are now (default), or as each registration recorded them when it was accepted
             * @default now
             * @enum {string}
             */
            accounts: "now" | "at-acceptance";
            /**
             * Format: date-time
             * @description replay only registrations submitted at or after this instant
             */
            from?: string;
            policy: components["schemas"]["Policy"];
            /**
             * Format: date-time
             * @description replay only registrations submitted before this instant
             */
            to?: string;
        };
        TransferRequest: {
            /** @description shown to both partners; name neither */
            reason: string;
            toDistributorId: string;
            toResellerId: string;
        };
        TransferResult: {
            receiver: components["schemas"]["Registration"];
            transferred: components["schemas"]["Registration"];
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            createdBy?: components["schemas"]["Actor"];
            distributorId?: string;
            email: string;
            id: string;
            name: string;
            orgAdmin?: boolean;
            resellerId?: string;
            role: components["schemas"]["Role"];
            sellerId?: string;
            /** @enum {string} */
            status: "invited" | "active" | "disabled";
            timeZone: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy?: components["schemas"]["Actor"];
        };
        UserUpdate: {
            distributorId?: string | null;
            name?: string;
            orgAdmin?: boolean;
            resellerId?: string | null;
            role?: components["schemas"]["Role"];
            sellerId?: string | null;
            /**
             * @description `disabled` ends the person's sessions at once; `active` enables a disabled person again
             * @enum {string}
             */
            status?: "disabled" | "active";
        };
        Webhook: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description HMAC signing secret; shown this once */
            secret: string;
            url: string;
        };
        WebhookRequest: {
            /**
             * Format: uri
             * @description receives signed POSTs of notifications; https to a public address (a deployment may allow http and local addresses for development)
             */
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccounts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description words of the name, the id, a domain or an identifier; each word may be the start of one */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAccount"];
            };
        };
        responses: {
            /** @description The account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description an account with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountUpdate"];
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description The import job, started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not text/csv */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the header is not the expected one, or the file is not valid CSV */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewApiKey"];
            };
        };
        responses: {
            /** @description The key, this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, missing or forbidden binding, or unknown partner */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Activation"];
            };
        };
        responses: {
            /** @description The activated person; sign in next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description an unknown, used or expired invitation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a password the rules refuse */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    keySignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeySignIn"];
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a partner key: partners sign in with their email and password */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Accepted (a mail is sent only when the address is known) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPassword"];
            };
        };
        responses: {
            /** @description The password is changed; sign in with it */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description an unknown, used or expired link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a password the rules refuse */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the request was authenticated by an API key, not a session */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out (a request with an API key has no session: nothing ends) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "abandoned" | "delivered";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a partner caller that is not its organisation’s org admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redelivery"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not abandoned: delivered, still being retried, or queued again by another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDisputes: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "open" | "decided";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisputePage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dispute */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager, auditor, reseller, distributor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such dispute, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideDisputeBody"];
            };
        };
        responses: {
            /** @description The decided dispute */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such dispute */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description already decided, or the deal is held by another registration */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, or the disputing partner’s limit or route refuses it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    respondToDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisputeResponseBody"];
            };
        };
        responses: {
            /** @description The dispute */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such dispute of a registration of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description answered already, decided, or too late */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDistributors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All distributors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Distributor"][];
                    };
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDistributor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewDistributor"];
            };
        };
        responses: {
            /** @description The distributor */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Distributor"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a distributor with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDistributor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DistributorUpdate"];
            };
        };
        responses: {
            /** @description The distributor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Distributor"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such distributor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEscalations: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "open" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEscalation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The escalation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Escalation"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such escalation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveEscalation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalationResolutionRequest"];
            };
        };
        responses: {
            /** @description What was recorded for each contender */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResolutionResult"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such escalation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description already resolved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, or the awarded registration is not a contender */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFeed"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller, distributor, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such import */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsights: {
        parameters: {
            query?: {
                /** @description week: ISO weeks, named by their Monday; month: YYYY-MM */
                bucket?: "day" | "week" | "month";
                /** @description first UTC day (YYYY-MM-DD), included; default 29 days before `to` */
                from?: string;
                /** @description without it, one group named `all` */
                groupBy?: "distributor" | "segment" | "declaredSegment" | "partnerType" | "model" | "policyVersion" | "seller";
                /** @description last UTC day (YYYY-MM-DD), included; default today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Insights"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager, auditor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `from` after `to`, or a period longer than 400 days */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller is an API key, not a person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationUpdate"];
            };
        };
        responses: {
            /** @description My settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the caller is an API key, not a person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyInForce"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no policy in force yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyPublication"];
            };
        };
        responses: {
            /** @description The new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a change is scheduled already; cancel it first (DELETE /policy/upcoming) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid policy, effectiveFrom in the past, unknown distributors, or routes that can never apply */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPolicyGuide: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The guide */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["PolicyGuideText"];
                    "text/markdown": components["schemas"]["PolicyGuideText"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no policy published yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description neither Markdown nor HTML is acceptable */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulatePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulationRequest"];
            };
        };
        responses: {
            /** @description The started job */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationJob"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description another simulation is running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid policy, unknown distributors, or routes that can never apply */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSimulation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationJob"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such simulation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSimulationCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["CsvText"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such simulation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the simulation has no report yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelUpcomingPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no change is scheduled, or it takes force in a moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPolicyVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersions"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description words of the name, the id, a domain or an identifier; each word may be the start of one */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewProduct"];
            };
        };
        responses: {
            /** @description The product */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a product with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUpdate"];
            };
        };
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description The import job, started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not text/csv */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the header is not the expected one, or the file is not valid CSV */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPrograms: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description words of the name, the id, a domain or an identifier; each word may be the start of one */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of programs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewProgram"];
            };
        };
        responses: {
            /** @description The program */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a program with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such program */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgramUpdate"];
            };
        };
        responses: {
            /** @description The program */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such program */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importPrograms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description The import job, started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not text/csv */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the header is not the expected one, or the file is not valid CSV */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegistrationForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The choices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationForm"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller, distributor, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegistrations: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description staff only */
                distributorId?: string;
                limit?: number;
                /** @description text in the customer name, domain or title (within what the caller sees) */
                q?: string;
                /** @description staff only */
                resellerId?: string;
                status?: components["schemas"]["RegistrationStatus"];
                /** @description submitted on or after this UTC day (YYYY-MM-DD) */
                submittedFrom?: string;
                /** @description submitted on or before this UTC day (YYYY-MM-DD) */
                submittedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a staff filter used by a partner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitRegistration: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationRequest"];
            };
        };
        responses: {
            /** @description Accepted; the decision follows */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the reseller (or seller) bound to the key is not registered */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, distributor not affiliated, reseller not affiliated with the calling distributor, a partner sending `direct` or a seller leaving it out, Idempotency-Key reused with another body, or a policy limit reached (problem type limit-reached, `limit` names it; nothing is stored) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or not visible to this caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationChange"];
            };
        };
        responses: {
            /** @description The registration after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or not this reseller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not possible in the registration’s current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description an added product line is another registration’s, or the change changes nothing */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Closing"];
            };
        };
        responses: {
            /** @description The closed registration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or not this reseller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not possible in the registration’s current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenDisputeBody"];
            };
        };
        responses: {
            /** @description The open dispute */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not disputable (its status or reason, the window has closed), or a dispute of it is open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, or the policy’s monthly limit is reached (problem type limit-reached) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Extended, or escalated for approval */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionResult"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or not this reseller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not possible in the registration’s current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registrationHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationHistory"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: auditor, channel-manager, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or its history is no longer retained */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeRequest"];
            };
        };
        responses: {
            /** @description The revoked registration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not approved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transferRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRequest"];
            };
        };
        responses: {
            /** @description The ended holder and the receiver */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferResult"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not approved, or another registration holds the deal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the receiver is unknown, not affiliated, off its route or at its limit */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    watchDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The watch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealWatch"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or not this reseller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not possible in the registration’s current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The withdrawn registration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: reseller, sales */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such registration, or not this reseller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not possible in the registration’s current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportRegistrations: {
        parameters: {
            query?: {
                /** @description staff only */
                distributorId?: string;
                /** @description text in the customer name, domain or title (within what the caller sees) */
                q?: string;
                /** @description staff only */
                resellerId?: string;
                status?: components["schemas"]["RegistrationStatus"];
                /** @description submitted on or after this UTC day (YYYY-MM-DD) */
                submittedFrom?: string;
                /** @description submitted on or before this UTC day (YYYY-MM-DD) */
                submittedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registrations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["CsvText"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a staff filter used by a partner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importRegistrations: {
        parameters: {
            query?: {
                /** @description true: report what the import would do, storing nothing */
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description The import job, started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not application/x-ndjson */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the CSV header is not a migration header, or the file is not valid CSV */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResellers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All resellers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Reseller"][];
                    };
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createReseller: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewReseller"];
            };
        };
        responses: {
            /** @description The reseller */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reseller"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a reseller with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body or unknown distributors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateReseller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResellerUpdate"];
            };
        };
        responses: {
            /** @description The reseller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reseller"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such reseller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body or unknown distributors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSellers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description words of the name, the id, a domain or an identifier; each word may be the start of one */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sellers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerPage"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSeller: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewSeller"];
            };
        };
        responses: {
            /** @description The seller */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Seller"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a seller with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The seller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Seller"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, auditor, channel-manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such seller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerUpdate"];
            };
        };
        responses: {
            /** @description The seller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Seller"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such seller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, unknown references or identifiers another account holds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A small HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a link that is not one of ours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done (an HTML page) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a link that is not one of ours, or its person is gone */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                    };
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, reseller, distributor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewUser"];
            };
        };
        responses: {
            /** @description The invited user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, reseller, distributor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a user with this email address exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, binding or unknown partner */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, reseller, distributor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such user, or not one the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description only for: admin, reseller, distributor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such user, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid body, binding or unknown partner */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnerId: string;
                partnerKind: "reseller" | "distributor" | "vendor";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookRequest"];
            };
        };
        responses: {
            /** @description The webhook with its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description another partner’s webhook, or a partner’s person who is not its org admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such partner */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not https, or the host is or resolves to a loopback, private, link-local or other non-public address */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnerId: string;
                partnerKind: "reseller" | "distributor" | "vendor";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a path parameter that is not valid percent-encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description another partner’s webhook, or a partner’s person who is not its org admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such partner or no webhook */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description validation failed; see errors */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too many requests for this key; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database is unreachable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description unexpected error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency cannot be reached, or no worker polls the task queue */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
}
