import type { PasswordRule, UserRole } from '@beacon/shared';

/** The console's admin section: users, wall kiosk tokens, department API keys. */
export interface AdminMessages {
  usersTitle: string;
  kiosksTitle: string;
  keysTitle: string;
  loading: string;
  loadFailed: (why: string) => string;
  reload: string;
  columns: {
    username: string; displayName: string; role: string; status: string; created: string;
    label: string; expires: string; lastSeen: string; department: string; lastUsed: string;
  };
  userState: { active: string; disabled: string };
  credentialState: { live: string; revoked: string; expired: string };
  never: string;
  justNow: string;
  ago: (age: string) => string;
  /** "最近在线：刚刚" / "Last seen: just now". */
  seenLine: (label: string, when: string) => string;
  newUser: string;
  username: string;
  usernameHint: string;
  usernameExample: string;
  displayName: string;
  displayNameHint: string;
  displayNameExample: string;
  role: string;
  roles: Record<UserRole, string>;
  password: string;
  passwordHint: string;
  create: string;
  disable: string;
  confirmDisable: (name: string) => string;
  resetPassword: string;
  newPasswordFor: (name: string) => string;
  setPassword: string;
  confirm: string;
  cancel: string;
  saving: string;
  issueKiosk: string;
  kioskLabel: string;
  kioskLabelHint: string;
  issue: string;
  revoke: string;
  confirmRevokeKiosk: (label: string) => string;
  newKey: string;
  keyLabel: string;
  keyLabelHint: string;
  confirmRevokeKey: (label: string) => string;
  noUsers: string;
  noKiosks: string;
  noKeys: string;
  /** The secret shown once. */
  revealedTitle: Record<'password' | 'wall-link' | 'key', (subject: string) => string>;
  revealedOnce: string;
  copy: string;
  copied: string;
  copyFailed: string;
  saved: string;
  passwordRules: Record<PasswordRule, string>;
  /** What each field takes, shown when the server refuses it for a reason that is not a password rule. */
  fieldRules: Partial<Record<string, string>>;
  /** Refusals in the screen's language by the API's code (others show the server's words). */
  errors: Partial<Record<string, string>>;
}

export const adminZh: AdminMessages = {
  usersTitle: '用户',
  kiosksTitle: '大屏授权',
  keysTitle: '部门接入密钥',
  loading: '正在加载…',
  loadFailed: (why) => `加载失败：${why}`,
  reload: '重新加载',
  columns: {
    username: '用户名', displayName: '姓名', role: '角色', status: '状态', created: '创建时间',
    label: '名称', expires: '到期', lastSeen: '最近在线', department: '部门', lastUsed: '最近使用',
  },
  userState: { active: '启用', disabled: '已停用' },
  credentialState: { live: '有效', revoked: '已吊销', expired: '已过期' },
  never: '从未',
  justNow: '刚刚',
  ago: (age) => `${age}前`,
  seenLine: (label, when) => `${label}：${when}`,
  newUser: '新建用户',
  username: '用户名',
  usernameHint: '2–32 位：小写字母、数字或 . _ -',
  usernameExample: '如 zhou.wei',
  displayName: '姓名',
  displayNameHint: '显示在审计记录和指令上',
  displayNameExample: '如 周值班',
  role: '角色',
  roles: { duty: '值班员', commander: '指挥长', admin: '管理员' },
  password: '初始密码',
  passwordHint: '留空则自动生成',
  create: '创建',
  disable: '停用',
  confirmDisable: (name) => `停用 ${name}？其登录立即失效，账号保留用于审计。`,
  resetPassword: '重置密码',
  newPasswordFor: (name) => `${name} 的新密码`,
  setPassword: '设置密码',
  confirm: '确认',
  cancel: '取消',
  saving: '正在提交…',
  issueKiosk: '签发大屏授权',
  kioskLabel: '大屏名称',
  kioskLabelHint: '如“指挥大厅主屏”',
  issue: '签发',
  revoke: '吊销',
  confirmRevokeKiosk: (label) => `吊销“${label}”？该大屏立即断开，不能再显示。`,
  newKey: '新建部门密钥',
  keyLabel: '接入系统名称',
  keyLabelHint: '如“雨量站网关”',
  confirmRevokeKey: (label) => `吊销“${label}”？使用该密钥的系统立即无法再上报数据。`,
  noUsers: '暂无用户',
  noKiosks: '尚未签发大屏授权',
  noKeys: '尚未创建部门密钥',
  revealedTitle: {
    password: (who) => `${who} 的密码`,
    'wall-link': (label) => `“${label}”的大屏链接`,
    key: (label) => `“${label}”的接入密钥`,
  },
  revealedOnce: '只显示这一次：服务器只保存其哈希值，关闭后无法再查看。请立即复制并妥善交付。',
  copy: '复制',
  copied: '已复制',
  copyFailed: '无法自动复制，请长按选中后手动复制',
  saved: '已保存，关闭',
  passwordRules: {
    length: '长度 12–256 个字符',
    pattern: '不能全是空白，也不能是同一字符或一小段字符的重复',
    username: '不能包含用户名',
    common: '不能是常见或容易猜到的密码（单词、姓名、日期、键盘连键或序列，加上数字或符号也不行）',
  },
  fieldRules: {
    username: '2–32 位小写字母、数字、“.”“_”“-”，以字母或数字开头',
    displayName: '1–60 个字符',
    role: '请选择角色',
    password: '长度 12–256 个字符',
    label: '1–60 个字符',
    department: '请选择部门',
  },
  errors: {
    BEACON_USER_EXISTS: '该用户名已被使用',
    BEACON_UNKNOWN_USER: '没有这个启用中的用户（可能已被停用）',
    BEACON_UNKNOWN_KIOSK: '该大屏授权不存在或已吊销',
    BEACON_UNKNOWN_KEY: '该密钥不存在或已吊销',
    BEACON_FORBIDDEN: '当前账号无权执行此操作',
  },
};

