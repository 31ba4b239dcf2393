import type { CommsLink, ResponseLevel, Role } from '@beacon/shared';
import { adminEn, adminZh, type AdminMessages } from './admin-messages.ts';
import { figuresEn, figuresZh, type FiguresMessages } from './figures-messages.ts';

/** The duty officer's console and the leader's tablet (/console). */
export interface ConsoleMessages {
  title: string;
  role: Record<Role, string>;
  switchLanguage: string;
  connection: Record<'connecting' | 'connected' | 'disconnected', string>;
  tabs: { situation: string; audit: string; admin: string };
  city: string;
  back: string;
  /** Breadcrumb trail label for screen readers. */
  trail: string;
  districtsTitle: string;
  subdistrictsTitle: string;
  incidentsTitle: string;
  teamsTitle: string;
  sheltersTitle: string;
  noIncidents: string;
  noTeams: string;
  noShelters: string;
  risk: (grade: string, score: string) => string;
  /** Below the blue mark: no colour to name. */
  riskLow: (score: string) => string;
  riskUnknown: string;
  openIncidents: (n: number) => string;
  teamsCount: (n: number) => string;
  sheltersLine: (occupancy: number, capacity: number) => string;
  shelterStatus: Record<'open' | 'full' | 'closed', string>;
  teamTier: Record<'comprehensive' | 'professional' | 'social' | 'village', string>;
  members: (n: number) => string;
  incidentKind: Record<string, string>;
  field: { kind: string; severity: string; status: string; place: string; reported: string; trapped: string; casualties: string; reportedBy: string };
  acknowledgedBy: (name: string, time: string) => string;
  notAcknowledged: string;
  assignedTitle: string;
  noneAssigned: string;
  assignedSince: (time: string, how: string) => string;
  byCommand: string;
  byTerminal: string;
  candidatesTitle: string;
  noCandidates: string;
  distance: (km: string, minutes: string | null) => string;
  committedTo: (incident: string) => string;
  postTitle: string;
  noPost: string;
  // Commands
  putOnWall: string;
  onWallNow: string;
  /** After-action review in the hall: the last hour replayed on the wall. */
  replayOnWall: string;
  backToLive: string;
  wallLayers: string;
  wallReplaying: (from: string, speed: number) => string;
  wallTitle: string;
  /** e.g. "集美区 · 李值班 14:05:09 投屏". */
  wallShows: (view: string, by: string, time: string) => string;
  wallDefault: string;
  responseTitle: string;
  responseSince: (by: string, time: string) => string;
  setLevel: (level: string) => string;
  endResponse: string;
  raise: string;
  lower: string;
  orderPost: string;
  mark: string;
  dispatch: string;
  release: string;
  acknowledge: string;
  readOnly: string;
  commandNotForRole: (role: string) => string;
  confirmTitle: string;
  reasonLabel: string;
  reasonNeeded: string;
  linkQuestion: string;
  link: Record<CommsLink, string>;
  confirm: string;
  cancel: string;
  sending: string;
  retrying: (attempt: number) => string;
  accepted: (what: string) => string;
  summary: {
    responseSet: (level: ResponseLevel | null) => string;
    postOrder: (postId: string, incident: string) => string;
    milestone: (label: string, postId: string) => string;
    dispatch: (team: string, incident: string) => string;
    release: (team: string) => string;
    acknowledge: (incident: string) => string;
    wallFocus: (view: string) => string;
    wallReplay: (from: string, speed: number) => string;
    wallLive: string;
    wallLayers: (hidden: string) => string;
  };
  defaultReason: {
    responseSet: (level: ResponseLevel | null) => string;
    postOrder: (incident: string) => string;
    milestone: (label: string) => string;
    dispatch: (team: string, incident: string) => string;
    release: (team: string) => string;
    acknowledge: (incident: string) => string;
    wallFocus: (view: string) => string;
    wallReplay: string;
    wallLive: string;
    wallLayers: string;
  };
  refusal: {
    teamCommitted: (incident: string, since: string) => string;
    alreadyHere: string;
    postExists: (postId: string) => string;
    incidentClosed: string;
    noChange: string;
    alreadyMarked: (by: string, time: string) => string;
    alreadyAcknowledged: (by: string, time: string) => string;
    notDispatched: string;
  };
  audit: {
    title: string;
    from: string;
    to: string;
    actor: string;
    actorPlaceholder: string;
    action: string;
    outcome: string;
    families: Record<string, string>;
    outcomes: Record<'' | 'ok' | 'refused' | 'failed', string>;
    search: string;
    exportCsv: string;
    columns: { at: string; actor: string; action: string; target: string; outcome: string; reason: string };
    empty: string;
    loading: string;
    count: (n: number) => string;
  };
  /** The admin section (admin-messages.ts). */
  admin: AdminMessages;
  /** The one-map on the console (console/ConsoleMap.vue): the wall's layers, tap to drill down. */
  map: { title: string; hint: string; open: (what: string) => string };
  /** Defence figures, calls and reports at each drill level (figures-messages.ts). */
  figures: FiguresMessages;
}

