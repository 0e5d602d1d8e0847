import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { Layout, Menu, Result, Spin } from 'antd';
import { CheckPage } from './pages/CheckPage';
import { AuthGate, AuthProvider, UserMenu } from './auth';

// Only the check page is in the first load; the other pages come when first visited.
const DocumentPage = lazy(() => import('./pages/DocumentPage'));
const ReviewPage = lazy(() => import('./pages/ReviewPage'));
const ComparePage = lazy(() => import('./pages/ComparePage'));
const HelpPage = lazy(() => import('./pages/HelpPage'));
const GeneratePage = lazy(() => import('./pages/GeneratePage'));

const MENU = [
  { key: '/', label: <Link to="/">检查文件</Link> },
  { key: '/review', label: <Link to="/review">区域审核</Link> },
  { key: '/compare', label: <Link to="/compare">对比分析</Link> },
  { key: '/generate', label: <Link to="/generate">编制公开文件</Link> },
  { key: '/help', label: <Link to="/help">帮助</Link> },
];

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

function Shell() {
  const { pathname } = useLocation();
  const current = MENU.find((m) => m.key !== '/' && pathname.startsWith(m.key))?.key ?? (pathname === '/' ? '/' : '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="gk-header">
        <Link to="/" className="gk-brand">
          公开检查
        </Link>
        <Menu mode="horizontal" selectedKeys={[current]} items={MENU} style={{ flex: 1, minWidth: 0, borderBottom: 'none' }} />
        <UserMenu />
      </Layout.Header>
      <Layout.Content className="gk-main">
        <AuthGate>
        <Suspense fallback={<Spin tip="加载中…" style={{ display: 'block', marginTop: 80 }} />}>
          <Routes>
            <Route path="/" element={<CheckPage />} />
            <Route path="/documents/:id" element={<DocumentPage />} />
            <Route path="/review" element={<ReviewPage />} />
            <Route path="/compare" element={<ComparePage />} />
            <Route path="/help" element={<HelpPage />} />
            <Route path="/generate" element={<GeneratePage />} />
            <Route path="*" element={<Result status="404" title="没有这个页面" extra={<Link to="/">回到首页</Link>} />} />
          </Routes>
        </Suspense>
        </AuthGate>
      </Layout.Content>
    </Layout>
  );
}