export const adminEn: AdminMessages = {
  usersTitle: 'Users',
  kiosksTitle: 'Wall kiosk tokens',
  keysTitle: 'Department API keys',
  loading: 'Loading…',
  loadFailed: (why) => `Could not load: ${why}`,
  reload: 'Reload',
  columns: {
    username: 'User name', displayName: 'Name', role: 'Role', status: 'Status', created: 'Created',
    label: 'Label', expires: 'Expires', lastSeen: 'Last seen', department: 'Department', lastUsed: 'Last used',
  },
  userState: { active: 'Active', disabled: 'Disabled' },
  credentialState: { live: 'Live', revoked: 'Revoked', expired: 'Expired' },
  never: 'Never',
  justNow: 'Just now',
  ago: (age) => `${age} ago`,
  seenLine: (label, when) => `${label}: ${when}`,
  newUser: 'New user',
  username: 'User name',
  usernameHint: '2–32 of: a–z, 0–9, . _ -',
  usernameExample: 'e.g. zhou.wei',
  displayName: 'Name',
  displayNameHint: 'Shown in the audit trail and on commands',
  displayNameExample: 'e.g. Zhou Wei',
  role: 'Role',
  roles: { duty: 'Duty officer', commander: 'Commander', admin: 'Admin' },
  password: 'First password',
  passwordHint: 'Leave empty to have one generated',
  create: 'Create',
  disable: 'Disable',
  confirmDisable: (name) => `Disable ${name}? Their sign-in ends at once; the account stays for the audit trail.`,
  resetPassword: 'Reset password',
  newPasswordFor: (name) => `New password for ${name}`,
  setPassword: 'Set password',
  confirm: 'Confirm',
  cancel: 'Cancel',
  saving: 'Saving…',
  issueKiosk: 'Issue a wall token',
  kioskLabel: 'Wall name',
  kioskLabelHint: 'e.g. "Hall main wall"',
  issue: 'Issue',
  revoke: 'Revoke',
  confirmRevokeKiosk: (label) => `Revoke "${label}"? That wall disconnects at once and shows nothing more.`,
  newKey: 'New department key',
  keyLabel: 'System name',
  keyLabelHint: 'e.g. "rain-gauge gateway"',
  confirmRevokeKey: (label) => `Revoke "${label}"? The system using this key can no longer send data.`,
  noUsers: 'No users',
  noKiosks: 'No wall tokens issued yet',
  noKeys: 'No department keys yet',
  revealedTitle: {
    password: (who) => `Password of ${who}`,
    'wall-link': (label) => `Wall link for "${label}"`,
    key: (label) => `API key for "${label}"`,
  },
  revealedOnce: 'Shown this once: the server keeps only a hash, and it cannot be shown again after you close this. Copy it now and hand it over safely.',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the text and copy it by hand',
  saved: 'Saved it, close',
  passwordRules: {
    length: '12 to 256 characters',
    pattern: 'Not only spaces, and not one character or a short run repeated',
    username: 'Must not contain the user name',
    common: 'Not a common or easily guessed password (a word, name, date, keyboard row or sequence, even with digits or symbols added)',
  },
  fieldRules: {
    username: '2–32 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    displayName: '1 to 60 characters',
    role: 'Choose a role',
    password: '12 to 256 characters',
    label: '1 to 60 characters',
    department: 'Choose a department',
  },
  errors: {
    BEACON_USER_EXISTS: 'That user name is taken',
    BEACON_UNKNOWN_USER: 'No active user by that name (disabled already?)',
    BEACON_UNKNOWN_KIOSK: 'No live wall token with that id (revoked already?)',
    BEACON_UNKNOWN_KEY: 'No live key with that id (revoked already?)',
    BEACON_FORBIDDEN: 'This account may not do that',
  },
};
