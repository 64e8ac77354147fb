import type { DataElement, Material } from '@oneseal/schemas';
import { SCHEMA_IDS, validateDocument } from '@oneseal/schemas';
import { App, Button, Drawer, Input, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ifMatch } from '../api';
import { editorSchema, placeOf, schemaById, SchemaEditor } from '../schemaForm';
import { useUser } from '../shell/auth';
import { useConflict } from '../shell/ConflictModal';
import type { Issue } from '../shell/FindingsPanel';
import { asIssues, FindingsPanel } from '../shell/FindingsPanel';
import { Loaded } from '../shell/Loaded';
import { useDocumentForm } from '../shell/useDocumentForm';
import { useRequest } from '@oneseal/runtime/web';
import { useUnsavedGuard } from '../shell/useUnsavedGuard';

type Entry = Material | DataElement;
type Kind = 'material' | 'data-element';
interface LibraryEntry {
  revision: number;
  document: Entry;
}

/**
 * Each library's API calls. The editor of a kind edits a document of that kind (its schema's form), so the
 * document is that kind's when saved.
 */
const KINDS: Record<
  Kind,
  {
    title: string;
    blank: () => Entry;
    list: () => Promise<LibraryEntry[]>;
    /** Creates the entry (no revision yet) or saves it over the given revision. */
    save: (doc: Entry, revision: number | undefined) => Promise<{ revision: number }>;
  }
> = {
  material: {
    title: '材料库',
    list: () => api.get('/materials'),
    save: (doc, revision) =>
      revision === undefined
        ? api.post('/materials', { body: doc as Material })
        : api.put('/materials/:code', {
            params: { code: doc.code },
            headers: ifMatch(revision),
            body: doc as Material,
          }),
    blank: () => ({ kind: 'material', schemaVersion: 1, code: '', name: '' }) as unknown as Entry,
  },
  'data-element': {
    title: '数据元',
    list: () => api.get('/data-elements'),
    save: (doc, revision) =>
      revision === undefined
        ? api.post('/data-elements', { body: doc as DataElement })
        : api.put('/data-elements/:code', {
            params: { code: doc.code },
            headers: ifMatch(revision),
            body: doc as DataElement,
          }),
    blank: () =>
      ({
        kind: 'data-element',
        schemaVersion: 1,
        code: '',
        name: '',
        group: 'other',
        type: 'string',
        component: 'text',
      }) as unknown as Entry,
  },
};

// The library documents keep their own code and kind visible: only the common server-owned keys are hidden.
const check = (doc: Entry): Issue[] => asIssues(validateDocument(doc).errors);

function EntryEditor({
  kind,
  entry,
  onDone,
}: {
  kind: Kind;
  entry: { revision?: number; document: Entry };
  onDone: () => void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  const editable = user.role === 'city-admin';
  const { form, dirty, issues, values, saved, replace } = useDocumentForm(entry.document, check, editable);
  const schema = useMemo(() => editorSchema(schemaById(SCHEMA_IDS[kind])), [kind]);
  const [revision, setRevision] = useState(entry.revision);
  const conflicts = useConflict<Entry>({
    keepMine: (revision, mine) => save(revision, mine),
    takeTheirs: (theirs, revision) => {
      // The editor's changes are dropped on purpose, after seeing both versions.
      replace(theirs);
      setRevision(revision);
    },
  });
  useUnsavedGuard(dirty);
  const save = async (asRevision = revision, doc = values()) => {
    try {
      const result = await KINDS[kind].save(doc, revision === undefined ? undefined : asRevision);
      setRevision(result.revision);
      conflicts.close();
      saved();
      message.success('已保存');
      onDone();
    } catch (error) {
      if (!conflicts.offer(error, doc)) message.error((error as Error).message);
    }
  };
  return (
    <>
      <FindingsPanel
        issues={issues}
        ready="可以保存"
        place={(pointer) => placeOf(schemaById(SCHEMA_IDS[kind]), pointer)}
      />
      <SchemaEditor form={form} schema={schema} />
      {editable ? (
        <Button
          type="primary"
          onClick={() => save()}
          disabled={!dirty || issues.some((i) => i.severity === 'error')}
        >
          保存
        </Button>
      ) : null}
      {conflicts.dialog}
    </>
  );
}

/** The city's shared material library or data-element dictionary: list, search, edit with the model's editor. */
export function LibraryPage() {
  const { kind = 'material' } = useParams() as { kind: Kind };
  const user = useUser();
  const spec = KINDS[kind] ?? KINDS.material;
  const list = useRequest(() => spec.list(), [spec]);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<{ revision?: number; document: Entry }>();
  const close = useCallback(() => setOpen(undefined), []);
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>{spec.title}</h1>
        <Input.Search
          allowClear
          placeholder="按编码或名称查找"
          aria-label="查找"
          className="ds-search"
          onChange={(e) => setQ(e.target.value)}
        />
        {user.role === 'city-admin' ? (
          <Button type="primary" onClick={() => setOpen({ document: spec.blank() })}>
            新建
          </Button>
        ) : null}
      </div>
      <Loaded state={list}>
        {(rows) => (
          <Table
            rowKey={(r) => r.document.code}
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={rows.filter((r) => !q || r.document.code.includes(q) || r.document.name.includes(q))}
            onRow={(r) => ({ onClick: () => setOpen(r) })}
            columns={[
              {
                title: '编码',
                render: (_v, r) => (
                  <Button type="link" onClick={() => setOpen(r)}>
                    <code>{r.document.code}</code>
                  </Button>
                ),
              },
              { title: '名称', render: (_v, r) => r.document.name },
              {
                title: '说明',
                render: (_v, r) => ('description' in r.document ? r.document.description : '') ?? '',
              },
            ]}
          />
        )}
      </Loaded>
      <Drawer
        width={720}
        open={open !== undefined}
        onClose={close}
        title={open?.document.name || `新建${spec.title}条目`}
        destroyOnClose
      >
        {open ? (
          <EntryEditor
            kind={kind}
            entry={open}
            onDone={() => {
              list.reload();
            }}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
