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
  unpairedBody: '大屏只显示、不操作。请管理员签发大屏授权链接，并在本屏幕上打开：',
  unpairedCommand: 'npx -y pnpm@12.21.0 beacon kiosk create --label 指挥大厅主屏',
  refused: '服务器拒绝了凭证：',
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
  unpairedBody: 'The wall only shows, it takes no input. Ask an admin for a wall link and open it on this screen:',
  unpairedCommand: 'npx -y pnpm@12.21.0 beacon kiosk create --label "Hall main wall"',
  refused: 'The server refused the credential: ',
};
