import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  LogoutOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { session } from '../api';
import { can, ROLE_NAMES, useUser } from './auth';

/** The frame of every signed-in page: the menu the user's role allows, who is signed in, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { pathname } = useLocation();
  const items = [
    { key: '/dashboard', icon: <BarChartOutlined />, label: <Link to="/dashboard">改革指标</Link> },
    {
      key: '/townships',
      icon: <UnorderedListOutlined />,
      label: (
        <Link to={user.role === 'township-editor' ? `/townships/${user.regionCode}` : '/townships'}>
          乡镇实施清单
        </Link>
      ),
    },
    ...(can.review(user.role)
      ? [{ key: '/review', icon: <AuditOutlined />, label: <Link to="/review">待审核</Link> }]
      : []),
    ...(can.editCatalogue(user.role)
      ? [{ key: '/catalogue', icon: <AppstoreOutlined />, label: <Link to="/catalogue">基本目录</Link> }]
      : []),
    {
      key: '/library/material',
      icon: <FileTextOutlined />,
      label: <Link to="/library/material">材料库</Link>,
    },
    {
      key: '/library/data-element',
      icon: <DatabaseOutlined />,
      label: <Link to="/library/data-element">数据元</Link>,
    },
  ];
  const selected = items.map((i) => i.key).filter((key) => pathname.startsWith(key));
  return (
    <Layout className="ds-shell">
      <Layout.Header className="ds-header">
        <Link to="/" className="ds-brand">
          <span className="ds-seal" aria-hidden="true">
            章
          </span>
          一章通 · 事项清单管理
        </Link>
        <span className="ds-user">
          {user.displayName}（{ROLE_NAMES[user.role]}）
          <Button
            type="text"
            icon={<LogoutOutlined />}
            onClick={() => session.set(undefined)}
            className="ds-logout"
          >
            退出
          </Button>
        </span>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200} theme="light">
          <nav aria-label="主菜单">
            <Menu mode="inline" selectedKeys={selected} items={items} />
          </nav>
        </Layout.Sider>
        <Layout.Content className="ds-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
