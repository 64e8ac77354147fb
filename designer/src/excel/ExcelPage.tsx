import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Radio, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api, download } from '../api';
import { can, useUser } from '../shell/auth';
import { loadRegions, regionName } from '../shell/regions';
import './excel.css';
import type { ImportMode, ImportReport } from './importReport';
import { MAX_BYTES, reportOf } from './importReport';
import { ReportView } from './ReportView';

const MODES: { value: ImportMode; label: string; help: string }[] = [
  {
    value: 'all',
    label: '全部校验通过才写入（推荐）',
    help: '任何一行未通过检查，就不写入任何内容；修改后重新导入。',
  },
  {
    value: 'valid',
    label: '只导入校验通过的行',
    help: '写入校验通过的行，未通过的行不导入，在报告中列出。',
  },
];

/** Export a township's list to Excel, and import the edited workbook back as drafts. */
export function ExcelPage() {
  const { code = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const regions = useRequest(loadRegions, []);
  const name = regions.data ? regionName(regions.data, code) : code;
  const editor = can.editTownship(user.role);

  const [exporting, setExporting] = useState(false);
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>('all');
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const [problem, setProblem] = useState<ApiProblem>();

  const exportList = async () => {
    setExporting(true);
    try {
      await download(
        api.get('/townships/:code/items.xlsx', { params: { code } }),
        `${name}实施清单-${dayjs().format('YYYYMMDD')}.xlsx`,
      );
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const choose = (chosen: File) => {
    setReport(undefined);
    setProblem(undefined);
    if (!/\.xlsx$/i.test(chosen.name)) {
      message.error('请选择 Excel 工作簿（由“导出 Excel”得到、修改后保存的文件）');
      return Upload.LIST_IGNORE;
    }
    if (chosen.size > MAX_BYTES) {
      message.error('文件超过 5 兆字节，无法导入');
      return Upload.LIST_IGNORE;
    }
    setFile(chosen);
    // Nothing is sent until the editor chooses how to import.
    return false;
  };

  const runImport = async () => {
    if (!file) return;
    setImporting(true);
    setReport(undefined);
    setProblem(undefined);
    try {
      setReport(
        await api.post('/townships/:code/items/import', { params: { code }, query: { mode }, body: file }),
      );
    } catch (error) {
      const failure = error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error));
      // mode=all with a refused row: 422 with the report itself, nothing written.
      const refused = reportOf(failure.extra);
      if (refused) setReport(refused);
      else setProblem(failure);
    } finally {
      setImporting(false);
    }
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'chosen', name: file.name, size: file.size, type: file.type, status: 'done' }]
    : [];

  return (
    <div className="xl-page">
      <Breadcrumb
        className="xl-crumbs"
        items={[
          { title: <Link to={`/townships/${code}`}>{name}实施清单</Link> },
          { title: 'Excel 导入导出' },
        ]}
      />
      <div className="ds-toolbar">
        <h1>{name} · Excel 导入导出</h1>
      </div>

      <Card title="导出" size="small" className="xl-card">
        <Typography.Paragraph>
          导出本乡镇（街道）清单中的全部事项（草稿和已发布的）：工作表“事项”每行一个事项，“申请材料”每行一个事项的一种材料；
          代码类的列为中文名称并带下拉列表。每行带修订号，导入时据此发现导出之后他人所做的修改。
        </Typography.Paragraph>
        <Button
          type="primary"
          icon={<DownloadOutlined aria-hidden />}
          loading={exporting}
          onClick={exportList}
        >
          导出 Excel
        </Button>
      </Card>

      <Card title="导入" size="small" className="xl-card">
        {!editor ? (
          <Alert type="info" showIcon message="审核员可以导出清单，导入修改须由乡镇编辑或管理员进行。" />
        ) : (
          <>
            <Typography.Paragraph>
              在导出的文件中修改后导入：每一行按模型校验并与基本目录核对（与提交审核相同），有修改的事项保存为草稿，
              之后照常提交审核、发布。未修改的行不会写入。
            </Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              beforeUpload={choose}
              fileList={fileList}
              onRemove={() => {
                setFile(undefined);
                setReport(undefined);
                setProblem(undefined);
              }}
              showUploadList={{ showRemoveIcon: true }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">点击选择或将 Excel 文件拖到此处</p>
              <p className="ant-upload-hint">
                只接受“导出 Excel”得到并修改后的工作簿，至多 5 兆字节；选择后不会立即上传。
              </p>
            </Upload.Dragger>

            <fieldset className="xl-modes">
              <legend>导入方式</legend>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
                <Space direction="vertical">
                  {MODES.map((m) => (
                    <Radio key={m.value} value={m.value}>
                      {m.label}
                      <div className="xl-mode-help">{m.help}</div>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </fieldset>

            <Button
              type="primary"
              icon={<UploadOutlined aria-hidden />}
              disabled={!file}
              loading={importing}
              onClick={runImport}
            >
              开始导入
            </Button>
          </>
        )}
      </Card>

      <div aria-live="polite">
        {problem && (
          <Alert
            className="xl-card"
            type="error"
            showIcon
            role="alert"
            message={`导入失败，没有写入任何内容：${problem.message}`}
            description={
              problem.details.length > 0 ? (
                <ul className="xl-details">
                  {problem.details.map((d, i) => (
                    <li key={i}>{d.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {report && <ReportView report={report} township={code} />}
      </div>
    </div>
  );
}
