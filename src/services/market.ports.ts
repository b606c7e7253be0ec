import type { BillingPeriod, PlanInclusion } from '../domain/market/packaging';
import type { CapabilityLevel } from '../domain/market/matrix';
import type { TracedItemRecord } from './ports';

/** The market-research ports: competitors, the capability matrix, pricing plans and packaging. */

export interface CompetitorRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  website: string | null;
  /** Markdown: how they sell themselves and to whom. */
  positioning: string;
  notes: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type CompetitorPatch = Partial<Pick<CompetitorRecord, 'name' | 'website' | 'positioning' | 'notes'>>;

export interface CapabilityRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  description: string;
  /** Our epic or feature that delivers it, if any. */
  itemId: string | null;
  /** How far we cover it ourselves. */
  ourLevel: CapabilityLevel;
  /** Order of the matrix rows. */
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type CapabilityPatch = Partial<Pick<CapabilityRecord, 'name' | 'description' | 'itemId' | 'ourLevel' | 'position'>>;

export interface AssessmentRecord {
  workspaceId: string;
  capabilityId: string;
  competitorId: string;
  level: CapabilityLevel;
  note: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface PricingPlanRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  description: string;
  /** Integer minor units of the currency (cents); null for a price quoted per deal. */
  priceMinor: number | null;
  /** ISO 4217. */
  currency: string;
  billingPeriod: BillingPeriod;
  /** Order of the plans, cheapest first as a rule. */
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PricingPlanPatch = Partial<Pick<PricingPlanRecord, 'name' | 'description' | 'priceMinor' | 'currency' | 'billingPeriod' | 'position'>>;

export interface PlanFeatureRecord {
  workspaceId: string;
  planId: string;
  itemId: string;
  inclusion: PlanInclusion;
  note: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface MarketRepository {
  /** Fails with `name_taken` when the product has a competitor of that name, whatever its case. */
  insertCompetitor(competitor: CompetitorRecord): Promise<void>;
  findCompetitor(id: string): Promise<CompetitorRecord | null>;
  /** By name. */
  listCompetitors(workspaceId: string, productId: string): Promise<CompetitorRecord[]>;
  /** Null when the expected version is no longer current; `name_taken` on a duplicate name. */
  updateCompetitor(id: string, patch: CompetitorPatch, at: string, expectedVersion?: number): Promise<CompetitorRecord | null>;
  /** Its cells of the matrix go with it. */
  deleteCompetitor(id: string): Promise<void>;

  insertCapability(capability: CapabilityRecord): Promise<void>;
  findCapability(id: string): Promise<CapabilityRecord | null>;
  /** By position, then name. */
  listCapabilities(workspaceId: string, productId: string): Promise<CapabilityRecord[]>;
  /** The next free position at the end of the matrix. */
  nextCapabilityPosition(workspaceId: string, productId: string): Promise<number>;
  updateCapability(id: string, patch: CapabilityPatch, at: string, expectedVersion?: number): Promise<CapabilityRecord | null>;
  deleteCapability(id: string): Promise<void>;
  /** Sets a cell of the matrix (or replaces it). */
  upsertAssessment(assessment: AssessmentRecord): Promise<void>;
  /** Every assessed cell of the product's matrix. */
  listAssessments(workspaceId: string, productId: string): Promise<AssessmentRecord[]>;

  insertPlan(plan: PricingPlanRecord): Promise<void>;
  findPlan(id: string): Promise<PricingPlanRecord | null>;
  /** By position, then name. */
  listPlans(workspaceId: string, productId: string): Promise<PricingPlanRecord[]>;
  nextPlanPosition(workspaceId: string, productId: string): Promise<number>;
  updatePlan(id: string, patch: PricingPlanPatch, at: string, expectedVersion?: number): Promise<PricingPlanRecord | null>;
  deletePlan(id: string): Promise<void>;
  upsertPlanFeature(entry: PlanFeatureRecord): Promise<void>;
  /** False when the feature was not in the plan. */
  deletePlanFeature(planId: string, itemId: string): Promise<boolean>;
  /** Every feature in every plan of the product, items outside the trash only. */
  listPlanFeatures(workspaceId: string, productId: string): Promise<PlanFeatureRecord[]>;
  /** Items of the workspace by id, outside the trash, as the matrix and the grid name them. */
  tracedItems(workspaceId: string, ids: readonly string[]): Promise<TracedItemRecord[]>;
}
