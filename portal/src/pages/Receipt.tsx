import { Button, Result, Space } from 'antd';
import { Link, Navigate, useParams } from 'react-router-dom';
import { formatQueryCode, useRequest } from '@oneseal/runtime/web';
import { api, documentUrl, receipts } from '../api';
import { Loaded } from './Status';

/**
 * After submitting: the reference and the 查询码 (with them the application opens on any device), the filled
 * application as PDF, and what to bring (一次性告知).
 */
export function Receipt() {
  const { reference = '' } = useParams();
  const code = receipts.load(reference);
  const state = useRequest(
    () => (code ? api.submission(reference, { code }) : Promise.reject(new Error('no receipt'))),
    [reference],
  );
  // Opened elsewhere than where it was submitted: look it up with the 查询码 instead.
  if (!code) return <Navigate to={`/track?reference=${reference}`} replace />;
  return (
    <div className="os-page">
      <Loaded state={state}>
        {(submission) => (
          <Result
            status="success"
            title="申请已提交"
            subTitle={
              <>
                <p>
                  受理编号：<strong className="os-reference">{submission.reference}</strong>
                </p>
                <p>
                  查询码：<strong className="os-query-code">{formatQueryCode(code)}</strong>
                </p>
                <p>请记下（或截图保存）受理编号和查询码，查询码也印在申请表上。</p>
                <p>
                  凭受理编号和查询码可在任何手机或电脑上查看完整申请、下载申请表；凭受理编号和手机号码只能查看办理进度。
                </p>
              </>
            }
            extra={
              <Space direction="vertical" size="middle" className="os-receipt-actions">
                <Button
                  block
                  type="primary"
                  size="large"
                  href={documentUrl.submission(reference, code, 'application.pdf')}
                  target="_blank"
                >
                  下载已填写的申请表（PDF）
                </Button>
                <Button
                  block
                  size="large"
                  href={documentUrl.submission(reference, code, 'notice.pdf')}
                  target="_blank"
                >
                  一次性告知单：需要带的材料（PDF）
                </Button>
                <Link to={`/track?reference=${reference}`}>查询办理进度</Link>
              </Space>
            }
          >
            <h2>申请的事项</h2>
            <ol>
              {submission.items.map((i) => (
                <li key={i.code}>{i.name}</li>
              ))}
            </ol>
          </Result>
        )}
      </Loaded>
    </div>
  );
}
