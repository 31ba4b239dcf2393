import type { DepartmentId } from '../departments.ts';
import type { CategoryDefinition } from './category.ts';
import { catalogCategories } from './catalog/index.ts';

/**
 * Every category Beacon ingests: the 56 of the 17 departments (rain-gauge among meteorology's).
 * The server, the simulator, the API docs and the screens read this list.
 */
export const categoryList: readonly CategoryDefinition[] = catalogCategories;

export const categories: ReadonlyMap<string, CategoryDefinition> = new Map(categoryList.map((c) => [c.id, c]));

export function categoriesOf(department: DepartmentId): CategoryDefinition[] {
  return categoryList.filter((c) => c.department === department);
}
