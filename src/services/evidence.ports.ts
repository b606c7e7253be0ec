import type { INSIGHT_IMPORTANCES, INSIGHT_KINDS, INSIGHT_SOURCES } from '../contracts/vocabulary';
import type { CountedDemand, EvidenceRow } from '../domain/evidence/evidence';
import type { TracedItemRecord } from './ports';

/** The customer evidence's ports: segments, customers and personas; insights and their links to items. */

export interface SegmentRecord {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type SegmentPatch = Partial<Pick<SegmentRecord, 'name' | 'description'>>;

export interface CustomerRecord {
  id: string;
  workspaceId: string;
  name: string;
  segmentId: string | null;
  plan: string;
  /** Whole currency units a year; null when unknown. */
  annualRevenue: number | null;
  notes: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type CustomerPatch = Partial<Pick<CustomerRecord, 'name' | 'segmentId' | 'plan' | 'annualRevenue' | 'notes'>>;

export interface CustomerCursor {
  name: string;
  id: string;
}

export interface PersonaRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  description: string;
  goals: string;
  pains: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type PersonaPatch = Partial<Pick<PersonaRecord, 'name' | 'description' | 'goals' | 'pains'>>;

export interface CustomerRepository {
  insertSegment(segment: SegmentRecord): Promise<void>;
  findSegment(id: string): Promise<SegmentRecord | null>;
  /** By name. */
  listSegments(workspaceId: string): Promise<SegmentRecord[]>;
  updateSegment(id: string, patch: SegmentPatch, at: string, expectedVersion?: number): Promise<SegmentRecord | null>;
  deleteSegment(id: string): Promise<void>;

  insertCustomer(customer: CustomerRecord): Promise<void>;
  findCustomer(id: string): Promise<CustomerRecord | null>;
  findCustomers(workspaceId: string, ids: readonly string[]): Promise<CustomerRecord[]>;
  /** By name; `words` must each appear in the name, case-insensitive. */
  listCustomers(workspaceId: string, options: { limit: number; after?: CustomerCursor; words?: string[]; segmentId?: string }): Promise<CustomerRecord[]>;
  /** Customers whose names match, ignoring case. */
  customersNamed(workspaceId: string, names: readonly string[]): Promise<CustomerRecord[]>;
  updateCustomer(id: string, patch: CustomerPatch, at: string, expectedVersion?: number): Promise<CustomerRecord | null>;
  deleteCustomer(id: string): Promise<void>;
  /** How many insights each customer gave, across products. */
  insightCounts(workspaceId: string, customerIds: readonly string[]): Promise<Map<string, number>>;

  insertPersona(persona: PersonaRecord): Promise<void>;
  findPersona(id: string): Promise<PersonaRecord | null>;
  /** By name. */
  listPersonas(workspaceId: string, productId: string): Promise<PersonaRecord[]>;
  updatePersona(id: string, patch: PersonaPatch, at: string, expectedVersion?: number): Promise<PersonaRecord | null>;
  /** Bumps the version, for changes to its items only. */
  touchPersona(id: string, at: string): Promise<void>;
  deletePersona(id: string): Promise<void>;
  /** The items serving each persona, outside the trash, by number. */
  personaItems(workspaceId: string, personaIds: readonly string[]): Promise<Array<TracedItemRecord & { personaId: string }>>;
  setPersonaItems(workspaceId: string, personaId: string, itemIds: readonly string[]): Promise<void>;
}

export interface InsightRecord {
  id: string;
  workspaceId: string;
  productId: string;
  kind: (typeof INSIGHT_KINDS)[number];
  text: string;
  source: (typeof INSIGHT_SOURCES)[number];
  observedOn: string;
  customerId: string | null;
  url: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type InsightPatch = Partial<Pick<InsightRecord, 'kind' | 'text' | 'source' | 'observedOn' | 'customerId' | 'url'>>;

export interface InsightCursor {
  createdAt: string;
  id: string;
}

export interface InsightLinkRecord {
  insightId: string;
  itemId: string;
  workspaceId: string;
  passage: string | null;
  importance: (typeof INSIGHT_IMPORTANCES)[number];
  createdBy: string | null;
  createdAt: string;
}

export interface InsightFilter {
  words?: string[];
  source?: InsightRecord['source'];
  customerId?: string;
  /** Only insights linked to an item (true) or to none yet (false, the triage inbox). */
  linked?: boolean;
  /** Only insights linked to this item. */
  itemId?: string;
}

export interface InsightRepository {
  insert(insight: InsightRecord): Promise<void>;
  findById(id: string): Promise<InsightRecord | null>;
  /** Newest first. */
  list(workspaceId: string, productId: string, options: InsightFilter & { limit: number; after?: InsightCursor }): Promise<InsightRecord[]>;
  update(id: string, patch: InsightPatch, at: string, expectedVersion?: number): Promise<InsightRecord | null>;
  /** Bumps the version, for changes to its links only. */
  touch(id: string, at: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** The links of these insights to items outside the trash, by item number. */
  links(workspaceId: string, insightIds: readonly string[]): Promise<Array<InsightLinkRecord & { item: TracedItemRecord }>>;
  /** Adds the link, or changes its passage and importance. */
  saveLink(link: InsightLinkRecord): Promise<void>;
  /** False when there was none. */
  removeLink(insightId: string, itemId: string): Promise<boolean>;
  /** What the item's evidence is rolled up from: one row per linked insight. */
  evidenceRows(workspaceId: string, itemId: string): Promise<EvidenceRow[]>;
  /**
   * Every item of a product with evidence, its demand counted as `rollUpEvidence`
   * counts it (each insight once, each customer and their revenue once), without
   * the segments: one row per item rather than one per link.
   */
  productDemand(workspaceId: string, productId: string): Promise<Array<CountedDemand & { itemId: string }>>;
}
