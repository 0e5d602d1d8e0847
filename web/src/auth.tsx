/**
 * Logging in, for a server bound beyond this machine (it requires accounts). On the local server
 * (bound to 127.0.0.1) the API answers as the one local user and nothing here shows. Otherwise
 * the app asks GET /api/auth/me who it is; without a session it shows the login page — at once
 * when reads need an account, or when a write is refused with 401 on a server that lets anyone
 * read (`--public-read`). The login's cookies carry the session (HTTP-only) and the CSRF token
 * that api.ts sends back on every write.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { apiFetch, UNAUTHORIZED_EVENT } from './api';

export interface AccountUser {
  name: string;
  role: 'admin' | 'reviewer' | 'editor' | 'viewer';
  region: string | null;
  entity: string | null;
  via: 'session' | 'token' | 'local';
}

export const ROLE_NAMES: Record<AccountUser['role'], string> = { admin: '管理员', reviewer: '审核人员', editor: '部门填报人员', viewer: '查看人员' };

interface AuthState {
  /** Still asking the server. */
  loading: boolean;
  user: AccountUser | null;
  /** Show the login page instead of the app. */
  loginShown: boolean;
  showLogin(): void;
  loggedIn(user: AccountUser): void;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}

async function whoAmI(): Promise<{ user: AccountUser | null; readsNeedLogin: boolean }> {
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (me.ok) return { user: ((await me.json()) as { user: AccountUser }).user, readsNeedLogin: false };
  // No session: may this server be read without one (--public-read)?
  const probe = await fetch('/api/rules', { credentials: 'same-origin' });
  return { user: null, readsNeedLogin: probe.status === 401 };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [user, setUser] = useState<AccountUser | null>(null);
  const [loginShown, setLoginShown] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const r = await whoAmI();
      setUser(r.user);
      setLoginShown(r.readsNeedLogin);
    } catch {
      // The server is not reachable: the pages say so themselves.
      setUser(null);
      setLoginShown(false);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onUnauthorized = () => {
      setUser(null);
      setLoginShown(true);
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [refresh]);

  const state: AuthState = {
    loading,
    user,
    loginShown,
    showLogin: () => setLoginShown(true),
    loggedIn: (u) => {
      setUser(u);
      setLoginShown(false);
    },
    logout: async () => {
      await apiFetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
      setLoading(true);
      await refresh();
    },
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

/** The app, or the login page when the server wants one first. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { loading, loginShown } = useAuth();
  if (loading) return <Spin tip="加载中…" style={{ display: 'block', marginTop: 80 }} />;
  return loginShown ? <LoginPage /> : <>{children}</>;
}

export function LoginPage() {
  const { loggedIn } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { name: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      const body = (await res.json().catch(() => null)) as { user?: AccountUser; error?: string } | null;
      if (!res.ok || !body?.user) throw new Error(body?.error ?? `登录失败（${res.status}）`);
      loggedIn(body.user);
    } catch (e) {
      setError(e instanceof TypeError ? '无法连接服务器，请检查网络或服务是否在运行' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="gk-login" data-testid="login-page">
      <Card title="登录" style={{ width: 360, maxWidth: '100%' }}>
        <Typography.Paragraph type="secondary">本服务对外开放，请用管理员为您创建的账户登录。</Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="账户" name="name" rules={[{ required: true, message: '请输入账户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/** The header's corner: who is logged in and 退出, or 登录 on a server anyone may read. */
export function UserMenu() {
  const { user, loading, loginShown, showLogin, logout } = useAuth();
  if (loading || loginShown) return null;
  if (user?.via === 'session') {
    return (
      <Space data-testid="user-menu">
        <Typography.Text>
          {user.name}（{ROLE_NAMES[user.role]}）
        </Typography.Text>
        <Button size="small" onClick={() => void logout()} data-testid="logout">
          退出
        </Button>
      </Space>
    );
  }
  if (!user) {
    return (
      <Button size="small" type="primary" onClick={showLogin} data-testid="login-button">
        登录
      </Button>
    );
  }
  return null;
}
