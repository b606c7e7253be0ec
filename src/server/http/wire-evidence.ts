import type { Customer, Evidence, Insight, Persona, Segment } from '../../contracts/evidence.schema';
import type { SegmentRecord } from '../../services/evidence.ports';
import type { CustomerView, PersonaView } from '../../services/customer.service';
import type { EvidenceView, InsightView } from '../../services/insight.service';
import type { TracedItemRecord } from '../../services/ports';
import { toTracedItem } from './wire';

/** Mappers from the customer evidence's records to their wire shapes. */

export const toSegment = (segment: SegmentRecord): Segment => ({
  id: segment.id,
  workspaceId: segment.workspaceId,
  name: segment.name,
  description: segment.description,
  version: segment.version,
  createdAt: segment.createdAt,
  updatedAt: segment.updatedAt,
});

export const toCustomer = (customer: CustomerView): Customer => ({
  id: customer.id,
  workspaceId: customer.workspaceId,
  name: customer.name,
  segmentId: customer.segmentId,
  plan: customer.plan,
  annualRevenue: customer.annualRevenue,
  notes: customer.notes,
  insights: customer.insights,
  version: customer.version,
  createdAt: customer.createdAt,
  updatedAt: customer.updatedAt,
});

export const toPersona = (persona: PersonaView): Persona => ({
  id: persona.id,
  workspaceId: persona.workspaceId,
  productId: persona.productId,
  name: persona.name,
  description: persona.description,
  goals: persona.goals,
  pains: persona.pains,
  items: persona.items.map((item) => toTracedItem(persona.productKey, item)),
  version: persona.version,
  createdAt: persona.createdAt,
  updatedAt: persona.updatedAt,
});

export const toInsight = (insight: InsightView): Insight => ({
  id: insight.id,
  workspaceId: insight.workspaceId,
  productId: insight.productId,
  kind: insight.kind,
  text: insight.text,
  source: insight.source,
  observedOn: insight.observedOn,
  customer: insight.customer,
  url: insight.url,
  createdBy: insight.createdBy,
  links: insight.links.map((link) => ({
    item: toTracedItem(insight.productKey, link.item),
    passage: link.passage,
    passageStart: link.passageStart,
    importance: link.importance,
    createdBy: link.createdBy,
    createdAt: link.createdAt,
  })),
  version: insight.version,
  createdAt: insight.createdAt,
  updatedAt: insight.updatedAt,
});

export const toEvidence = (productKey: string, item: TracedItemRecord, evidence: EvidenceView): Evidence => ({
  item: toTracedItem(productKey, item),
  insights: evidence.insights,
  customers: evidence.customers,
  revenue: evidence.revenue,
  bySegment: evidence.bySegment,
  byImportance: evidence.byImportance,
  suggestedReach: evidence.suggestedReach,
  riceReach: evidence.riceReach,
});
