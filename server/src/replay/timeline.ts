import { csvFile, departments, isDepartmentId, type CsvCell, type KeyMoment, type ReplayWindow } from '@beacon/shared';

/** An after-action timeline (复盘): key moments with time, who and what, and the totals of the window. */
export interface Timeline {
  window: ReplayWindow;
  moments: KeyMoment[];
  totals: {
    warningsIssued: number;
    warningsLifted: number;
    incidentsOpened: number;
    incidentsClosed: number;
    teamsDispatched: number | null;
    peopleResettled: number | null;
    rainfallPeaks: { station: string; district: string; mm: number; at: number }[];
  };
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});
export const formatShanghai = (t: number): string => shanghai.format(new Date(t));

const who = (department: string): string => (isDepartmentId(department) ? departments[department].zh : department);

/** The timeline as a CSV file (shared `csvFile`: formula-guarded cells, a BOM for the Chinese text). */
export function timelineCsv(t: Timeline): string {
  const rows: CsvCell[][] = [['时间 (北京时间)', '类型', '部门', '内容', '序号']];
  for (const m of t.moments) rows.push([formatShanghai(m.at), m.kind, who(m.department), m.title.zh, m.seq]);
  rows.push([], ['合计', '', '', '', '']);
  rows.push(['发布预警', t.totals.warningsIssued], ['解除预警', t.totals.warningsLifted]);
  rows.push(['新发事件', t.totals.incidentsOpened], ['处置完毕事件', t.totals.incidentsClosed]);
  if (t.totals.teamsDispatched !== null) rows.push(['出动救援队伍', t.totals.teamsDispatched]);
  if (t.totals.peopleResettled !== null) rows.push(['转移安置人数', t.totals.peopleResettled]);
  for (const p of t.totals.rainfallPeaks) rows.push(['最大小时雨量', `${p.station}（${p.district}）`, p.mm, formatShanghai(p.at)]);
  return csvFile(rows);
}

function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A printable page: one table of moments, one of totals. */
export function timelineHtml(t: Timeline): string {
  const moments = t.moments
    .map((m) => `<tr><td>${esc(formatShanghai(m.at))}</td><td>${esc(who(m.department))}</td><td>${esc(m.title.zh)}</td></tr>`)
    .join('\n');
  const peaks = t.totals.rainfallPeaks
    .map((p) => `<tr><td>${esc(p.station)}</td><td>${esc(p.district)}</td><td>${esc(p.mm.toFixed(1))} 毫米</td><td>${esc(formatShanghai(p.at))}</td></tr>`)
    .join('\n');
  const optional = [
    t.totals.teamsDispatched !== null ? `<tr><th>出动救援队伍</th><td>${t.totals.teamsDispatched}</td></tr>` : '',
    t.totals.peopleResettled !== null ? `<tr><th>转移安置人数</th><td>${t.totals.peopleResettled}</td></tr>` : '',
  ].join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>复盘时间线 ${esc(formatShanghai(t.window.from))} – ${esc(formatShanghai(t.window.to))}</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:2cm;color:#111}
h1{font-size:20pt}table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #999;padding:4px 8px;text-align:left;font-size:11pt}
th{background:#eee}@media print{body{margin:1cm}}
</style></head><body>
<h1>厦门市应急指挥中心 · 复盘时间线</h1>
<p>时段：${esc(formatShanghai(t.window.from))} 至 ${esc(formatShanghai(t.window.to))}（北京时间）</p>
<h2>合计</h2>
<table><tr><th>发布预警</th><td>${t.totals.warningsIssued}</td></tr><tr><th>解除预警</th><td>${t.totals.warningsLifted}</td></tr>
<tr><th>新发事件</th><td>${t.totals.incidentsOpened}</td></tr><tr><th>处置完毕事件</th><td>${t.totals.incidentsClosed}</td></tr>${optional}</table>
<h2>最大小时雨量</h2>
<table><tr><th>站点</th><th>区</th><th>雨量</th><th>时间</th></tr>
${peaks}</table>
<h2>关键时刻（${t.moments.length}）</h2>
<table><tr><th>时间</th><th>部门</th><th>内容</th></tr>
${moments}</table>
</body></html>
`;
}
