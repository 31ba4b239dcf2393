/** Sign-in and wall pairing strings. */
export interface AuthMessages {
  signInTitle: string;
  username: string;
  password: string;
  signIn: string;
  signingIn: string;
  signOut: string;
  wrongRole: (role: string) => string;
  unpairedTitle: string;
  unpairedBody: string;
  unpairedCommand: string;
  refused: string;
  /** Sign-in refusals in the screen's language, by the API's error code (others show the server's words). */
  signInErrors: Partial<Record<string, string>>;
}

export const authZh: AuthMessages = {
  signInTitle: '登录 应急指挥中心',
  username: '用户名',
  password: '密码',
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出登录',
  wrongRole: (role) => `当前账号（${role}）无权使用此页面，请换一个账号登录`,
  unpairedTitle: '此屏幕尚未授权',
  unpairedBody: '大屏只显示、不操作。请管理员在控制台“管理”页签发大屏授权链接（或在服务器上运行下面的命令），并在本屏幕上打开：',
  unpairedCommand: 'npx -y pnpm@12.21.0 beacon kiosk create --label 指挥大厅主屏',
  refused: '服务器拒绝了凭证：',
  signInErrors: {
    BEACON_SIGN_IN_FAILED: '用户名或密码错误',
    BEACON_RATE_LIMITED: '尝试次数过多，请一分钟后再试',
    BEACON_INVALID_INPUT: '请填写用户名和密码',
  },
};

export const authEn: AuthMessages = {
  signInTitle: 'Sign in — Emergency Command Centre',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  wrongRole: (role) => `This account (${role}) may not use this page; sign in with another`,
  unpairedTitle: 'This screen is not paired',
  unpairedBody: 'The wall only shows, it takes no input. Ask an admin for a wall link (console, Admin tab; or the command below on the server) and open it on this screen:',
  unpairedCommand: 'npx -y pnpm@12.21.0 beacon kiosk create --label "Hall main wall"',
  refused: 'The server refused the credential: ',
  signInErrors: {
    BEACON_SIGN_IN_FAILED: 'The user name or password is wrong',
    BEACON_RATE_LIMITED: 'Too many attempts; try again in a minute',
    BEACON_INVALID_INPUT: 'Enter a user name and a password',
  },
};
