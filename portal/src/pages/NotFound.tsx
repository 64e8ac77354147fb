import { Result } from 'antd';
import { Link } from 'react-router-dom';

export function NotFound() {
  return <Result status="404" title="没有这个页面" extra={<Link to="/">回到首页，选择乡镇</Link>} />;
}
