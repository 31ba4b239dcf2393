import type { DepartmentId } from '../departments.ts';
import type { CategoryDefinition } from './category.ts';
import { rainGaugeCategory } from './rain-gauge.ts';

/** Every category Beacon ingests. The server, the simulator, the API docs and the screens read this list. */
export const categoryList: readonly CategoryDefinition[] = [rainGaugeCategory];

export const categories: ReadonlyMap<string, CategoryDefinition> = new Map(categoryList.map((c) => [c.id, c]));

export function categoriesOf(department: DepartmentId): CategoryDefinition[] {
  return categoryList.filter((c) => c.department === department);
}
