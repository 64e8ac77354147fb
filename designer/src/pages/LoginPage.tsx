import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '@oneseal/schemas';
import { login } from '../api';

/** Sign in with the API's users (演示账号的密码见接口文档). */
export function LoginPage() {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await login(username.trim(), password);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="ds-login">
      <Card title="一章通 · 事项清单管理" className="ds-login-card">
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {problem ? <Alert type="error" showIcon message={problem} className="ds-gap" role="alert" /> : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
