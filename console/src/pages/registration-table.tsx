import type { Registration } from '../api/types';
import { Link } from '../router';
import { formatDateTime, formatMoney, words } from '../ui/format';
import { StatusBadge } from '../ui/status';

export function RegistrationTable({ registrations }: { registrations: Registration[] }) {
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">Registrations, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Status</th>
            <th scope="col">Opportunity</th>
            <th scope="col">Value</th>
            <th scope="col">Partner</th>
            <th scope="col">Distributor</th>
            <th scope="col">Sequence</th>
            <th scope="col">Submitted</th>
          </tr>
        </thead>
        <tbody>
          {registrations.map((registration) => (
            <tr key={registration.id}>
              <th scope="row">
                <Link to={`/registrations/${registration.id}`}>{registration.customer.name}</Link>
                <div class="muted small">{registration.id}</div>
              </th>
              <td>
                <StatusBadge status={registration.status} />
                {registration.reasonCode ? <div class="muted small">{words(registration.reasonCode)}</div> : null}
              </td>
              <td>{registration.opportunity.title}</td>
              <td>{formatMoney(registration.opportunity.estimatedValue)}</td>
              <td>{registration.direct ? `Direct (seller ${registration.sellerId})` : registration.resellerId}</td>
              <td>{registration.distributorId ?? '—'}</td>
              <td>{registration.sequence}</td>
              <td>{formatDateTime(registration.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
