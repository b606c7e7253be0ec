import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CustomFieldInputSchema, WorkflowStatusInputSchema } from '../../../contracts/workflow.schema';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Product } from '../../api/types';

export type WorkflowStatusInput = z.input<typeof WorkflowStatusInputSchema>;
export type CustomFieldInput = z.input<typeof CustomFieldInputSchema>;

const productPath = (product: Product, part: string) => `/products/${encodeURIComponent(product.id)}/${part}`;

/** The answer replaces the product in the switcher's list, which every page reads the workflow from. */
function useProductWrite<T>(workspaceId: string, write: (product: Product, body: T) => Promise<Product>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ product, body }: { product: Product; body: T }) => write(product, body),
    onSuccess: (product) => {
      client.setQueryData<Product[]>(queryKeys.products(workspaceId), (list) => list?.map((candidate) => (candidate.id === product.id && candidate.version <= product.version ? product : candidate)));
    },
  });
}

/** `PUT /products/{id}/workflow`: the whole workflow in board order, with If-Match. */
export function useReplaceWorkflow(workspaceId: string) {
  return useProductWrite<WorkflowStatusInput[]>(workspaceId, (product, statuses) =>
    request<Product>(productPath(product, 'workflow'), { method: 'PUT', body: { statuses }, ifMatch: product.version }),
  );
}

/** `PUT /products/{id}/custom-fields`: every custom field in display order, with If-Match. */
export function useReplaceCustomFields(workspaceId: string) {
  return useProductWrite<CustomFieldInput[]>(workspaceId, (product, fields) =>
    request<Product>(productPath(product, 'custom-fields'), { method: 'PUT', body: { fields }, ifMatch: product.version }),
  );
}

export interface ScoringCriterionInput {
  id?: string;
  name: string;
  weight: number;
}

/** `PUT /products/{id}/scoring-criteria`: the weighted score's criteria, with If-Match; stored weighted scores are recomputed. */
export function useReplaceScoringCriteria(workspaceId: string) {
  return useProductWrite<ScoringCriterionInput[]>(workspaceId, (product, criteria) =>
    request<Product>(productPath(product, 'scoring-criteria'), { method: 'PUT', body: { criteria }, ifMatch: product.version }),
  );
}
