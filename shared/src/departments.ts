import type { LocalName } from './region/types.ts';

/** The 17 departments that feed the command hall (../shared/DESIGN.md). */
export const departments = {
  emergency: { zh: '应急管理局', en: 'Emergency Management' },
  meteorology: { zh: '气象局', en: 'Meteorology' },
  water: { zh: '水利局', en: 'Water Resources' },
  geology: { zh: '自然资源和规划局', en: 'Natural Resources (Geology)' },
  ocean: { zh: '海洋发展局', en: 'Ocean' },
  police: { zh: '公安局', en: 'Public Security' },
  fire: { zh: '消防救援支队', en: 'Fire and Rescue' },
  health: { zh: '卫生健康委', en: 'Health' },
  transport: { zh: '交通运输局', en: 'Transport' },
  construction: { zh: '建设局', en: 'Construction' },
  civilAffairs: { zh: '民政局', en: 'Civil Affairs' },
  education: { zh: '教育局', en: 'Education' },
  municipal: { zh: '市政园林局', en: 'Municipal Works' },
  power: { zh: '供电公司', en: 'Power Grid' },
  telecom: { zh: '通信管理局', en: 'Telecom' },
  earthquake: { zh: '地震局', en: 'Earthquake' },
  population: { zh: '大数据/运营商', en: 'Population Data' },
} as const satisfies Record<string, LocalName>;

export type DepartmentId = keyof typeof departments;

export const departmentIds = Object.keys(departments) as DepartmentId[];

export function isDepartmentId(value: string): value is DepartmentId {
  return Object.hasOwn(departments, value);
}
