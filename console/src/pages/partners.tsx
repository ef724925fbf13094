import { useState } from 'preact/hooks';
import { listPartners } from '../api/partners';
import type { Distributor, Reseller } from '../api/types';
import { useSession } from '../session';
import { formatDateTime } from '../ui/format';
import { Page, Section } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { DistributorForm } from './distributor-form';
import { partnerTypeLabels, ResellerForm } from './reseller-form';

function Distributors({ distributors, onChanged }: { distributors: Distributor[]; onChanged(note: string): void }) {
  const [renaming, setRenaming] = useState<string | undefined>();
  return (
    <>
      {distributors.length === 0 ? (
        <EmptyState>No distributor yet.</EmptyState>
      ) : (
        <table class="data">
          <caption class="visually-hidden">Distributors</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {distributors.map((distributor) =>
              renaming === distributor.id ? (
                <tr key={distributor.id}>
                  <td colSpan={4}>
                    <DistributorForm
                      editing={distributor}
                      onSaved={(saved) => {
                        setRenaming(undefined);
                        onChanged(`Distributor ${saved.id} is now named ${saved.name}.`);
                      }}
                      onCancel={() => setRenaming(undefined)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={distributor.id}>
                  <th scope="row">{distributor.name}</th>
                  <td>
                    <code>{distributor.id}</code>
                  </td>
                  <td>{formatDateTime(distributor.createdAt)}</td>
                  <td>
                    <button type="button" onClick={() => setRenaming(distributor.id)}>
                      Rename<span class="visually-hidden"> {distributor.name}</span>
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <h3>Add a distributor</h3>
      <DistributorForm onSaved={(saved) => onChanged(`Distributor ${saved.name} was added.`)} />
    </>
  );
}

function Resellers(props: { resellers: Reseller[]; distributors: Distributor[]; onChanged(note: string): void }) {
  const { resellers, distributors, onChanged } = props;
  const [editing, setEditing] = useState<Reseller | undefined>();
  const nameOf = (id: string) => distributors.find((distributor) => distributor.id === id)?.name ?? id;
  return (
    <>
      {resellers.length === 0 ? (
        <EmptyState>No reseller yet.</EmptyState>
      ) : (
        <table class="data">
          <caption class="visually-hidden">Resellers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Partner type</th>
              <th scope="col">Buys through</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {resellers.map((reseller) => (
              <tr key={reseller.id}>
                <th scope="row">{reseller.name}</th>
                <td>
                  <code>{reseller.id}</code>
                </td>
                <td>{partnerTypeLabels[reseller.partnerType]}</td>
                <td>{reseller.distributorIds.map(nameOf).join(', ')}</td>
                <td>
                  <button type="button" onClick={() => setEditing(reseller)}>
                    Edit<span class="visually-hidden"> {reseller.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{editing ? `Edit ${editing.name}` : 'Add a reseller'}</h3>
      <ResellerForm
        // A fresh form per reseller: its fields start from that reseller.
        key={editing?.id ?? 'new'}
        distributors={distributors}
        editing={editing}
        onSaved={(saved) => {
          setEditing(undefined);
          onChanged(editing ? `Reseller ${saved.name} was saved.` : `Reseller ${saved.name} was added.`);
        }}
        onCancel={editing ? () => setEditing(undefined) : undefined}
      />
    </>
  );
}

/** The program's partners: distributors and the resellers that buy through them. */
export function PartnersPage() {
  const { csrf } = useSession();
  const partners = useApi((signal) => listPartners(csrf, signal), [csrf]);
  const [notice, setNotice] = useState<string | undefined>();
  const changed = (note: string) => {
    setNotice(note);
    partners.reload();
  };
  return (
    <Page title="Partners" lead="Distributors and resellers: who may register deals, and through whom.">
      <p class="state state-success" role="status" hidden={!notice}>
        {notice}
      </p>
      {partners.error ? (
        <ErrorState error={partners.error} what="the partners" onRetry={partners.reload} />
      ) : !partners.data ? (
        <Loading what="the partners" />
      ) : (
        <>
          <Section title="Distributors" id="distributors-title">
            <Distributors distributors={partners.data.distributors} onChanged={changed} />
          </Section>
          <Section title="Resellers" id="resellers-title">
            <Resellers
              resellers={partners.data.resellers}
              distributors={partners.data.distributors}
              onChanged={changed}
            />
          </Section>
        </>
      )}
    </Page>
  );
}
