import { registrationForm } from '../api/portal';
import { Link } from '../router';
import { useSession } from '../session';
import { Page } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';

/** A distributor's affiliated resellers: those it may register deals for. */
export function ResellersPage() {
  const { csrf } = useSession();
  const form = useApi((signal) => registrationForm(csrf, signal), [csrf]);
  const resellers = form.data?.resellers ?? [];
  return (
    <Page title="Our resellers" lead="The resellers that buy through you; register a deal on a reseller's behalf.">
      {form.error ? (
        <ErrorState error={form.error} what="your resellers" onRetry={form.reload} />
      ) : !form.data ? (
        <Loading what="your resellers" />
      ) : resellers.length === 0 ? (
        <EmptyState>No reseller buys through you yet.</EmptyState>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Resellers that buy through you</caption>
            <thead>
              <tr>
                <th scope="col">Reseller</th>
                <th scope="col">Partner type</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {resellers.map((reseller) => (
                <tr key={reseller.id}>
                  <th scope="row">
                    {reseller.name} <span class="muted small">({reseller.id})</span>
                  </th>
                  <td>{reseller.partnerType}</td>
                  <td>
                    <Link to={`/register?reseller=${encodeURIComponent(reseller.id)}`}>
                      Register a deal for {reseller.name}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