const levelZh = (l: ResponseLevel | null) => (l ? `${{ I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' }[l]}级应急响应` : '终止应急响应');
const levelEn = (l: ResponseLevel | null) => (l ? `level ${l} emergency response` : 'end the emergency response');

export const consoleZh: ConsoleMessages = {
  title: '指挥控制台',
  role: { wall: '大屏', duty: '值班员', commander: '指挥长', department: '部门系统', admin: '管理员' },
  switchLanguage: 'English',
  connection: { connecting: '正在连接', connected: '实时', disconnected: '连接中断' },
  tabs: { situation: '态势', audit: '审计', admin: '管理' },
  city: '全市',
  back: '返回上级',
  trail: '当前位置',
  districtsTitle: '各区态势',
  subdistrictsTitle: '街道 / 镇',
  incidentsTitle: '突发事件',
  teamsTitle: '救援队伍',
  sheltersTitle: '避灾点',
  noIncidents: '暂无未结事件',
  noTeams: '暂无救援队伍',
  noShelters: '暂无避灾点',
  risk: (grade, score) => `${grade}色风险 ${score}`,
  riskLow: (score) => `低风险 ${score}`,
  riskUnknown: '风险评估中',
  openIncidents: (n) => `事件 ${n}`,
  teamsCount: (n) => `队伍 ${n}`,
  sheltersLine: (occ, cap) => `安置 ${occ} / ${cap} 人`,
  shelterStatus: { open: '开放', full: '已满', closed: '关闭' },
  teamTier: { comprehensive: '综合', professional: '专业', social: '社会', village: '村(社区)' },
  members: (n) => `${n} 人`,
  incidentKind: {
    flood: '洪水', waterlogging: '内涝', landslide: '山体滑坡', collapse: '坍塌', fire: '火灾', traffic: '交通事故',
    hazmat: '危化品', marine: '海上险情', rescue: '救援', other: '其他',
  },
  field: { kind: '类型', severity: '等级', status: '状态', place: '位置', reported: '接报', trapped: '被困', casualties: '伤亡', reportedBy: '报告方' },
  acknowledgedBy: (name, time) => `${name} 于 ${time} 确认接报`,
  notAcknowledged: '尚未确认接报',
  assignedTitle: '已派队伍',
  noneAssigned: '尚未派出队伍',
  assignedSince: (time, how) => `${time} 起 · ${how}`,
  byCommand: '指令派出',
  byTerminal: '队伍终端上报',
  candidatesTitle: '可派队伍（由近及远）',
  noCandidates: '附近暂无队伍',
  distance: (km, min) => (min ? `${km} 公里 · 约 ${min} 分钟` : `${km} 公里`),
  committedTo: (incident) => `已派往 ${incident}`,
  postTitle: '前方指挥部',
  noPost: '尚未下令搭建前方指挥部',
  putOnWall: '投屏',
  onWallNow: '大屏正在显示',
  replayOnWall: '大屏回放最近 1 小时（60×）',
  backToLive: '大屏恢复实时',
  wallLayers: '大屏图层（点按显示/隐藏）',
  wallReplaying: (from, speed) => `大屏正在回放 ${from} 起（${speed}×）`,
  wallTitle: '大屏当前显示',
  wallShows: (view, by, time) => `${view} · ${by} ${time} 投屏`,
  wallDefault: '全市（默认画面）',
  responseTitle: '应急响应',
  responseSince: (by, time) => `${by} ${time} 决定`,
  setLevel: (level) => `${level}级`,
  endResponse: '终止响应',
  raise: '提升',
  lower: '降低',
  orderPost: '下令搭建前方指挥部',
  mark: '标记完成',
  dispatch: '派出',
  release: '撤回',
  acknowledge: '确认接报',
  readOnly: '管理员账号在此只读：可查看态势和审计记录，不能下达指令；用户、大屏授权和部门密钥在“管理”页',
  commandNotForRole: (role) => `${role}无权执行此操作`,
  confirmTitle: '确认指令',
  reasonLabel: '事由（记入审计，可修改）',
  reasonNeeded: '请填写事由',
  linkQuestion: '通信方式',
  link: { satellite: '卫星', '4g': '4G' },
  confirm: '确认执行',
  cancel: '取消',
  sending: '正在发送…',
  retrying: (n) => `网络中断，正在第 ${n} 次重试（同一指令不会重复执行）…`,
  accepted: (what) => `已执行：${what}`,
  summary: {
    responseSet: (l) => (l ? `启动${levelZh(l)}` : levelZh(null)),
    postOrder: (postId, incident) => `为「${incident}」下令搭建前方指挥部 ${postId}，30 分钟计时开始`,
    milestone: (label, postId) => `前方指挥部 ${postId}：${label}`,
    dispatch: (team, incident) => `派 ${team} 前往「${incident}」`,
    release: (team) => `撤回 ${team}`,
    acknowledge: (incident) => `确认接报「${incident}」`,
    wallFocus: (view) => `大屏切换至「${view}」`,
    wallReplay: (from, speed) => `大屏回放 ${from} 起的态势（${speed}×）`,
    wallLive: '大屏恢复实时态势',
    wallLayers: (hidden) => (hidden ? `大屏隐藏图层：${hidden}` : '大屏显示全部图层'),
  },
  defaultReason: {
    responseSet: (l) => (l ? `根据台风和雨情研判，启动${levelZh(l)}` : '险情解除，终止应急响应'),
    postOrder: (incident) => `${incident}，按预案 30 分钟内搭建前方指挥部`,
    milestone: (label) => `前方报告：${label}`,
    dispatch: (team, incident) => `派${team}赴${incident}处置`,
    release: (team) => `${team}任务完成，撤回待命`,
    acknowledge: (incident) => `已接报：${incident}`,
    wallFocus: (view) => `指挥大屏切换至${view}`,
    wallReplay: '会商复盘：在指挥大屏回放',
    wallLive: '复盘结束，大屏恢复实时',
    wallLayers: '调整大屏图层，突出重点',
  },
  refusal: {
    teamCommitted: (incident, since) => `已派往「${incident}」（${since} 起），需先撤回`,
    alreadyHere: '已在本事件',
    postExists: (postId) => `已有前方指挥部 ${postId}`,
    incidentClosed: '事件已办结',
    noChange: '已是当前级别',
    alreadyMarked: (by, time) => `已由 ${by} 于 ${time} 标记`,
    alreadyAcknowledged: (by, time) => `已由 ${by} 于 ${time} 确认`,
    notDispatched: '该队伍不是由指令派出的',
  },
  audit: {
    title: '审计记录',
    from: '开始时间',
    to: '结束时间',
    actor: '操作人',
    actorPlaceholder: '姓名或账号 ID',
    action: '操作类别',
    outcome: '结果',
    families: {
      '': '全部', 'response.': '应急响应', 'post.': '前方指挥部', 'team.': '队伍调度', 'incident.': '事件接报', 'wall.': '投屏', 'auth.': '登录', 'admin.': '管理',
    },
    outcomes: { '': '全部', ok: '成功', refused: '被拒绝', failed: '失败' },
    search: '查询',
    exportCsv: '导出 CSV',
    columns: { at: '时间', actor: '操作人', action: '操作', target: '对象', outcome: '结果', reason: '事由' },
    empty: '没有符合条件的记录',
    loading: '正在查询…',
    count: (n) => `共 ${n} 条`,
  },
  admin: adminZh,
  map: { title: '一张图', hint: '点按区、街道或事件进入', open: (what) => `进入：${what}` },
  figures: figuresZh,
};

