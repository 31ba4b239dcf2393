/** 教育局: classes suspended for the storm, schools opened as shelters. */
import { near, type Place } from './places.ts';
import { type Generators, type Moment, type Rec } from './scenario.ts';
import { schoolShelters, siteRecord } from './sites.ts';

const schools: readonly (Place & { schoolId: string; name: string; stage: string; students: number })[] = [
  { schoolId: 'SCH-SM-0012', name: '厦门第一中学', stage: 'high', students: 3600, ...near('SM03', 0.003, 0.003) },
  { schoolId: 'SCH-SM-0020', name: '厦门双十中学', stage: 'high', students: 4200, ...near('SM05', 0.003, -0.003) },
  { schoolId: 'SCH-HL-0031', name: '湖里实验中学', stage: 'middle', students: 2100, ...near('HL01', 0.003, 0.002) },
  { schoolId: 'SCH-JM-0004', name: '集美中学', stage: 'high', students: 3000, ...near('JM03', -0.004, -0.006) },
  { schoolId: 'SCH-HC-0015', name: '海沧实验小学', stage: 'primary', students: 1800, ...near('HC01', -0.003, 0.003) },
  { schoolId: 'SCH-TA-0001', name: '同安第一中学', stage: 'high', students: 3300, ...near('TA02', 0.004, 0.003) },
  { schoolId: 'SCH-XA-0003', name: '翔安第一中学', stage: 'high', students: 2800, ...near('XA02', -0.004, 0.005) },
  { schoolId: 'SCH-XA-0040', name: '厦门大学翔安校区', stage: 'university', students: 20000, ...near('XA03', 0.004, -0.006) },
  { schoolId: 'SCH-TA-0052', name: '汀溪中心幼儿园', stage: 'kindergarten', students: 260, ...near('TA04', 0.002, 0.002) },
];

/** The bureau suspends classes from the evening before landfall until the day after (a full day in the storm). */
function schoolClosures(m: Moment): Rec[] {
  const closed = m.hour >= -16 && m.hour < 22;
  return schools.map((s) => ({ ...s, observedAt: m.nowIso, status: closed ? 'closed' : 'open' }));
}

export const educationGenerators: Generators = {
  'school-closure': schoolClosures,
  'school-shelter': (m) => schoolShelters.map((s) => siteRecord('schoolId', s, m.hour, m.nowIso)),
};
