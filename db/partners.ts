import { model, Schema } from 'mongoose';
import type { Actor } from '../domain/actor';
import type { PartnerType } from '../domain/registration';

/** Who created and last changed a partner (absent on partners stored before actors were recorded). */
export interface ChangedBy {
  createdBy?: Actor;
  updatedBy?: Actor;
  updatedAt?: Date;
}
const changedByFields = {
  createdBy: { type: { kind: String, id: String }, _id: false },
  updatedBy: { type: { kind: String, id: String }, _id: false },
  updatedAt: Date,
};

export interface DistributorDoc extends ChangedBy {
  _id: string;
  name: string;
  createdAt: Date;
}

export const Distributor = model<DistributorDoc>(
  'Distributor',
  new Schema<DistributorDoc>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      createdAt: { type: Date, required: true },
      ...changedByFields,
    },
    { versionKey: false },
  ),
  'distributors',
);

export interface ResellerDoc extends ChangedBy {
  _id: string;
  name: string;
  partnerType: PartnerType;
  distributorIds: string[];
  createdAt: Date;
}

export const Reseller = model<ResellerDoc>(
  'Reseller',
  new Schema<ResellerDoc>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      partnerType: { type: String, required: true },
      distributorIds: { type: [String], required: true },
      createdAt: { type: Date, required: true },
      ...changedByFields,
    },
    { versionKey: false },
  ),
  'resellers',
);

export interface WebhookDoc {
  /** `reseller:<id>`, `distributor:<id>`, or `vendor:channel-managers` for review reminders. */
  _id: string;
  url: string;
  /** Sealed (db/webhook-secrets.ts); a plain `whsec_…` is one stored before secrets were sealed. */
  secret: string;
  createdAt: Date;
}

export const Webhook = model<WebhookDoc>(
  'Webhook',
  new Schema<WebhookDoc>(
    {
      _id: { type: String, required: true },
      url: { type: String, required: true },
      secret: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'webhooks',
);

/** Who is notified: a partner, the vendor's channel managers (`vendor`), or a vendor seller (`seller`). */
export type PartnerRef = { kind: 'reseller' | 'distributor' | 'vendor' | 'seller'; id: string };
export const webhookId = (partner: PartnerRef) => `${partner.kind}:${partner.id}`;
