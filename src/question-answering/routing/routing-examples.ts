import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../../data-files/load-data-file.js';

/**
 * The routes a message can take. Each has its labelled examples in knowledge/routing-examples.yaml;
 * the answer for each route is chosen in route-answer.ts.
 */
export const ROUTES = [
  'eligibility_check',
  'eligibility_rules',
  'dates',
  'funding',
  'application',
  'selection',
  'program',
  'hospitals_data',
  'privacy_rules',
  'pre_application',
  'staff_matching',
  'help',
  'thanks',
  'out_of_scope',
  'medical_advice',
  'injection',
] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTING_EXAMPLES_FILE = 'routing-examples.yaml';
/** Fewer than this and a route is a guess, not a class: the file is rejected. */
export const MIN_EXAMPLES_PER_ROUTE = 40;

const sectionRef = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'a section is named topic#section-id, e.g. schedule#deadline-2025');
const routeSchema = z.object({
  description: z.string().min(1),
  topics: z.array(z.string().min(1)).default([]),
  computed_when_top: z.array(sectionRef).default([]),
  fixed_section: sectionRef.optional(),
  examples: z.array(z.string().trim().min(1)).min(MIN_EXAMPLES_PER_ROUTE),
});
export type RouteSettings = z.output<typeof routeSchema>;
const fileSchema = z.object({
  routes: z.object(Object.fromEntries(ROUTES.map((route) => [route, routeSchema])) as Record<Route, typeof routeSchema>).strict(),
});

export interface LabelledExample {
  route: Route;
  text: string;
}

export interface RoutingData {
  examples: LabelledExample[];
  settings: Record<Route, RouteSettings>;
}

const BUNDLED = fileURLToPath(new URL(`../../../knowledge/${ROUTING_EXAMPLES_FILE}`, import.meta.url));

/**
 * The examples of `knowledgeDir`, or the bundled ones when that folder has none (a test's small
 * knowledge folder still routes like the real one).
 */
export function loadRoutingData(knowledgeDir: string): RoutingData {
  const own = join(knowledgeDir, ROUTING_EXAMPLES_FILE);
  const file = existsSync(own) ? own : BUNDLED;
  const parsed = loadDataFile(file, fileSchema, `list every route (${ROUTES.join(', ')}) with a description and at least ${MIN_EXAMPLES_PER_ROUTE} examples`);
  return {
    examples: ROUTES.flatMap((route) => parsed.routes[route].examples.map((text) => ({ route, text }))),
    settings: parsed.routes as Record<Route, RouteSettings>,
  };
}