export const consoleEn: ConsoleMessages = {
  title: 'Command console',
  role: { wall: 'Wall', duty: 'Duty officer', commander: 'Commander', department: 'Department', admin: 'Admin' },
  switchLanguage: '中文',
  connection: { connecting: 'Connecting', connected: 'Live', disconnected: 'Disconnected' },
  tabs: { situation: 'Situation', audit: 'Audit', admin: 'Admin' },
  city: 'Whole city',
  back: 'Back',
  trail: 'You are here',
  districtsTitle: 'Districts',
  subdistrictsTitle: 'Subdistricts / towns',
  incidentsTitle: 'Incidents',
  teamsTitle: 'Rescue teams',
  sheltersTitle: 'Shelters',
  noIncidents: 'No open incidents',
  noTeams: 'No rescue teams',
  noShelters: 'No shelters',
  risk: (grade, score) => `${grade} risk ${score}`,
  riskLow: (score) => `Low risk ${score}`,
  riskUnknown: 'Assessing risk',
  openIncidents: (n) => `${n} incident${n === 1 ? '' : 's'}`,
  teamsCount: (n) => `${n} team${n === 1 ? '' : 's'}`,
  sheltersLine: (occ, cap) => `${occ} / ${cap} sheltered`,
  shelterStatus: { open: 'Open', full: 'Full', closed: 'Closed' },
  teamTier: { comprehensive: 'Comprehensive', professional: 'Professional', social: 'Social', village: 'Village' },
  members: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
  incidentKind: {
    flood: 'Flood', waterlogging: 'Waterlogging', landslide: 'Landslide', collapse: 'Collapse', fire: 'Fire', traffic: 'Traffic',
    hazmat: 'Hazmat', marine: 'Marine', rescue: 'Rescue', other: 'Other',
  },
  field: { kind: 'Kind', severity: 'Severity', status: 'Status', place: 'Place', reported: 'Reported', trapped: 'Trapped', casualties: 'Casualties', reportedBy: 'Reported by' },
  acknowledgedBy: (name, time) => `Acknowledged by ${name} at ${time}`,
  notAcknowledged: 'Not acknowledged yet',
  assignedTitle: 'Assigned teams',
  noneAssigned: 'No team assigned yet',
  assignedSince: (time, how) => `since ${time} · ${how}`,
  byCommand: 'by command',
  byTerminal: 'team terminal',
  candidatesTitle: 'Teams to dispatch (nearest first)',
  noCandidates: 'No team nearby',
  distance: (km, min) => (min ? `${km} km · ~${min} min` : `${km} km`),
  committedTo: (incident) => `committed to ${incident}`,
  postTitle: 'Forward command post',
  noPost: 'No forward command post ordered',
  putOnWall: 'Put on wall',
  onWallNow: 'On the wall now',
  replayOnWall: 'Replay the last hour on the wall (60×)',
  backToLive: 'Wall back to live',
  wallLayers: 'Wall map layers (tap to show or hide)',
  wallReplaying: (from, speed) => `The wall replays from ${from} (${speed}×)`,
  wallTitle: 'The wall shows',
  wallShows: (view, by, time) => `${view} · by ${by} at ${time}`,
  wallDefault: 'Whole city (the default view)',
  responseTitle: 'Emergency response',
  responseSince: (by, time) => `decided by ${by} at ${time}`,
  setLevel: (level) => `Level ${level}`,
  endResponse: 'End response',
  raise: 'Raise',
  lower: 'Lower',
  orderPost: 'Order forward post',
  mark: 'Mark done',
  dispatch: 'Dispatch',
  release: 'Release',
  acknowledge: 'Acknowledge',
  readOnly: 'Admin accounts are read-only here: view the situation and the audit trail, no commands; users, wall tokens and department keys are under Admin',
  commandNotForRole: (role) => `The ${role} role may not do this`,
  confirmTitle: 'Confirm command',
  reasonLabel: 'Reason (kept in the audit trail; edit it)',
  reasonNeeded: 'Give a reason',
  linkQuestion: 'Linked by',
  link: { satellite: 'Satellite', '4g': '4G' },
  confirm: 'Confirm',
  cancel: 'Cancel',
  sending: 'Sending…',
  retrying: (n) => `Network down, retry ${n} (the same command never runs twice)…`,
  accepted: (what) => `Done: ${what}`,
  summary: {
    responseSet: (l) => (l ? `Start ${levelEn(l)}` : 'End the emergency response'),
    postOrder: (postId, incident) => `Order forward post ${postId} for "${incident}"; the 30-minute clock starts`,
    milestone: (label, postId) => `Forward post ${postId}: ${label}`,
    dispatch: (team, incident) => `Dispatch ${team} to "${incident}"`,
    release: (team) => `Release ${team}`,
    acknowledge: (incident) => `Acknowledge "${incident}"`,
    wallFocus: (view) => `Put "${view}" on the wall`,
    wallReplay: (from, speed) => `Replay from ${from} on the wall (${speed}×)`,
    wallLive: 'Wall back to live',
    wallLayers: (hidden) => (hidden ? `Hide on the wall: ${hidden}` : 'Show every layer on the wall'),
  },
  defaultReason: {
    responseSet: (l) => (l ? `Typhoon and rainfall assessment: start ${levelEn(l)}` : 'Danger over: end the emergency response'),
    postOrder: (incident) => `${incident}: forward post within 30 minutes as planned`,
    milestone: (label) => `Field report: ${label}`,
    dispatch: (team, incident) => `Send ${team} to ${incident}`,
    release: (team) => `${team} finished, back to standby`,
    acknowledge: (incident) => `Received: ${incident}`,
    wallFocus: (view) => `Wall to ${view}`,
    wallReplay: 'Review in the hall: replay on the wall',
    wallLive: 'Review over: wall back to live',
    wallLayers: 'Adjust the wall map to what matters now',
  },
  refusal: {
    teamCommitted: (incident, since) => `Committed to "${incident}" since ${since}; release it first`,
    alreadyHere: 'Already at this incident',
    postExists: (postId) => `Forward post ${postId} exists`,
    incidentClosed: 'The incident is closed',
    noChange: 'Already the current level',
    alreadyMarked: (by, time) => `Marked by ${by} at ${time}`,
    alreadyAcknowledged: (by, time) => `Acknowledged by ${by} at ${time}`,
    notDispatched: 'This team was not dispatched by command',
  },
  audit: {
    title: 'Audit trail',
    from: 'From',
    to: 'To',
    actor: 'Who',
    actorPlaceholder: 'Name or account id',
    action: 'Action',
    outcome: 'Outcome',
    families: {
      '': 'All', 'response.': 'Response level', 'post.': 'Forward post', 'team.': 'Teams', 'incident.': 'Incidents', 'wall.': 'Wall focus', 'auth.': 'Sign-in', 'admin.': 'Admin',
    },
    outcomes: { '': 'All', ok: 'OK', refused: 'Refused', failed: 'Failed' },
    search: 'Search',
    exportCsv: 'Export CSV',
    columns: { at: 'Time', actor: 'Who', action: 'Action', target: 'Target', outcome: 'Outcome', reason: 'Reason' },
    empty: 'No entries match',
    loading: 'Searching…',
    count: (n) => `${n} entries`,
  },
  admin: adminEn,
  map: { title: 'One-map', hint: 'Tap a district, town or incident to open it', open: (what) => `Open ${what}` },
  figures: figuresEn,
};
