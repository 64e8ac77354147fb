import { Button, Result, Space } from 'antd';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** Where 返回首页 leads (the app's own home). */
  home: string;
  /** A new key (the page's address) clears a caught error: going elsewhere leaves the broken page behind. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Catches what a page throws while rendering, so a person sees a page in Chinese with a way back instead of a blank
 * page or React's English one. The error goes to the console for whoever investigates.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean; key: string }> {
  state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面出错', error, info.componentStack);
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <ErrorPage home={this.props.home} onRetry={() => this.setState({ failed: false })} />;
  }
}

/** What a person sees when a page failed: 出错了, and the ways on — try again, or go to the app's home. */
export function ErrorPage({ home, onRetry }: { home: string; onRetry: () => void }) {
  return (
    <Result
      className="error-boundary"
      status="error"
      title="出错了"
      subTitle="这个页面没能显示出来。可以重试，或返回首页；问题仍在时请告诉系统管理员出错的时间和页面地址。"
      extra={
        <Space>
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
          <Button href={home}>返回首页</Button>
        </Space>
      }
    />
  );
}
