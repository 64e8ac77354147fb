import { Button, Result, Space } from 'antd';
import { Link, Navigate, useParams } from 'react-router-dom';
import { api, documentUrl, receipts } from '../api';
import { useRequest } from '../useRequest';
import { Loaded } from './Status';

/** After submitting: the reference, the filled application as PDF, and what to bring (一次性告知). */
export function Receipt() {
  const { reference = '' } = useParams();
  const receipt = receipts.load(reference);
  const state = useRequest(
    () => (receipt ? api.submission(reference, receipt.phone) : Promise.reject(new Error('no receipt'))),
    [reference],
  );
  // Opened elsewhere than where it was submitted: look it up with the phone instead.
  if (!receipt) return <Navigate to={`/track?reference=${reference}`} replace />;
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
                <p>请记下受理编号，凭编号和手机号码可随时查询办理进度。</p>
              </>
            }
            extra={
              <Space direction="vertical" size="middle" className="os-receipt-actions">
                <Button
                  block
                  type="primary"
                  size="large"
                  href={documentUrl.submission(reference, receipt.key, 'application.pdf')}
                  target="_blank"
                >
                  下载已填写的申请表（PDF）
                </Button>
                <Button
                  block
                  size="large"
                  href={documentUrl.submission(reference, receipt.key, 'notice.pdf')}
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
