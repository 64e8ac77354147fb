/* Generated from schemas/json/*.schema.json by scripts/generate-types.js. Do not edit: edit the schema. */

export const SCHEMA_DOCUMENTS: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/api.schema.json",
  "title": "ApiDefinitions",
  "description": "目录接口（/api）的请求与应答：路由表引用这里的定义，OpenAPI 文档和类型化客户端由此而来；事项、区划、指标等沿用模型本身的定义。",
  "$defs": {
    "ApiErrorBody": {
      "title": "ApiErrorBody",
      "description": "所有 4xx/5xx 应答：稳定的 code、中文（或 Accept-Language: en 时英文）说明、按 JSON 路径列出的问题，以及个别错误附带的内容",
      "type": "object",
      "properties": {
        "error": {
          "type": "object",
          "properties": {
            "code": {
              "type": "string"
            },
            "message": {
              "type": "string"
            },
            "details": {
              "type": "array",
              "items": {
                "$ref": "results.schema.json#/$defs/ValidationIssue"
              }
            },
            "currentRevision": {
              "description": "409 stale-revision：当前的 revision",
              "type": "integer"
            },
            "current": {
              "$ref": "#/$defs/StoredDocument"
            },
            "findings": {
              "type": "array",
              "items": {
                "$ref": "results.schema.json#/$defs/Finding"
              }
            },
            "report": {
              "$ref": "results.schema.json#/$defs/ImportReport"
            }
          },
          "required": [
            "code",
            "message",
            "details"
          ],
          "additionalProperties": false
        }
      },
      "required": [
        "error"
      ],
      "additionalProperties": false
    },
    "StoredDocument": {
      "title": "StoredDocument",
      "description": "409 stale-revision：他人保存的当前内容，供比较",
      "anyOf": [
        {
          "$ref": "base-item.schema.json"
        },
        {
          "$ref": "item-implementation.schema.json"
        },
        {
          "$ref": "material.schema.json"
        },
        {
          "$ref": "data-element.schema.json"
        },
        {
          "$ref": "bundle.schema.json"
        }
      ]
    },
    "Timestamp": {
      "title": "Timestamp",
      "description": "时刻（ISO 8601，UTC）",
      "type": "string",
      "format": "date-time"
    },
    "Role": {
      "title": "Role",
      "description": "角色：市级管理员、县级管理员、乡镇编辑、审核人员",
      "type": "string",
      "enum": [
        "city-admin",
        "county-admin",
        "township-editor",
        "reviewer"
      ]
    },
    "Principal": {
      "title": "Principal",
      "description": "登录的用户：用户名、角色和所在区划",
      "type": "object",
      "properties": {
        "username": {
          "type": "string"
        },
        "role": {
          "$ref": "#/$defs/Role"
        },
        "regionCode": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        }
      },
      "required": [
        "username",
        "role",
        "regionCode"
      ],
      "additionalProperties": false
    },
    "User": {
      "title": "User",
      "description": "用户（不含口令）",
      "type": "object",
      "properties": {
        "username": {
          "type": "string"
        },
        "displayName": {
          "type": "string"
        },
        "role": {
          "$ref": "#/$defs/Role"
        },
        "regionCode": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        }
      },
      "required": [
        "username",
        "displayName",
        "role",
        "regionCode"
      ],
      "additionalProperties": false
    },
    "UserList": {
      "title": "UserList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/User"
      }
    },
    "NewUser": {
      "title": "NewUser",
      "description": "新建用户：登录名、姓名、角色、所在区划与初始口令",
      "type": "object",
      "properties": {
        "username": {
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{2,63}$"
        },
        "displayName": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100
        },
        "role": {
          "$ref": "#/$defs/Role"
        },
        "regionCode": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        },
        "password": {
          "type": "string",
          "minLength": 10,
          "maxLength": 200
        }
      },
      "required": [
        "username",
        "displayName",
        "role",
        "regionCode",
        "password"
      ],
      "additionalProperties": false
    },
    "Credentials": {
      "title": "Credentials",
      "type": "object",
      "properties": {
        "username": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        },
        "password": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        }
      },
      "required": [
        "username",
        "password"
      ],
      "additionalProperties": false
    },
    "Session": {
      "title": "Session",
      "description": "登录得到的令牌、失效时刻和用户",
      "type": "object",
      "properties": {
        "token": {
          "type": "string"
        },
        "expiresAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "user": {
          "$ref": "#/$defs/User"
        }
      },
      "required": [
        "token",
        "expiresAt",
        "user"
      ],
      "additionalProperties": false
    },
    "Health": {
      "title": "Health",
      "description": "数据库可读时的健康状态：能写入时 ok；只读或空间已满时 degraded（cause 说明原因）",
      "type": "object",
      "properties": {
        "status": {
          "enum": [
            "ok",
            "degraded"
          ]
        },
        "db": {
          "enum": [
            "sqlite",
            "mysql"
          ]
        },
        "writable": {
          "type": "boolean"
        },
        "cause": {
          "enum": [
            "read-only",
            "full"
          ]
        },
        "message": {
          "type": "string"
        }
      },
      "required": [
        "status",
        "db",
        "writable"
      ],
      "additionalProperties": false
    },
    "AuditEntry": {
      "title": "AuditEntry",
      "description": "一次写操作：谁、何时、做了什么、对哪一条、修改前后",
      "type": "object",
      "properties": {
        "id": {
          "type": "integer"
        },
        "at": {
          "$ref": "#/$defs/Timestamp"
        },
        "username": {
          "type": "string"
        },
        "role": {
          "$ref": "#/$defs/Role"
        },
        "action": {
          "type": "string"
        },
        "entityType": {
          "type": "string"
        },
        "entityKey": {
          "type": "string"
        },
        "regionCode": {
          "type": "string"
        },
        "before": {
          "description": "修改前（新建时为 null）"
        },
        "after": {
          "description": "修改后（删除时为 null）"
        }
      },
      "required": [
        "id",
        "at",
        "username",
        "role",
        "action",
        "entityType",
        "entityKey",
        "regionCode"
      ],
      "additionalProperties": false
    },
    "ChangeEntry": {
      "title": "ChangeEntry",
      "description": "一条变更记录（政务公开）：发布、撤回、取消事项，或发布、废止基本目录事项；eventId 全局唯一，Webhook 接收方据此去重",
      "type": "object",
      "properties": {
        "eventId": {
          "type": "string",
          "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        },
        "kind": {
          "$ref": "codes.schema.json#/$defs/ChangeKind"
        },
        "regionCode": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        },
        "regionName": {
          "type": "string"
        },
        "itemCode": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "itemName": {
          "type": "string"
        },
        "fromVersion": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1
        },
        "toVersion": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 1
        },
        "effectiveDate": {
          "type": [
            "string",
            "null"
          ],
          "format": "date"
        },
        "reason": {
          "type": "string"
        },
        "summary": {
          "description": "修改内容（中文，带标签和单位）",
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "author": {
          "description": "操作人",
          "type": "string"
        },
        "at": {
          "type": "string",
          "format": "date-time"
        }
      },
      "required": [
        "eventId",
        "kind",
        "regionCode",
        "regionName",
        "itemCode",
        "itemName",
        "fromVersion",
        "toVersion",
        "effectiveDate",
        "reason",
        "summary",
        "author",
        "at"
      ],
      "additionalProperties": false
    },
    "ChangePage": {
      "title": "ChangePage",
      "description": "变更记录的一页（新的在前）和下一页游标（没有下一页为 null）",
      "type": "object",
      "properties": {
        "entries": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ChangeEntry"
          }
        },
        "next": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "required": [
        "entries",
        "next"
      ],
      "additionalProperties": false
    },
    "Webhook": {
      "title": "Webhook",
      "description": "Webhook 订阅：变更记录逐条 POST 到 url，正文以 secret 做 HMAC-SHA256 签名（密钥不回显）",
      "type": "object",
      "properties": {
        "id": {
          "type": "integer",
          "minimum": 1
        },
        "url": {
          "$ref": "common.schema.json#/$defs/Url"
        },
        "regionCode": {
          "oneOf": [
            {
              "$ref": "common.schema.json#/$defs/DivisionCode"
            },
            {
              "type": "null"
            }
          ]
        },
        "active": {
          "type": "boolean"
        },
        "createdAt": {
          "type": "string",
          "format": "date-time"
        },
        "createdBy": {
          "type": "string"
        },
        "pending": {
          "description": "待投递的事件数",
          "type": "integer",
          "minimum": 0
        }
      },
      "required": [
        "id",
        "url",
        "regionCode",
        "active",
        "createdAt",
        "createdBy",
        "pending"
      ],
      "additionalProperties": false
    },
    "WebhookList": {
      "title": "WebhookList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/Webhook"
      }
    },
    "WebhookRequest": {
      "title": "WebhookRequest",
      "description": "建立或修改 Webhook 订阅：接收地址、签名密钥（16–200 个字符）、可选的区划（只推送该区划及下级的变更）",
      "type": "object",
      "properties": {
        "url": {
          "$ref": "common.schema.json#/$defs/Url"
        },
        "secret": {
          "type": "string",
          "minLength": 16,
          "maxLength": 200
        },
        "regionCode": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        },
        "active": {
          "type": "boolean"
        }
      },
      "required": [
        "url",
        "secret"
      ],
      "additionalProperties": false
    },
    "AuditList": {
      "title": "AuditList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/AuditEntry"
      }
    },
    "FieldChange": {
      "title": "FieldChange",
      "description": "两个版本之间一处变化：JSON Pointer 路径、增删改和前后的值",
      "type": "object",
      "properties": {
        "path": {
          "type": "string"
        },
        "op": {
          "enum": [
            "added",
            "removed",
            "changed"
          ]
        },
        "before": {},
        "after": {}
      },
      "required": [
        "path",
        "op"
      ],
      "additionalProperties": false
    },
    "VersionDiff": {
      "title": "VersionDiff",
      "description": "两个发布版本之间的字段级差异",
      "type": "object",
      "properties": {
        "from": {
          "type": "integer"
        },
        "to": {
          "type": "integer"
        },
        "changes": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/FieldChange"
          }
        }
      },
      "required": [
        "from",
        "to",
        "changes"
      ],
      "additionalProperties": false
    },
    "BaseItemSummary": {
      "title": "BaseItemSummary",
      "description": "基本目录列表的一行（不含事项内容，打开事项读 BaseItemView）",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "type": "string"
        },
        "type": {
          "$ref": "codes.schema.json#/$defs/ItemType"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "publishedVersion": {
          "description": "最新发布的版本（从未发布为 0）",
          "type": "integer",
          "minimum": 0
        },
        "ownerRegion": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        },
        "revision": {
          "type": "integer",
          "minimum": 1
        }
      },
      "required": [
        "code",
        "name",
        "status",
        "publishedVersion",
        "ownerRegion",
        "revision"
      ],
      "additionalProperties": false
    },
    "BaseItemSummaryList": {
      "title": "BaseItemSummaryList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/BaseItemSummary"
      }
    },
    "BaseItemView": {
      "title": "BaseItemView",
      "description": "基本目录事项的工作副本、revision 和归属",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "ownerRegion": {
          "$ref": "common.schema.json#/$defs/DivisionCode"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "publishedVersion": {
          "type": "integer",
          "minimum": 0
        },
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "updatedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "updatedBy": {
          "type": "string"
        },
        "baseItem": {
          "$ref": "base-item.schema.json"
        }
      },
      "required": [
        "code",
        "ownerRegion",
        "status",
        "publishedVersion",
        "revision",
        "updatedAt",
        "baseItem"
      ],
      "additionalProperties": false
    },
    "BaseItemSaved": {
      "title": "BaseItemSaved",
      "description": "保存基本目录事项后的 revision 和状态",
      "type": "object",
      "properties": {
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        }
      },
      "required": [
        "revision",
        "status"
      ],
      "additionalProperties": false
    },
    "Reason": {
      "title": "Reason",
      "description": "发布、撤回、取消的理由：必须写明（不能只有空白），公开在变更记录（政务公开）中",
      "type": "string",
      "minLength": 1,
      "maxLength": 500,
      "pattern": "\\S"
    },
    "PublishRequest": {
      "title": "PublishRequest",
      "description": "发布：理由（必须写明）和生效日期（默认今天，北京时间）",
      "type": "object",
      "properties": {
        "reason": {
          "$ref": "#/$defs/Reason"
        },
        "effectiveDate": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        }
      },
      "required": [
        "reason"
      ],
      "additionalProperties": false
    },
    "ReasonRequest": {
      "title": "ReasonRequest",
      "description": "撤回、取消：理由（必须写明）",
      "type": "object",
      "properties": {
        "reason": {
          "$ref": "#/$defs/Reason"
        }
      },
      "required": [
        "reason"
      ],
      "additionalProperties": false
    },
    "BaseItemPublished": {
      "title": "BaseItemPublished",
      "description": "基本目录事项发布的新版本",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "version": {
          "type": "integer",
          "minimum": 1
        },
        "effectiveDate": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        }
      },
      "required": [
        "code",
        "version",
        "effectiveDate"
      ],
      "additionalProperties": false
    },
    "BaseItemRetired": {
      "title": "BaseItemRetired",
      "description": "已取消的基本目录事项和取消日期",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "status": {
          "const": "cancelled"
        },
        "cancelDate": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        }
      },
      "required": [
        "code",
        "status",
        "cancelDate"
      ],
      "additionalProperties": false
    },
    "BaseItemVersion": {
      "title": "BaseItemVersion",
      "description": "基本目录事项的一个发布版本：版本号、生效日期、发布时刻和发布人",
      "type": "object",
      "properties": {
        "version": {
          "type": "integer",
          "minimum": 1
        },
        "effectiveDate": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        },
        "publishedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "publishedBy": {
          "type": "string"
        }
      },
      "required": [
        "version",
        "effectiveDate",
        "publishedAt",
        "publishedBy"
      ],
      "additionalProperties": false
    },
    "BaseItemVersionList": {
      "title": "BaseItemVersionList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/BaseItemVersion"
      }
    },
    "MaterialEntry": {
      "title": "MaterialEntry",
      "description": "材料库的一条：revision 和材料",
      "type": "object",
      "properties": {
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "pinyin": {
          "description": "名称的拼音检索键：首字母和全拼，小写（如 “zjdsqb zhaijidishenqingbiao”），列表中给出，供按拼音查找",
          "type": "string"
        },
        "document": {
          "$ref": "material.schema.json"
        }
      },
      "required": [
        "revision",
        "document"
      ],
      "additionalProperties": false
    },
    "MaterialEntryList": {
      "title": "MaterialEntryList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/MaterialEntry"
      }
    },
    "DataElementEntry": {
      "title": "DataElementEntry",
      "description": "数据元字典的一条：revision 和数据元",
      "type": "object",
      "properties": {
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "document": {
          "$ref": "data-element.schema.json"
        }
      },
      "required": [
        "revision",
        "document"
      ],
      "additionalProperties": false
    },
    "DataElementEntryList": {
      "title": "DataElementEntryList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/DataElementEntry"
      }
    },
    "BundleEntry": {
      "title": "BundleEntry",
      "description": "一件事的一条：revision 和一件事",
      "type": "object",
      "properties": {
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "document": {
          "$ref": "bundle.schema.json"
        }
      },
      "required": [
        "revision",
        "document"
      ],
      "additionalProperties": false
    },
    "BundleEntryList": {
      "title": "BundleEntryList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/BundleEntry"
      }
    },
    "TownshipItemRow": {
      "title": "TownshipItemRow",
      "description": "乡镇清单的一行：事项、审核状态、revision 和完整度（基本目录事项未发布或草稿不符合模型时为 null）",
      "type": "object",
      "properties": {
        "itemCode": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "type": "string"
        },
        "completeness": {
          "type": [
            "number",
            "null"
          ],
          "minimum": 0,
          "maximum": 1
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "publishedVersion": {
          "type": "integer",
          "minimum": 0
        },
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "order": {
          "type": "integer"
        },
        "reviewComment": {
          "type": [
            "string",
            "null"
          ]
        },
        "updatedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "updatedBy": {
          "type": "string"
        }
      },
      "required": [
        "itemCode",
        "name",
        "completeness",
        "status",
        "publishedVersion",
        "revision",
        "order",
        "reviewComment",
        "updatedAt",
        "updatedBy"
      ],
      "additionalProperties": false
    },
    "TownshipItemList": {
      "title": "TownshipItemList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/TownshipItemRow"
      }
    },
    "ReviewEntry": {
      "title": "ReviewEntry",
      "description": "待审核的一个草稿：乡镇、事项、revision、提交时刻和提交人",
      "type": "object",
      "properties": {
        "township": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "townshipName": {
          "type": "string"
        },
        "itemCode": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "type": "string"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "publishedVersion": {
          "type": "integer",
          "minimum": 0
        },
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "updatedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "updatedBy": {
          "type": "string"
        }
      },
      "required": [
        "township",
        "townshipName",
        "itemCode",
        "name",
        "status",
        "publishedVersion",
        "revision",
        "updatedAt",
        "updatedBy"
      ],
      "additionalProperties": false
    },
    "ReviewQueue": {
      "title": "ReviewQueue",
      "type": "array",
      "items": {
        "$ref": "#/$defs/ReviewEntry"
      }
    },
    "AdoptRequest": {
      "title": "AdoptRequest",
      "description": "认领的基本目录事项",
      "type": "object",
      "properties": {
        "baseCode": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        }
      },
      "required": [
        "baseCode"
      ],
      "additionalProperties": false
    },
    "DraftView": {
      "title": "DraftView",
      "description": "可编辑的草稿：实施清单条目、所依据的基本目录事项、revision、检查结论和完整度（草稿不符合模型时没有完整度）",
      "type": "object",
      "properties": {
        "regionCode": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "itemCode": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "publishedVersion": {
          "type": "integer",
          "minimum": 0
        },
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "reviewComment": {
          "type": [
            "string",
            "null"
          ]
        },
        "updatedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "updatedBy": {
          "type": "string"
        },
        "implementation": {
          "$ref": "item-implementation.schema.json"
        },
        "base": {
          "$ref": "base-item.schema.json"
        },
        "findings": {
          "type": "array",
          "items": {
            "$ref": "results.schema.json#/$defs/Finding"
          }
        },
        "completeness": {
          "$ref": "results.schema.json#/$defs/Completeness"
        }
      },
      "required": [
        "regionCode",
        "itemCode",
        "status",
        "publishedVersion",
        "revision",
        "reviewComment",
        "updatedAt",
        "updatedBy",
        "implementation",
        "base",
        "findings"
      ],
      "additionalProperties": false
    },
    "DraftSaved": {
      "title": "DraftSaved",
      "description": "保存草稿后的 revision、状态、检查结论和完整度（草稿不符合模型时没有完整度）",
      "type": "object",
      "properties": {
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "findings": {
          "type": "array",
          "items": {
            "$ref": "results.schema.json#/$defs/Finding"
          }
        },
        "completeness": {
          "$ref": "results.schema.json#/$defs/Completeness"
        }
      },
      "required": [
        "revision",
        "status",
        "findings"
      ],
      "additionalProperties": false
    },
    "ReviewComment": {
      "title": "ReviewComment",
      "description": "审核通过时可附的意见",
      "type": "object",
      "properties": {
        "comment": {
          "type": "string",
          "maxLength": 1000
        }
      },
      "additionalProperties": false
    },
    "ReturnComment": {
      "title": "ReturnComment",
      "description": "退回修改的意见（必须写明）",
      "type": "object",
      "properties": {
        "comment": {
          "type": "string",
          "maxLength": 1000
        }
      },
      "required": [
        "comment"
      ],
      "additionalProperties": false
    },
    "StatusChange": {
      "title": "StatusChange",
      "description": "提交、审核、退回、撤回或取消后的状态、revision 和提醒",
      "type": "object",
      "properties": {
        "status": {
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "revision": {
          "type": "integer",
          "minimum": 1
        },
        "warnings": {
          "type": "array",
          "items": {
            "$ref": "results.schema.json#/$defs/Finding"
          }
        }
      },
      "required": [
        "status",
        "revision",
        "warnings"
      ],
      "additionalProperties": false
    },
    "TownshipPublished": {
      "title": "TownshipPublished",
      "description": "一次发布的事项（编码和新版本号）和提醒（itemCode 指出事项）",
      "type": "object",
      "properties": {
        "published": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "itemCode": {
                "$ref": "common.schema.json#/$defs/BasicCode"
              },
              "version": {
                "type": "integer",
                "minimum": 1
              }
            },
            "required": [
              "itemCode",
              "version"
            ],
            "additionalProperties": false
          }
        },
        "warnings": {
          "type": "array",
          "items": {
            "$ref": "results.schema.json#/$defs/Finding"
          }
        }
      },
      "required": [
        "published",
        "warnings"
      ],
      "additionalProperties": false
    },
    "ImplementationVersionSummary": {
      "title": "ImplementationVersionSummary",
      "description": "事项的一个发布版本：版本号、所依据的基本目录版本、生效日期、发布时刻和发布人",
      "type": "object",
      "properties": {
        "version": {
          "type": "integer",
          "minimum": 1
        },
        "baseVersion": {
          "type": "integer",
          "minimum": 1
        },
        "effectiveDate": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        },
        "publishedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "publishedBy": {
          "type": "string"
        }
      },
      "required": [
        "version",
        "baseVersion",
        "effectiveDate",
        "publishedAt",
        "publishedBy"
      ],
      "additionalProperties": false
    },
    "ImplementationVersionList": {
      "title": "ImplementationVersionList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/ImplementationVersionSummary"
      }
    },
    "ImplementationVersion": {
      "title": "ImplementationVersion",
      "description": "某一发布版本：实施清单条目和合并后的事项",
      "type": "object",
      "properties": {
        "version": {
          "type": "integer",
          "minimum": 1
        },
        "effectiveDate": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        },
        "publishedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "implementation": {
          "$ref": "item-implementation.schema.json"
        },
        "item": {
          "$ref": "item.schema.json"
        }
      },
      "required": [
        "version",
        "effectiveDate",
        "publishedAt",
        "implementation",
        "item"
      ],
      "additionalProperties": false
    },
    "RegionList": {
      "title": "RegionList",
      "type": "array",
      "items": {
        "$ref": "region.schema.json"
      }
    },
    "ServiceTag": {
      "title": "ServiceTag",
      "description": "服务标签：马上办、网上办、就近办、一次办",
      "type": "string",
      "enum": [
        "马上办",
        "网上办",
        "就近办",
        "一次办"
      ]
    },
    "PublicItemSummary": {
      "title": "PublicItemSummary",
      "description": "公开清单中的一个事项（打开前看到的）：事项载明的要素，没有载明的不出现",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "type": "string"
        },
        "type": {
          "$ref": "codes.schema.json#/$defs/ItemType"
        },
        "version": {
          "type": "integer",
          "minimum": 1
        },
        "tags": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/ServiceTag"
          }
        },
        "serviceObjects": {
          "type": "array",
          "items": {
            "$ref": "codes.schema.json#/$defs/ServiceObject"
          }
        },
        "promisedLimit": {
          "$ref": "common.schema.json#/$defs/TimeLimit"
        },
        "statutoryLimit": {
          "$ref": "common.schema.json#/$defs/TimeLimit"
        },
        "handlingLimit": {
          "$ref": "common.schema.json#/$defs/TimeLimit"
        },
        "visits": {
          "type": "integer",
          "minimum": 0
        },
        "online": {
          "description": "能否网上办理",
          "type": "boolean"
        },
        "implementingBody": {
          "description": "实施主体名称",
          "type": "string"
        }
      },
      "required": [
        "code",
        "name",
        "version",
        "tags"
      ],
      "additionalProperties": false
    },
    "ResolvedItem": {
      "title": "ResolvedItem",
      "description": "已发布的事项：实施清单与基本目录合并后的完整内容，总带有编码、区划、版本和状态",
      "allOf": [
        {
          "$ref": "item.schema.json"
        },
        {
          "$comment": "The fields are Item's (true: their shapes are checked there); tsType states the same in TypeScript, which json-schema-to-typescript cannot derive from a required-only branch.",
          "type": "object",
          "properties": {
            "code": true,
            "regionCode": true,
            "regionName": true,
            "baseVersion": true,
            "status": true,
            "version": true
          },
          "required": [
            "code",
            "regionCode",
            "regionName",
            "baseVersion",
            "status",
            "version"
          ],
          "tsType": "Required<Pick<Item, 'code' | 'regionCode' | 'regionName' | 'baseVersion' | 'status' | 'version'>>"
        }
      ]
    },
    "PublicItemPage": {
      "title": "PublicItemPage",
      "description": "公开清单的一页：事项、符合条件的总数和下一页游标（没有下一页为 null）",
      "type": "object",
      "properties": {
        "items": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/PublicItemSummary"
          }
        },
        "total": {
          "type": "integer",
          "minimum": 0
        },
        "next": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "required": [
        "items",
        "total",
        "next"
      ],
      "additionalProperties": false
    },
    "MetricsReport": {
      "title": "MetricsReport",
      "description": "改革指标：区划本身、每个有已发布事项的乡镇及汇总（乡镇时即其本身）",
      "type": "object",
      "properties": {
        "region": {
          "type": "object",
          "properties": {
            "code": {
              "$ref": "common.schema.json#/$defs/DivisionCode"
            },
            "name": {
              "type": "string"
            },
            "level": {
              "$ref": "codes.schema.json#/$defs/RegionLevel"
            }
          },
          "required": [
            "code",
            "name",
            "level"
          ],
          "additionalProperties": false
        },
        "townships": {
          "type": "array",
          "items": {
            "$ref": "results.schema.json#/$defs/RegionMetrics"
          }
        },
        "rollup": {
          "$ref": "results.schema.json#/$defs/RegionMetrics"
        }
      },
      "required": [
        "region",
        "townships",
        "rollup"
      ],
      "additionalProperties": false
    },
    "BundleList": {
      "title": "BundleList",
      "type": "array",
      "items": {
        "$ref": "bundle.schema.json"
      }
    },
    "DataElementList": {
      "title": "DataElementList",
      "type": "array",
      "items": {
        "$ref": "data-element.schema.json"
      }
    },
    "FormAnswers": {
      "title": "FormAnswers",
      "description": "申请表的填写内容：字段键 → 值（类型随字段组件：文本、数字、日期、选项、多选、文件等，按合并后的表单校验）",
      "type": "object",
      "propertyNames": {
        "$ref": "item-form.schema.json#/$defs/FieldKey"
      },
      "additionalProperties": {}
    },
    "SubmissionRequest": {
      "title": "SubmissionRequest",
      "description": "网上申请：乡镇、所选事项（一表申请可多个）和填写内容（须有 mobile）",
      "type": "object",
      "properties": {
        "region": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "items": {
          "type": "array",
          "minItems": 1,
          "maxItems": 20,
          "items": {
            "$ref": "common.schema.json#/$defs/BasicCode"
          }
        },
        "data": {
          "$ref": "#/$defs/FormAnswers"
        }
      },
      "required": [
        "region",
        "items",
        "data"
      ],
      "additionalProperties": false
    },
    "SubmissionReceipt": {
      "title": "SubmissionReceipt",
      "description": "已提交的申请：受理编号、状态和查询码（只在此时给出一次）",
      "type": "object",
      "properties": {
        "reference": {
          "type": "string"
        },
        "status": {
          "const": "submitted"
        },
        "queryCode": {
          "type": "string",
          "description": "查询码：与受理编号一起在任何设备上查看完整申请、取得申请表和告知单；只在此时给出一次"
        }
      },
      "required": [
        "reference",
        "status",
        "queryCode"
      ],
      "additionalProperties": false
    },
    "SubmittedItem": {
      "title": "SubmittedItem",
      "description": "申请所填的事项和当时的版本",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "type": "string"
        },
        "version": {
          "type": "integer",
          "minimum": 1
        },
        "baseVersion": {
          "type": "integer",
          "minimum": 1
        }
      },
      "required": [
        "code",
        "name",
        "version",
        "baseVersion"
      ],
      "additionalProperties": false
    },
    "SubmissionEvent": {
      "title": "SubmissionEvent",
      "description": "办件的一步：状态、名称、时刻，工作人员办理时的用户名和说明",
      "type": "object",
      "properties": {
        "status": {
          "$ref": "codes.schema.json#/$defs/SubmissionStatus"
        },
        "label": {
          "type": "string"
        },
        "at": {
          "$ref": "#/$defs/Timestamp"
        },
        "by": {
          "type": "string"
        },
        "note": {
          "type": "string"
        }
      },
      "required": [
        "status",
        "label",
        "at"
      ],
      "additionalProperties": false
    },
    "SubmissionStatusView": {
      "title": "SubmissionStatusView",
      "description": "申请人看到的办件：进度、所填事项和填写内容（凭手机号码时证件号码和电话部分隐藏，masked 为 true）",
      "type": "object",
      "properties": {
        "reference": {
          "type": "string"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/SubmissionStatus"
        },
        "statusLabel": {
          "type": "string"
        },
        "items": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/SubmittedItem"
          }
        },
        "history": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/SubmissionEvent"
          }
        },
        "submittedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "data": {
          "$ref": "#/$defs/FormAnswers"
        },
        "masked": {
          "type": "boolean"
        }
      },
      "required": [
        "reference",
        "status",
        "statusLabel",
        "items",
        "history",
        "submittedAt",
        "data",
        "masked"
      ],
      "additionalProperties": false
    },
    "ReceivedSubmission": {
      "title": "ReceivedSubmission",
      "description": "乡镇收到的一件申请：进度、下一步可办理的状态、所填事项和填写内容（全文及各事项分得的部分）",
      "type": "object",
      "properties": {
        "reference": {
          "type": "string"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/SubmissionStatus"
        },
        "statusLabel": {
          "type": "string"
        },
        "next": {
          "type": "array",
          "items": {
            "$ref": "codes.schema.json#/$defs/SubmissionStatus"
          }
        },
        "items": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/SubmittedItem"
          }
        },
        "data": {
          "type": "object",
          "properties": {
            "form": {
              "$ref": "#/$defs/FormAnswers"
            },
            "perItem": {
              "description": "事项编码 → 该事项表单中的填写内容",
              "type": "object",
              "additionalProperties": {
                "$ref": "#/$defs/FormAnswers"
              }
            }
          },
          "required": [
            "form",
            "perItem"
          ],
          "additionalProperties": false
        },
        "history": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/SubmissionEvent"
          }
        },
        "submittedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "applicantName": {
          "description": "申请人姓名（单位申请时为单位名称）",
          "type": "string"
        },
        "timeLimit": {
          "$ref": "#/$defs/SubmissionTimeLimit"
        }
      },
      "required": [
        "reference",
        "status",
        "statusLabel",
        "next",
        "items",
        "data",
        "history",
        "submittedAt"
      ],
      "additionalProperties": false
    },
    "SubmissionTimeLimit": {
      "title": "SubmissionTimeLimit",
      "description": "办件的承诺办结时限：所填事项中最短的一个，受理后按工作日历算出的办结期限（不予受理或办结后不再计算）",
      "type": "object",
      "properties": {
        "promised": {
          "description": "承诺办结时限，如“7个工作日”",
          "type": "string"
        },
        "due": {
          "description": "办结期限（北京时间日期），自受理之日起算；受理前没有",
          "type": "string",
          "format": "date"
        },
        "overdue": {
          "description": "今天已过办结期限而未办结",
          "type": "boolean"
        },
        "unpublishedYears": {
          "description": "期限跨过的、节假日安排尚未公布的年份（这些年份只扣除周末）",
          "type": "array",
          "items": {
            "type": "integer"
          }
        }
      },
      "required": [
        "promised"
      ],
      "additionalProperties": false
    },
    "ReceivedSubmissionList": {
      "title": "ReceivedSubmissionList",
      "type": "array",
      "items": {
        "$ref": "#/$defs/ReceivedSubmission"
      }
    },
    "SubmissionStatusRequest": {
      "title": "SubmissionStatusRequest",
      "description": "受理、要求补正、不予受理或办结，可附说明",
      "type": "object",
      "properties": {
        "status": {
          "$ref": "codes.schema.json#/$defs/SubmissionStatus"
        },
        "note": {
          "type": "string",
          "maxLength": 1000
        }
      },
      "required": [
        "status"
      ],
      "additionalProperties": false
    },
    "SubmissionStatusChanged": {
      "title": "SubmissionStatusChanged",
      "description": "办件的新状态",
      "type": "object",
      "properties": {
        "reference": {
          "type": "string"
        },
        "status": {
          "$ref": "codes.schema.json#/$defs/SubmissionStatus"
        }
      },
      "required": [
        "reference",
        "status"
      ],
      "additionalProperties": false
    },
    "ClockTime": {
      "title": "ClockTime",
      "description": "北京时间的钟点（时:分，24 小时制），如 08:30",
      "type": "string",
      "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$"
    },
    "WindowPeriod": {
      "title": "WindowPeriod",
      "description": "窗口的一段办公时间（开始、结束，含开始不含结束）",
      "type": "object",
      "properties": {
        "from": {
          "$ref": "#/$defs/ClockTime"
        },
        "to": {
          "$ref": "#/$defs/ClockTime"
        }
      },
      "required": [
        "from",
        "to"
      ],
      "additionalProperties": false
    },
    "WindowHours": {
      "title": "WindowHours",
      "description": "一天的办公时段（按时间先后，不重叠）；空数组表示当天不办公",
      "type": "array",
      "maxItems": 6,
      "items": {
        "$ref": "#/$defs/WindowPeriod"
      }
    },
    "BookingSettings": {
      "title": "BookingSettings",
      "description": "乡镇预约办理设置：每周各天的窗口办公时段、每个预约时段的分钟数和每个时段可预约的人数。法定节假日不开放；调休上班日开放，按 adjustedWorkday 的时段（未写时按星期一的时段）。未写的星期几不开放。",
      "type": "object",
      "properties": {
        "weekdays": {
          "description": "每周各天的办公时段（mon … sun）",
          "type": "object",
          "properties": {
            "mon": {
              "$ref": "#/$defs/WindowHours"
            },
            "tue": {
              "$ref": "#/$defs/WindowHours"
            },
            "wed": {
              "$ref": "#/$defs/WindowHours"
            },
            "thu": {
              "$ref": "#/$defs/WindowHours"
            },
            "fri": {
              "$ref": "#/$defs/WindowHours"
            },
            "sat": {
              "$ref": "#/$defs/WindowHours"
            },
            "sun": {
              "$ref": "#/$defs/WindowHours"
            }
          },
          "additionalProperties": false
        },
        "adjustedWorkday": {
          "$ref": "#/$defs/WindowHours"
        },
        "slotMinutes": {
          "description": "每个预约时段的分钟数",
          "type": "integer",
          "minimum": 5,
          "maximum": 240
        },
        "capacity": {
          "description": "每个时段可预约的人数",
          "type": "integer",
          "minimum": 1,
          "maximum": 100
        },
        "closedDays": {
          "description": "另行停止预约的日期（如本地停电、集中学习）",
          "type": "array",
          "maxItems": 366,
          "uniqueItems": true,
          "items": {
            "$ref": "common.schema.json#/$defs/IsoDate"
          }
        }
      },
      "required": [
        "weekdays",
        "slotMinutes",
        "capacity"
      ],
      "additionalProperties": false
    },
    "BookingSettingsView": {
      "title": "BookingSettingsView",
      "description": "乡镇的预约设置；settings 为 null 表示未设置（不开放预约）",
      "type": "object",
      "properties": {
        "region": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "settings": {
          "anyOf": [
            {
              "$ref": "#/$defs/BookingSettings"
            },
            {
              "type": "null"
            }
          ]
        },
        "updatedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "updatedBy": {
          "type": "string"
        }
      },
      "required": [
        "region",
        "settings"
      ],
      "additionalProperties": false
    },
    "BookingSlot": {
      "title": "BookingSlot",
      "description": "一个预约时段（北京时间）和尚可预约的人数",
      "type": "object",
      "properties": {
        "start": {
          "description": "开始时刻，如 2026-12-07T08:30",
          "type": "string",
          "pattern": "^\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d$"
        },
        "end": {
          "$ref": "#/$defs/ClockTime"
        },
        "remaining": {
          "type": "integer",
          "minimum": 0
        }
      },
      "required": [
        "start",
        "end",
        "remaining"
      ],
      "additionalProperties": false
    },
    "BookingDay": {
      "title": "BookingDay",
      "description": "开放预约的一天及其时段",
      "type": "object",
      "properties": {
        "date": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        },
        "slots": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/BookingSlot"
          }
        }
      },
      "required": [
        "date",
        "slots"
      ],
      "additionalProperties": false
    },
    "BookingSlots": {
      "title": "BookingSlots",
      "description": "乡镇在一段日期内可预约的时段；offered 为 false 时该乡镇未开放预约（message 说明）",
      "type": "object",
      "properties": {
        "region": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "regionName": {
          "type": "string"
        },
        "offered": {
          "type": "boolean"
        },
        "message": {
          "type": "string"
        },
        "item": {
          "$ref": "#/$defs/BookedItem"
        },
        "days": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/BookingDay"
          }
        }
      },
      "required": [
        "region",
        "regionName",
        "offered",
        "days"
      ],
      "additionalProperties": false
    },
    "BookedItem": {
      "title": "BookedItem",
      "description": "预约办理的事项",
      "type": "object",
      "properties": {
        "code": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "type": "string"
        }
      },
      "required": [
        "code",
        "name"
      ],
      "additionalProperties": false
    },
    "BookingRequest": {
      "title": "BookingRequest",
      "description": "预约办理：乡镇、事项、时段开始时刻、姓名和手机号码",
      "type": "object",
      "properties": {
        "region": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "item": {
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "start": {
          "description": "所选时段的开始时刻（北京时间），如 2026-12-07T08:30",
          "type": "string",
          "pattern": "^\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d$"
        },
        "name": {
          "description": "姓名",
          "type": "string",
          "minLength": 1,
          "maxLength": 50,
          "pattern": "\\S"
        },
        "phone": {
          "description": "手机号码（接收预约确认和提醒）",
          "type": "string",
          "format": "cn-mobile"
        }
      },
      "required": [
        "region",
        "item",
        "start",
        "name",
        "phone"
      ],
      "additionalProperties": false
    },
    "BookingCancelRequest": {
      "title": "BookingCancelRequest",
      "description": "取消预约：预约时填写的手机号码",
      "type": "object",
      "properties": {
        "phone": {
          "type": "string",
          "format": "cn-mobile"
        }
      },
      "required": [
        "phone"
      ],
      "additionalProperties": false
    },
    "Booking": {
      "title": "Booking",
      "description": "一次预约：预约码、乡镇、事项、时段和状态（手机号码部分隐藏）",
      "type": "object",
      "properties": {
        "code": {
          "description": "预约码（8 位，不区分大小写）",
          "type": "string"
        },
        "region": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "regionName": {
          "type": "string"
        },
        "item": {
          "$ref": "#/$defs/BookedItem"
        },
        "start": {
          "type": "string"
        },
        "end": {
          "$ref": "#/$defs/ClockTime"
        },
        "name": {
          "type": "string"
        },
        "phone": {
          "description": "手机号码，中间四位隐藏",
          "type": "string"
        },
        "status": {
          "enum": [
            "booked",
            "cancelled"
          ]
        },
        "statusLabel": {
          "type": "string"
        },
        "bookedAt": {
          "$ref": "#/$defs/Timestamp"
        },
        "cancelledAt": {
          "$ref": "#/$defs/Timestamp"
        }
      },
      "required": [
        "code",
        "region",
        "regionName",
        "item",
        "start",
        "end",
        "name",
        "phone",
        "status",
        "statusLabel",
        "bookedAt"
      ],
      "additionalProperties": false
    },
    "StaffBooking": {
      "title": "StaffBooking",
      "description": "工作人员看到的一条预约",
      "type": "object",
      "properties": {
        "code": {
          "type": "string"
        },
        "item": {
          "$ref": "#/$defs/BookedItem"
        },
        "start": {
          "type": "string"
        },
        "end": {
          "$ref": "#/$defs/ClockTime"
        },
        "name": {
          "type": "string"
        },
        "phone": {
          "type": "string"
        },
        "status": {
          "enum": [
            "booked",
            "cancelled"
          ]
        },
        "statusLabel": {
          "type": "string"
        },
        "bookedAt": {
          "$ref": "#/$defs/Timestamp"
        }
      },
      "required": [
        "code",
        "item",
        "start",
        "end",
        "name",
        "phone",
        "status",
        "statusLabel",
        "bookedAt"
      ],
      "additionalProperties": false
    },
    "DayBookings": {
      "title": "DayBookings",
      "description": "乡镇一天的预约，按时段先后",
      "type": "object",
      "properties": {
        "region": {
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "date": {
          "$ref": "common.schema.json#/$defs/IsoDate"
        },
        "bookings": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/StaffBooking"
          }
        }
      },
      "required": [
        "region",
        "date",
        "bookings"
      ],
      "additionalProperties": false
    },
    "BaseItemDraft": {
      "title": "BaseItemDraft",
      "description": "正在编辑的基本目录事项（无须先保存），用于预览",
      "type": "object",
      "properties": {
        "item": {
          "$ref": "base-item.schema.json"
        }
      },
      "required": [
        "item"
      ],
      "additionalProperties": false
    },
    "FormDraft": {
      "title": "FormDraft",
      "description": "正在编辑的申请表，用于预览其字段校验",
      "type": "object",
      "properties": {
        "form": {
          "$ref": "item-form.schema.json"
        }
      },
      "required": [
        "form"
      ],
      "additionalProperties": false
    },
    "OpenApiDocument": {
      "title": "OpenApiDocument",
      "description": "本接口的 OpenAPI 3.1 文档（由路由表生成；完整结构见 OpenAPI 3.1 规范）",
      "type": "object",
      "properties": {
        "openapi": {
          "type": "string"
        },
        "info": {
          "type": "object",
          "properties": {
            "title": {
              "type": "string"
            },
            "version": {
              "type": "string"
            },
            "description": {
              "type": "string"
            }
          },
          "required": [
            "title",
            "version"
          ]
        },
        "paths": {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/$defs/OpenApiPathItem"
          }
        },
        "components": {
          "type": "object",
          "properties": {
            "schemas": {
              "type": "object",
              "additionalProperties": {}
            }
          }
        }
      },
      "required": [
        "openapi",
        "info",
        "paths",
        "components"
      ]
    },
    "OpenApiPathItem": {
      "title": "OpenApiPathItem",
      "description": "一个路径的操作：方法 → 操作对象（结构由 OpenAPI 3.1 规范规定）",
      "type": "object",
      "additionalProperties": {}
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/base-item.schema.json",
  "title": "BaseItem",
  "description": "基本目录事项：由市、县两级定义一次，各乡镇实施清单必须与之一致（同一事项无差别受理、同标准办理）",
  "type": "object",
  "allOf": [
    {
      "$ref": "#/$defs/CatalogueFields"
    },
    {
      "$ref": "common.schema.json#/$defs/Lifecycle"
    }
  ],
  "properties": {
    "kind": {
      "const": "base-item"
    },
    "schemaVersion": {
      "title": "模型版本",
      "$ref": "common.schema.json#/$defs/SchemaVersion"
    },
    "code": {
      "title": "基本编码",
      "$ref": "common.schema.json#/$defs/BasicCode"
    },
    "status": {
      "title": "状态",
      "$ref": "codes.schema.json#/$defs/ItemStatus"
    },
    "version": {
      "title": "版本",
      "type": "integer",
      "minimum": 1
    },
    "maxVisits": {
      "x-unit": "次",
      "title": "最多到现场次数",
      "description": "标准到办事现场最多次数",
      "type": "integer",
      "minimum": 0,
      "maximum": 10
    },
    "materials": {
      "title": "申请材料",
      "description": "标准申请材料",
      "type": "array",
      "items": {
        "$ref": "material-requirement.schema.json"
      }
    },
    "fees": {
      "title": "收费",
      "$ref": "common.schema.json#/$defs/Fees"
    },
    "faq": {
      "title": "常见问题",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/Faq"
      }
    },
    "riskPoints": {
      "title": "廉洁风险点",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/RiskPoint"
      }
    }
  },
  "required": [
    "kind",
    "schemaVersion",
    "code",
    "materials",
    "status",
    "version"
  ],
  "unevaluatedProperties": false,
  "$defs": {
    "CatalogueFields": {
      "title": "CatalogueFields",
      "description": "基本目录要素：由基本目录规定，乡镇不能改变；指南没有载明的要素不填",
      "type": "object",
      "properties": {
        "code": {
          "title": "基本编码",
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "name": {
          "title": "事项名称",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "type": {
          "title": "事项类型",
          "$ref": "codes.schema.json#/$defs/ItemType"
        },
        "content": {
          "title": "事项内容",
          "description": "事项内容（事项简述）",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "legalBasis": {
          "title": "设定依据",
          "type": "array",
          "items": {
            "$ref": "common.schema.json#/$defs/LegalBasis"
          }
        },
        "exerciseLevel": {
          "title": "行使层级",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "codes.schema.json#/$defs/ExerciseLevel"
          }
        },
        "serviceObjects": {
          "title": "服务对象",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "codes.schema.json#/$defs/ServiceObject"
          }
        },
        "department": {
          "title": "主管部门",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "scope": {
          "title": "适用范围",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "reviewType": {
          "title": "审查类型",
          "description": "事项审查类型，如“前审后批”“即审即办”",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "acceptanceConditions": {
          "title": "受理条件",
          "type": "array",
          "items": {
            "$ref": "common.schema.json#/$defs/Text"
          }
        },
        "quantityLimit": {
          "title": "数量限制",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "statutoryLimit": {
          "title": "法定办结时限",
          "description": "法律法规规定的办结时限",
          "$ref": "common.schema.json#/$defs/TimeLimit"
        },
        "specialProcedures": {
          "title": "特别程序",
          "type": "array",
          "maxItems": 6,
          "items": {
            "$ref": "common.schema.json#/$defs/SpecialProcedure"
          }
        },
        "process": {
          "title": "办理流程",
          "description": "标准办理流程（至多 30 个环节：流程图要在 A4 上读得清，布局的计算量也随环节和连线增长）",
          "type": "array",
          "maxItems": 30,
          "items": {
            "$ref": "process-step.schema.json"
          }
        },
        "processRoutes": {
          "title": "办理路径",
          "description": "办理路径：各情形下经过的环节（一般程序、简易程序、不予受理……）",
          "type": "array",
          "items": {
            "$ref": "process-step.schema.json#/$defs/ProcessRoute"
          }
        },
        "benefitStandard": {
          "title": "给付标准",
          "$ref": "common.schema.json#/$defs/BenefitStandard"
        },
        "result": {
          "title": "审批结果",
          "$ref": "common.schema.json#/$defs/Result"
        },
        "rightsAndObligations": {
          "title": "申请人权利和义务",
          "type": "array",
          "items": {
            "$ref": "common.schema.json#/$defs/Text"
          }
        },
        "form": {
          "title": "申请表",
          "$ref": "item-form.schema.json"
        },
        "themes": {
          "title": "主题分类",
          "description": "主题分类（如“生育收养”）",
          "type": "array",
          "items": {
            "$ref": "common.schema.json#/$defs/ShortText"
          }
        },
        "keywords": {
          "title": "关键词",
          "description": "检索用的别名、俗称",
          "type": "array",
          "items": {
            "$ref": "common.schema.json#/$defs/ShortText"
          }
        }
      },
      "required": [
        "name"
      ]
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/bundle.schema.json",
  "title": "Bundle",
  "description": "一件事：一组事项和情形问题；情形的回答决定哪些事项、哪些材料纳入办理",
  "type": "object",
  "allOf": [
    {
      "$ref": "common.schema.json#/$defs/Lifecycle"
    }
  ],
  "properties": {
    "kind": {
      "const": "bundle"
    },
    "schemaVersion": {
      "title": "模型版本",
      "$ref": "common.schema.json#/$defs/SchemaVersion"
    },
    "status": {
      "title": "状态",
      "$ref": "codes.schema.json#/$defs/ItemStatus"
    },
    "version": {
      "title": "版本",
      "type": "integer",
      "minimum": 1
    },
    "code": {
      "title": "编码",
      "type": "string",
      "pattern": "^[A-Z][A-Z0-9-]{1,31}$"
    },
    "name": {
      "title": "名称",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "description": {
      "title": "说明",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "regionCode": {
      "title": "适用区域",
      "description": "适用区域，缺省为全市",
      "$ref": "common.schema.json#/$defs/DivisionCode"
    },
    "questions": {
      "title": "情形问题",
      "type": "array",
      "items": {
        "$ref": "#/$defs/SituationQuestion"
      }
    },
    "items": {
      "title": "包含的事项",
      "type": "array",
      "minItems": 2,
      "items": {
        "$ref": "#/$defs/BundleItem"
      }
    },
    "materialRules": {
      "title": "材料规则",
      "type": "array",
      "items": {
        "$ref": "#/$defs/MaterialRule"
      }
    }
  },
  "required": [
    "kind",
    "schemaVersion",
    "code",
    "name",
    "questions",
    "items",
    "status",
    "version"
  ],
  "unevaluatedProperties": false,
  "$defs": {
    "SituationQuestion": {
      "title": "SituationQuestion",
      "description": "情形问题",
      "type": "object",
      "properties": {
        "id": {
          "title": "问题编号",
          "type": "string",
          "pattern": "^[a-z][A-Za-z0-9]{0,31}$"
        },
        "text": {
          "title": "问题",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "type": {
          "title": "回答方式",
          "type": "string",
          "enum": [
            "boolean",
            "single",
            "multiple"
          ]
        },
        "options": {
          "title": "选项",
          "type": "array",
          "minItems": 2,
          "items": {
            "$ref": "common.schema.json#/$defs/Option"
          }
        },
        "help": {
          "title": "帮助说明",
          "$ref": "common.schema.json#/$defs/Text"
        }
      },
      "required": [
        "id",
        "text",
        "type"
      ],
      "additionalProperties": false
    },
    "BundleItem": {
      "title": "BundleItem",
      "description": "一件事中的事项；when 为空表示始终纳入",
      "type": "object",
      "properties": {
        "itemCode": {
          "title": "事项编码",
          "$ref": "common.schema.json#/$defs/BasicCode"
        },
        "when": {
          "title": "适用条件",
          "$ref": "common.schema.json#/$defs/Condition"
        },
        "note": {
          "title": "说明",
          "$ref": "common.schema.json#/$defs/Text"
        }
      },
      "required": [
        "itemCode"
      ],
      "additionalProperties": false
    },
    "MaterialRule": {
      "title": "MaterialRule",
      "description": "情形对材料的影响：满足条件时免交（exclude）或须交（require）该材料",
      "type": "object",
      "properties": {
        "material": {
          "title": "材料",
          "$ref": "material.schema.json#/$defs/MaterialCode"
        },
        "when": {
          "title": "适用条件",
          "$ref": "common.schema.json#/$defs/Condition"
        },
        "effect": {
          "title": "效果",
          "type": "string",
          "enum": [
            "exclude",
            "require"
          ]
        },
        "note": {
          "title": "说明",
          "$ref": "common.schema.json#/$defs/Text"
        }
      },
      "required": [
        "material",
        "when",
        "effect"
      ],
      "additionalProperties": false
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/codes.schema.json",
  "title": "CodeLists",
  "description": "代码表：每个代码表的取值与中文名称放在一起（x-labels），所有界面和文书都从这里取名称。",
  "$defs": {
    "ItemType": {
      "title": "ItemType",
      "description": "事项类型",
      "type": "string",
      "enum": [
        "01",
        "02",
        "03",
        "04",
        "05",
        "06",
        "07",
        "08",
        "09",
        "10",
        "11",
        "20"
      ],
      "x-labels": {
        "10": "其他行政权力",
        "11": "行政备案",
        "20": "公共服务",
        "01": "行政许可",
        "02": "行政处罚",
        "03": "行政强制",
        "04": "行政征收",
        "05": "行政给付",
        "06": "行政检查",
        "07": "行政确认",
        "08": "行政奖励",
        "09": "行政裁决"
      }
    },
    "ExerciseLevel": {
      "title": "ExerciseLevel",
      "description": "行使层级",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7"
      ],
      "x-labels": {
        "1": "国家级",
        "2": "省级",
        "3": "市级",
        "4": "县级",
        "5": "镇（乡、街道）级",
        "6": "村（社区）级",
        "7": "分级管理"
      }
    },
    "BodyLevel": {
      "title": "BodyLevel",
      "description": "实施主体层级",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6"
      ],
      "x-labels": {
        "1": "国家级",
        "2": "省级",
        "3": "市级",
        "4": "县级",
        "5": "乡镇（街道）级",
        "6": "村（社区）级"
      }
    },
    "PowerSource": {
      "title": "PowerSource",
      "description": "权力来源",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6"
      ],
      "x-labels": {
        "1": "法定本级行使",
        "2": "上级下放",
        "3": "上级授权",
        "4": "同级授权",
        "5": "上级委托",
        "6": "同级委托"
      }
    },
    "BodyNature": {
      "title": "BodyNature",
      "description": "实施主体性质",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "9"
      ],
      "x-labels": {
        "1": "法定机关",
        "2": "授权组织",
        "3": "受委托组织",
        "9": "其他"
      }
    },
    "ServiceObject": {
      "title": "ServiceObject",
      "description": "服务对象",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6"
      ],
      "x-labels": {
        "1": "自然人",
        "2": "企业法人",
        "3": "事业法人",
        "4": "社会组织法人",
        "5": "行政机关",
        "6": "其他组织"
      }
    },
    "ContactKind": {
      "title": "ContactKind",
      "description": "联系方式的用途",
      "type": "string",
      "enum": [
        "consult",
        "complaint",
        "supervision"
      ],
      "x-labels": {
        "consult": "咨询",
        "complaint": "投诉",
        "supervision": "监督"
      }
    },
    "LegalLevel": {
      "title": "LegalLevel",
      "description": "依据的效力层级",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5"
      ],
      "x-labels": {
        "1": "法律",
        "2": "行政法规",
        "3": "地方性法规",
        "4": "规章",
        "5": "规范性文件"
      }
    },
    "CaseType": {
      "title": "CaseType",
      "description": "办件类型",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4"
      ],
      "x-labels": {
        "1": "即办件",
        "2": "承诺件",
        "3": "上报件",
        "4": "联办件"
      }
    },
    "HandlingForm": {
      "title": "HandlingForm",
      "description": "办理形式",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "9"
      ],
      "x-labels": {
        "1": "窗口办理",
        "2": "网上办理（电脑端）",
        "3": "网上办理（移动端）",
        "4": "快递申请",
        "9": "其他"
      }
    },
    "OnlineDepth": {
      "title": "OnlineDepth",
      "description": "网上办理深度：Ⅰ级仅可互联网咨询；Ⅱ级可网上收件、预审；Ⅲ级可网上受理、办理并反馈结果；Ⅳ级全程网办（含电子证照反馈）",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4"
      ],
      "x-labels": {
        "1": "Ⅰ级（互联网咨询）",
        "2": "Ⅱ级（网上收件、预审）",
        "3": "Ⅲ级（网上受理、办理、结果反馈）",
        "4": "Ⅳ级（全程网办）"
      }
    },
    "HandlingScope": {
      "title": "HandlingScope",
      "description": "通办范围",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6"
      ],
      "x-labels": {
        "1": "全国",
        "2": "全区（省）",
        "3": "全市",
        "4": "全县",
        "5": "全镇",
        "6": "跨村（社区）"
      }
    },
    "MaterialForm": {
      "title": "MaterialForm",
      "description": "材料形式",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4"
      ],
      "x-labels": {
        "1": "原件",
        "2": "复印件",
        "3": "原件和复印件",
        "4": "原件或复印件"
      }
    },
    "MaterialMedium": {
      "title": "MaterialMedium",
      "description": "材料载体",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3"
      ],
      "x-labels": {
        "1": "纸质",
        "2": "电子",
        "3": "纸质和电子"
      }
    },
    "MaterialNecessity": {
      "title": "MaterialNecessity",
      "description": "材料必要性，按对申请人的要求从严到宽排列",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4"
      ],
      "x-labels": {
        "1": "必要",
        "2": "非必要",
        "3": "容缺后补",
        "4": "信息免交（信用后补）"
      }
    },
    "MaterialSource": {
      "title": "MaterialSource",
      "description": "材料来源渠道",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "9"
      ],
      "x-labels": {
        "1": "申请人自备",
        "2": "政府部门核发",
        "3": "电子证照库调取",
        "4": "在线填报",
        "9": "其他"
      }
    },
    "MaterialUnit": {
      "title": "MaterialUnit",
      "description": "材料计量单位",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4"
      ],
      "x-labels": {
        "1": "份",
        "2": "张",
        "3": "本",
        "4": "套"
      }
    },
    "ResultType": {
      "title": "ResultType",
      "description": "审批结果类型",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4"
      ],
      "x-labels": {
        "1": "证照",
        "2": "批文",
        "3": "其他",
        "4": "无"
      }
    },
    "TimeUnit": {
      "title": "TimeUnit",
      "description": "时限单位",
      "type": "string",
      "enum": [
        "workday",
        "day",
        "month",
        "year"
      ],
      "x-labels": {
        "workday": "个工作日",
        "day": "个自然日",
        "month": "个月",
        "year": "年"
      }
    },
    "NoLimit": {
      "title": "NoLimit",
      "description": "没有以天数表示的时限：即办（当场办结），或法律、法规未规定时限",
      "type": "string",
      "enum": [
        "immediate",
        "not-prescribed"
      ],
      "x-labels": {
        "immediate": "即办",
        "not-prescribed": "法律未规定"
      }
    },
    "ExtensionMode": {
      "title": "ExtensionMode",
      "description": "时限延长的写法：再延长若干天，或延长至若干天",
      "type": "string",
      "enum": [
        "by",
        "to"
      ],
      "x-labels": {
        "by": "可延长",
        "to": "可延长至"
      }
    },
    "ChangeKind": {
      "title": "ChangeKind",
      "description": "变更记录（政务公开）的种类",
      "type": "string",
      "enum": [
        "publish",
        "withdraw",
        "cancel",
        "base-publish",
        "base-retire"
      ],
      "x-labels": {
        "publish": "发布",
        "withdraw": "撤回",
        "cancel": "取消",
        "base-publish": "基本目录发布",
        "base-retire": "基本目录废止"
      }
    },
    "ItemStatus": {
      "title": "ItemStatus",
      "description": "事项状态（动态管理）",
      "type": "string",
      "enum": [
        "draft",
        "submitted",
        "approved",
        "published",
        "withdrawn",
        "cancelled"
      ],
      "x-labels": {
        "draft": "草稿",
        "submitted": "待审核",
        "approved": "审核通过",
        "published": "已发布",
        "withdrawn": "已撤回",
        "cancelled": "已取消"
      }
    },
    "SubmissionStatus": {
      "title": "SubmissionStatus",
      "description": "网上申请的办理状态",
      "type": "string",
      "enum": [
        "submitted",
        "accepted",
        "correction",
        "refused",
        "completed"
      ],
      "x-labels": {
        "submitted": "已提交",
        "accepted": "已受理",
        "correction": "需补正",
        "refused": "不予受理",
        "completed": "办结"
      }
    },
    "RegionLevel": {
      "title": "RegionLevel",
      "description": "行政区划层级",
      "type": "string",
      "enum": [
        "city",
        "county",
        "township",
        "village"
      ],
      "x-labels": {
        "city": "市",
        "county": "县（市、区）",
        "township": "乡镇（街道）",
        "village": "村（社区）"
      }
    },
    "StepStage": {
      "title": "StepStage",
      "description": "办理环节类别",
      "type": "string",
      "enum": [
        "apply",
        "accept",
        "review",
        "investigate",
        "publicize",
        "decide",
        "issue",
        "deliver",
        "other"
      ],
      "x-labels": {
        "apply": "申请",
        "accept": "受理",
        "review": "审查",
        "investigate": "调查核实",
        "publicize": "公示",
        "decide": "决定",
        "issue": "制证办结",
        "deliver": "送达",
        "other": "其他"
      }
    },
    "BranchKind": {
      "title": "BranchKind",
      "description": "流程分支类别",
      "type": "string",
      "enum": [
        "refuse",
        "correct",
        "deny",
        "return"
      ],
      "x-labels": {
        "refuse": "不予受理",
        "correct": "补正材料",
        "deny": "不予批准",
        "return": "退回重办"
      }
    },
    "SpecialProcedureKind": {
      "title": "SpecialProcedureKind",
      "description": "特别程序种类",
      "type": "string",
      "enum": [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "9"
      ],
      "x-labels": {
        "1": "听证",
        "2": "招标、拍卖、挂牌交易",
        "3": "检验、检测、检疫",
        "4": "鉴定",
        "5": "专家评审",
        "6": "公示",
        "7": "现场勘查",
        "9": "其他"
      }
    },
    "FieldComponent": {
      "title": "FieldComponent",
      "description": "表单字段控件（设计器组件面板、在线表单和纸质表单共用一份）",
      "type": "string",
      "enum": [
        "text",
        "textarea",
        "number",
        "select",
        "radio",
        "checkbox",
        "date",
        "id-card",
        "mobile",
        "uscc",
        "region",
        "address",
        "upload",
        "table",
        "section",
        "step"
      ],
      "x-labels": {
        "text": "单行文本",
        "textarea": "多行文本",
        "number": "数字",
        "select": "下拉选择",
        "radio": "单选",
        "checkbox": "多选",
        "date": "日期",
        "id-card": "身份证号",
        "mobile": "手机号码",
        "uscc": "统一社会信用代码",
        "region": "行政区划",
        "address": "地址",
        "upload": "附件上传",
        "table": "重复表格",
        "section": "分组",
        "step": "分步"
      }
    },
    "FieldFormat": {
      "title": "FieldFormat",
      "description": "字段格式（均在 createAjv() 中注册）",
      "type": "string",
      "enum": [
        "cn-id-card",
        "cn-uscc",
        "cn-division-code",
        "cn-mobile",
        "cn-phone",
        "cn-postcode",
        "date",
        "email"
      ],
      "x-labels": {
        "cn-id-card": "公民身份号码",
        "cn-uscc": "统一社会信用代码",
        "cn-division-code": "行政区划代码",
        "cn-mobile": "手机号码",
        "cn-phone": "联系电话",
        "cn-postcode": "邮政编码",
        "date": "日期",
        "email": "电子邮箱"
      }
    },
    "ConditionOperator": {
      "title": "ConditionOperator",
      "description": "条件运算符",
      "type": "string",
      "enum": [
        "eq",
        "ne",
        "in",
        "notIn",
        "gt",
        "gte",
        "lt",
        "lte",
        "empty",
        "notEmpty"
      ],
      "x-labels": {
        "eq": "等于",
        "ne": "不等于",
        "in": "属于",
        "notIn": "不属于",
        "gt": "大于",
        "gte": "大于等于",
        "lt": "小于",
        "lte": "小于等于",
        "empty": "为空",
        "notEmpty": "不为空"
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/common.schema.json",
  "title": "CommonDefinitions",
  "description": "各实体共用的结构。",
  "$defs": {
    "SchemaVersion": {
      "title": "SchemaVersion",
      "description": "文档所依据的模型版本；模型升级时按版本逐步迁移（migrateDocument）",
      "const": 2
    },
    "Text": {
      "type": "string",
      "minLength": 1,
      "maxLength": 2000
    },
    "ShortText": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
    },
    "DivisionCode": {
      "description": "行政区划代码：6 位县级及以上（GB/T 2260）或 9 位乡级",
      "type": "string",
      "format": "cn-division-code"
    },
    "TownshipCode": {
      "description": "乡镇（街道）代码，9 位",
      "type": "string",
      "pattern": "^[1-9]\\d{8}$"
    },
    "VillageCode": {
      "description": "村（社区）代码，12 位",
      "type": "string",
      "pattern": "^[1-9]\\d{11}$"
    },
    "BasicCode": {
      "description": "事项基本编码（≤12 位，如 2 位类型 + 5 位主项 + 3 位子项）",
      "type": "string",
      "pattern": "^[0-9A-Z]{1,12}$"
    },
    "Uscc": {
      "description": "统一社会信用代码（GB 32100）",
      "type": "string",
      "format": "cn-uscc"
    },
    "Phone": {
      "description": "联系电话：带区号的固定电话或手机号码",
      "type": "string",
      "format": "cn-phone"
    },
    "ServicePhone": {
      "description": "服务电话：带区号的固定电话、手机号码，或不带区号的本地号码（按事项所在地区号补全）",
      "type": "string",
      "format": "cn-service-phone"
    },
    "IsoDate": {
      "type": "string",
      "format": "date"
    },
    "Url": {
      "description": "网址：只允许 http:// 或 https://（javascript: 等会在浏览器里运行或打开本地内容）",
      "type": "string",
      "format": "uri",
      "pattern": "^https?://",
      "maxLength": 500
    },
    "TimeLimit": {
      "title": "TimeLimit",
      "description": "时限，按指南的写法：数值和单位（工作日、自然日、月、年），或没有天数（即办、法律未规定），可以延长，可以只有说明",
      "type": "object",
      "properties": {
        "value": {
          "title": "天数",
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 3650
        },
        "unit": {
          "title": "单位",
          "$ref": "codes.schema.json#/$defs/TimeUnit"
        },
        "none": {
          "title": "无天数的情形",
          "description": "即办、法律未规定等没有天数的时限",
          "$ref": "codes.schema.json#/$defs/NoLimit"
        },
        "extension": {
          "title": "延长",
          "$ref": "#/$defs/TimeExtension"
        },
        "note": {
          "title": "说明",
          "description": "说明（如起算日、不计入时限的环节）",
          "$ref": "#/$defs/Text"
        }
      },
      "minProperties": 1,
      "additionalProperties": false
    },
    "TimeExtension": {
      "title": "TimeExtension",
      "description": "时限的延长：可延长若干天，或可延长至若干天，及延长的情形",
      "type": "object",
      "properties": {
        "mode": {
          "title": "延长方式",
          "$ref": "codes.schema.json#/$defs/ExtensionMode"
        },
        "value": {
          "title": "可延长天数",
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 3650
        },
        "unit": {
          "title": "单位",
          "$ref": "codes.schema.json#/$defs/TimeUnit"
        },
        "condition": {
          "title": "延长情形",
          "description": "可以延长的情形",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "mode",
        "value",
        "unit"
      ],
      "additionalProperties": false
    },
    "LegalBasis": {
      "title": "LegalBasis",
      "description": "设定（实施）依据：法律法规或文件名称、文号、效力层级及条款",
      "type": "object",
      "properties": {
        "law": {
          "title": "法律法规名称",
          "$ref": "#/$defs/ShortText"
        },
        "docNumber": {
          "title": "文号",
          "description": "文号（如 国发〔2014〕47号）",
          "$ref": "#/$defs/ShortText"
        },
        "level": {
          "title": "效力层级",
          "$ref": "codes.schema.json#/$defs/LegalLevel"
        },
        "article": {
          "title": "条款",
          "type": "string",
          "minLength": 1,
          "maxLength": 100
        },
        "text": {
          "title": "条款内容",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "law"
      ],
      "additionalProperties": false
    },
    "Attachment": {
      "title": "Attachment",
      "description": "附件（空白表格、示例样表、结果样本）",
      "type": "object",
      "properties": {
        "title": {
          "title": "文件名称",
          "$ref": "#/$defs/ShortText"
        },
        "url": {
          "title": "下载网址",
          "$ref": "#/$defs/Url"
        }
      },
      "required": [
        "title"
      ],
      "additionalProperties": false
    },
    "ImplementingBody": {
      "title": "ImplementingBody",
      "description": "实施主体：乡镇、县、市或更高层级的机构，或泛指一类机构（如“各乡镇民政站”）",
      "type": "object",
      "properties": {
        "name": {
          "title": "名称",
          "$ref": "#/$defs/ShortText"
        },
        "uscc": {
          "title": "统一社会信用代码",
          "$ref": "#/$defs/Uscc"
        },
        "nature": {
          "title": "主体性质",
          "$ref": "codes.schema.json#/$defs/BodyNature"
        },
        "level": {
          "title": "主体层级",
          "$ref": "codes.schema.json#/$defs/BodyLevel"
        },
        "generic": {
          "title": "泛指一类机构",
          "description": "泛指一类机构（如“各乡镇民政站”），不是某一个机构",
          "type": "boolean"
        },
        "department": {
          "title": "承办机构",
          "description": "承办机构（内设机构或服务中心）",
          "$ref": "#/$defs/ShortText"
        }
      },
      "minProperties": 1,
      "additionalProperties": false
    },
    "Contact": {
      "title": "Contact",
      "description": "一种联系方式：用途（咨询、投诉、监督）和电话或其他途径（窗口、网站、热线、信箱）",
      "type": "object",
      "properties": {
        "kind": {
          "title": "用途",
          "$ref": "codes.schema.json#/$defs/ContactKind"
        },
        "phone": {
          "title": "电话",
          "description": "本地号码可不带区号",
          "$ref": "#/$defs/ServicePhone"
        },
        "channel": {
          "title": "其他途径",
          "description": "其他途径（窗口、网站、12345 热线、信箱）",
          "$ref": "#/$defs/Text"
        }
      },
      "minProperties": 1,
      "additionalProperties": false
    },
    "FeeItem": {
      "title": "FeeItem",
      "description": "收费项目",
      "type": "object",
      "properties": {
        "name": {
          "title": "收费项目",
          "$ref": "#/$defs/ShortText"
        },
        "standard": {
          "title": "收费标准",
          "$ref": "#/$defs/Text"
        },
        "basis": {
          "title": "收费依据",
          "$ref": "#/$defs/Text"
        },
        "reducible": {
          "title": "允许减免",
          "description": "是否允许减免",
          "type": "boolean"
        }
      },
      "required": [
        "name",
        "standard"
      ],
      "additionalProperties": false
    },
    "Fees": {
      "title": "Fees",
      "description": "收费：是否收费及收费项目",
      "type": "object",
      "properties": {
        "charged": {
          "title": "是否收费",
          "type": "boolean"
        },
        "items": {
          "title": "收费项目",
          "type": "array",
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/FeeItem"
          }
        }
      },
      "required": [
        "charged"
      ],
      "additionalProperties": false
    },
    "Faq": {
      "title": "Faq",
      "description": "常见问题",
      "type": "object",
      "properties": {
        "question": {
          "title": "问题",
          "$ref": "#/$defs/Text"
        },
        "answer": {
          "title": "解答",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "question",
        "answer"
      ],
      "additionalProperties": false
    },
    "RiskPoint": {
      "title": "RiskPoint",
      "description": "廉洁风险点及防控措施（阳光审批）",
      "type": "object",
      "properties": {
        "point": {
          "title": "风险点",
          "$ref": "#/$defs/Text"
        },
        "measures": {
          "title": "防控措施",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Text"
          }
        }
      },
      "required": [
        "point",
        "measures"
      ],
      "additionalProperties": false
    },
    "SpecialProcedure": {
      "title": "SpecialProcedure",
      "description": "特别程序（听证、检验、鉴定、专家评审、公示……）",
      "type": "object",
      "properties": {
        "kind": {
          "title": "程序类别",
          "$ref": "codes.schema.json#/$defs/SpecialProcedureKind"
        },
        "name": {
          "title": "程序名称",
          "$ref": "#/$defs/ShortText"
        },
        "timeLimit": {
          "title": "时限",
          "$ref": "#/$defs/TimeLimit"
        },
        "countsInLimit": {
          "title": "计入办结时限",
          "description": "是否计入办结时限",
          "type": "boolean"
        },
        "basis": {
          "title": "依据",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "kind",
        "name"
      ],
      "additionalProperties": false
    },
    "Result": {
      "title": "Result",
      "description": "审批（办理）结果",
      "type": "object",
      "properties": {
        "type": {
          "title": "结果类型",
          "$ref": "codes.schema.json#/$defs/ResultType"
        },
        "name": {
          "title": "结果名称",
          "$ref": "#/$defs/ShortText"
        },
        "sample": {
          "title": "结果样本",
          "$ref": "#/$defs/Attachment"
        },
        "delivery": {
          "title": "送达方式",
          "description": "结果送达方式",
          "$ref": "#/$defs/Text"
        }
      },
      "minProperties": 1,
      "additionalProperties": false
    },
    "Online": {
      "title": "Online",
      "description": "网上办理",
      "type": "object",
      "properties": {
        "available": {
          "title": "可网上办理",
          "type": "boolean"
        },
        "url": {
          "title": "网上办理地址",
          "$ref": "#/$defs/Url"
        },
        "depth": {
          "title": "网办深度",
          "$ref": "codes.schema.json#/$defs/OnlineDepth"
        }
      },
      "required": [
        "available"
      ],
      "additionalProperties": false
    },
    "ProxyService": {
      "title": "ProxyService",
      "description": "帮办代办",
      "type": "object",
      "properties": {
        "available": {
          "title": "提供帮办代办",
          "type": "boolean"
        },
        "atVillage": {
          "title": "村（社区）可代办",
          "description": "村（社区）代办员可代办",
          "type": "boolean"
        },
        "contact": {
          "title": "代办联系人或电话",
          "$ref": "#/$defs/ShortText"
        },
        "note": {
          "title": "说明",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "available"
      ],
      "additionalProperties": false
    },
    "NearbyService": {
      "title": "NearbyService",
      "description": "就近办：可在村（社区）便民服务站收件或办理",
      "type": "object",
      "properties": {
        "allVillages": {
          "title": "所有村（社区）均可办",
          "description": "辖区内所有村（社区）均可办理",
          "type": "boolean"
        },
        "villages": {
          "title": "可办理的村（社区）",
          "type": "array",
          "items": {
            "$ref": "#/$defs/VillageCode"
          },
          "uniqueItems": true
        },
        "note": {
          "title": "说明",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "allVillages"
      ],
      "additionalProperties": false
    },
    "Option": {
      "title": "Option",
      "description": "选项",
      "type": "object",
      "properties": {
        "label": {
          "title": "显示文字",
          "$ref": "#/$defs/ShortText"
        },
        "value": {
          "title": "取值",
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      "required": [
        "label",
        "value"
      ],
      "additionalProperties": false
    },
    "Condition": {
      "title": "Condition",
      "description": "声明式条件（不含任何脚本）：比较一个字段，或以 all / any / not 组合",
      "anyOf": [
        {
          "$ref": "#/$defs/Comparison"
        },
        {
          "title": "AllCondition",
          "type": "object",
          "properties": {
            "all": {
              "title": "同时满足",
              "type": "array",
              "minItems": 1,
              "items": {
                "$ref": "#/$defs/Condition"
              }
            }
          },
          "required": [
            "all"
          ],
          "additionalProperties": false
        },
        {
          "title": "AnyCondition",
          "type": "object",
          "properties": {
            "any": {
              "title": "满足其一",
              "type": "array",
              "minItems": 1,
              "items": {
                "$ref": "#/$defs/Condition"
              }
            }
          },
          "required": [
            "any"
          ],
          "additionalProperties": false
        },
        {
          "title": "NotCondition",
          "type": "object",
          "properties": {
            "not": {
              "title": "不满足",
              "$ref": "#/$defs/Condition"
            }
          },
          "required": [
            "not"
          ],
          "additionalProperties": false
        }
      ]
    },
    "Comparison": {
      "title": "Comparison",
      "description": "字段比较：field 为表单字段路径（点分隔）或一件事情形问题的编号",
      "type": "object",
      "properties": {
        "field": {
          "title": "字段",
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"
        },
        "op": {
          "title": "比较方式",
          "$ref": "codes.schema.json#/$defs/ConditionOperator"
        },
        "value": {
          "title": "比较值",
          "anyOf": [
            {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            },
            {
              "type": "array",
              "items": {
                "type": [
                  "string",
                  "number",
                  "boolean"
                ]
              }
            }
          ]
        }
      },
      "required": [
        "field",
        "op"
      ],
      "additionalProperties": false
    },
    "Lifecycle": {
      "title": "Lifecycle",
      "description": "动态管理：状态、版本与生效/取消日期",
      "type": "object",
      "properties": {
        "status": {
          "title": "状态",
          "$ref": "codes.schema.json#/$defs/ItemStatus"
        },
        "version": {
          "title": "版本",
          "type": "integer",
          "minimum": 1
        },
        "effectiveDate": {
          "title": "生效日期",
          "$ref": "#/$defs/IsoDate"
        },
        "cancelDate": {
          "title": "取消日期",
          "$ref": "#/$defs/IsoDate"
        }
      }
    },
    "BenefitStandard": {
      "title": "BenefitStandard",
      "description": "给付（救助、补贴）标准：说明、分档金额和计发办法",
      "type": "object",
      "properties": {
        "summary": {
          "title": "标准说明",
          "$ref": "#/$defs/Text"
        },
        "tiers": {
          "title": "分档标准",
          "description": "分档或分项标准",
          "type": "array",
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/BenefitTier"
          }
        },
        "rule": {
          "title": "计发办法",
          "description": "计发办法（如“不超过最高补贴额度的按照实际费用进行补贴”）",
          "$ref": "#/$defs/Text"
        }
      },
      "minProperties": 1,
      "additionalProperties": false
    },
    "BenefitTier": {
      "title": "BenefitTier",
      "description": "一档或一项给付标准",
      "type": "object",
      "properties": {
        "name": {
          "title": "档次或项目",
          "description": "档次或项目（如 A类、80—89周岁、火化费）",
          "$ref": "#/$defs/ShortText"
        },
        "amount": {
          "title": "金额",
          "type": "number",
          "minimum": 0,
          "maximum": 100000000
        },
        "unit": {
          "title": "金额单位",
          "description": "金额单位（如 元、元/人/月）",
          "type": "string",
          "minLength": 1,
          "maxLength": 20
        },
        "upTo": {
          "title": "最高额度",
          "description": "为最高额度（按实际不超过此额）",
          "type": "boolean"
        },
        "condition": {
          "title": "适用条件",
          "$ref": "#/$defs/Text"
        }
      },
      "required": [
        "name"
      ],
      "additionalProperties": false
    },
    "Publication": {
      "title": "Publication",
      "description": "公开信息：索引号、发布机构、发布日期和公开网址",
      "type": "object",
      "properties": {
        "indexNumber": {
          "title": "索引号",
          "$ref": "#/$defs/ShortText"
        },
        "publisher": {
          "title": "发布机构",
          "$ref": "#/$defs/ShortText"
        },
        "date": {
          "title": "发布日期",
          "$ref": "#/$defs/IsoDate"
        },
        "url": {
          "title": "公开网址",
          "$ref": "#/$defs/Url"
        }
      },
      "minProperties": 1,
      "additionalProperties": false
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/data-element.schema.json",
  "title": "DataElement",
  "description": "数据元：可在各事项表单间共用的命名字段；同一数据元在一表申请中只填一次",
  "type": "object",
  "properties": {
    "kind": {
      "const": "data-element"
    },
    "schemaVersion": {
      "title": "模型版本",
      "$ref": "common.schema.json#/$defs/SchemaVersion"
    },
    "code": {
      "title": "数据元编码",
      "$ref": "#/$defs/DataElementCode"
    },
    "name": {
      "title": "名称",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "description": {
      "title": "说明",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "group": {
      "title": "分组",
      "description": "所属分组，决定一表申请中的排列顺序",
      "type": "string",
      "enum": [
        "applicant",
        "agent",
        "organisation",
        "contact",
        "other"
      ],
      "x-labels": {
        "applicant": "申请人",
        "agent": "代理人",
        "organisation": "单位",
        "contact": "联系方式",
        "other": "其他"
      }
    },
    "type": {
      "title": "数据类型",
      "type": "string",
      "enum": [
        "string",
        "number",
        "boolean"
      ],
      "x-labels": {
        "string": "文本",
        "number": "数字",
        "boolean": "是或否"
      }
    },
    "format": {
      "title": "格式",
      "$ref": "codes.schema.json#/$defs/FieldFormat"
    },
    "pattern": {
      "title": "校验规则（正则表达式）",
      "type": "string",
      "maxLength": 200
    },
    "minLength": {
      "title": "最少字数",
      "x-unit": "个字",
      "type": "integer",
      "minimum": 0
    },
    "maxLength": {
      "title": "最多字数",
      "x-unit": "个字",
      "type": "integer",
      "minimum": 1
    },
    "minimum": {
      "title": "最小值",
      "type": "number"
    },
    "maximum": {
      "title": "最大值",
      "type": "number"
    },
    "options": {
      "title": "可选项",
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "common.schema.json#/$defs/Option"
      }
    },
    "component": {
      "title": "填写控件",
      "$ref": "codes.schema.json#/$defs/FieldComponent"
    },
    "standard": {
      "title": "依据标准",
      "description": "所依据的标准，如 GB 11643",
      "$ref": "common.schema.json#/$defs/ShortText"
    }
  },
  "required": [
    "kind",
    "schemaVersion",
    "code",
    "name",
    "group",
    "type",
    "component"
  ],
  "additionalProperties": false,
  "$defs": {
    "DataElementCode": {
      "description": "数据元编码，也是一表申请中的字段名",
      "$ref": "item-form.schema.json#/$defs/FieldKey",
      "type": "string",
      "pattern": "^[a-z][A-Za-z0-9]{1,63}$"
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/item-form.schema.json",
  "title": "ItemForm",
  "description": "事项申请表：Formily JSON Schema 的受限子集。字段要么绑定数据元（x-data-element），要么是本事项的本地字段；联动只用声明式条件（x-visible-when），不含脚本。",
  "type": "object",
  "properties": {
    "type": {
      "const": "object"
    },
    "title": {
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "description": {
      "$ref": "common.schema.json#/$defs/Text"
    },
    "properties": {
      "$ref": "#/$defs/FormFields"
    }
  },
  "required": [
    "type",
    "properties"
  ],
  "additionalProperties": false,
  "$defs": {
    "FieldKey": {
      "description": "字段名，也是答案中的键；JavaScript 对象自带的名称不能用（读答案时会读到对象本身的属性）",
      "type": "string",
      "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$",
      "not": {
        "enum": [
          "constructor",
          "__proto__",
          "prototype"
        ]
      }
    },
    "FormFields": {
      "title": "FormFields",
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/FieldKey"
      },
      "additionalProperties": {
        "$ref": "#/$defs/FormField"
      }
    },
    "FormField": {
      "title": "FormField",
      "description": "表单字段或容器（type 为 void 的分组、分步）",
      "type": "object",
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "string",
            "number",
            "boolean",
            "array",
            "object",
            "void"
          ]
        },
        "title": {
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "description": {
          "description": "填写说明",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "required": {
          "type": "boolean"
        },
        "default": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "enum": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "common.schema.json#/$defs/Option"
          }
        },
        "format": {
          "$ref": "codes.schema.json#/$defs/FieldFormat"
        },
        "pattern": {
          "type": "string",
          "maxLength": 200
        },
        "minLength": {
          "type": "integer",
          "minimum": 0
        },
        "maxLength": {
          "type": "integer",
          "minimum": 1
        },
        "minimum": {
          "type": "number"
        },
        "maximum": {
          "type": "number"
        },
        "minItems": {
          "type": "integer",
          "minimum": 0
        },
        "maxItems": {
          "type": "integer",
          "minimum": 1
        },
        "x-component": {
          "$ref": "codes.schema.json#/$defs/FieldComponent"
        },
        "x-component-props": {
          "$ref": "#/$defs/ComponentProps"
        },
        "x-data-element": {
          "$ref": "data-element.schema.json#/$defs/DataElementCode"
        },
        "x-visible-when": {
          "$ref": "common.schema.json#/$defs/Condition"
        },
        "x-index": {
          "type": "integer",
          "minimum": 0
        },
        "properties": {
          "$ref": "#/$defs/FormFields"
        },
        "items": {
          "$ref": "#/$defs/FormField"
        }
      },
      "required": [
        "type",
        "title",
        "x-component"
      ],
      "additionalProperties": false
    },
    "ComponentProps": {
      "title": "ComponentProps",
      "description": "控件属性（只允许无副作用的展示属性）",
      "type": "object",
      "properties": {
        "placeholder": {
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "rows": {
          "type": "integer",
          "minimum": 1,
          "maximum": 20
        },
        "accept": {
          "type": "string",
          "maxLength": 100
        },
        "maxCount": {
          "type": "integer",
          "minimum": 1,
          "maximum": 50
        },
        "unit": {
          "type": "string",
          "maxLength": 20
        }
      },
      "additionalProperties": false
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/item-implementation.schema.json",
  "title": "ItemImplementation",
  "description": "实施清单条目：一个乡镇（街道）对一个基本目录事项的实施，只能设定乡镇可以设定的要素，只能收紧不能放宽",
  "type": "object",
  "allOf": [
    {
      "$ref": "#/$defs/LocalFields"
    },
    {
      "$ref": "common.schema.json#/$defs/Lifecycle"
    }
  ],
  "properties": {
    "kind": {
      "const": "implementation"
    },
    "schemaVersion": {
      "title": "模型版本",
      "$ref": "common.schema.json#/$defs/SchemaVersion"
    },
    "baseCode": {
      "title": "基本编码",
      "$ref": "common.schema.json#/$defs/BasicCode"
    },
    "regionCode": {
      "title": "乡镇（街道）",
      "$ref": "common.schema.json#/$defs/TownshipCode"
    },
    "status": {
      "title": "状态",
      "$ref": "codes.schema.json#/$defs/ItemStatus"
    },
    "version": {
      "title": "版本",
      "type": "integer",
      "minimum": 1
    },
    "baseVersion": {
      "title": "依据基本目录版本",
      "description": "所依据的基本目录版本",
      "type": "integer",
      "minimum": 1
    },
    "type": {
      "title": "事项类型",
      "$ref": "codes.schema.json#/$defs/ItemType"
    },
    "legalBasis": {
      "title": "设定依据",
      "description": "清单中公布的设定依据，须与基本目录一致",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/LegalBasis"
      }
    },
    "materials": {
      "title": "申请材料",
      "description": "本乡镇收取的材料（基本目录材料的子集）",
      "type": "array",
      "items": {
        "$ref": "material-requirement.schema.json#/$defs/MaterialSelection"
      }
    },
    "fees": {
      "title": "收费",
      "$ref": "common.schema.json#/$defs/Fees"
    },
    "faq": {
      "title": "常见问题",
      "description": "本地补充的常见问题",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/Faq"
      }
    },
    "riskPoints": {
      "title": "廉洁风险点",
      "description": "本地补充的廉洁风险点",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/RiskPoint"
      }
    }
  },
  "required": [
    "kind",
    "schemaVersion",
    "baseCode",
    "regionCode",
    "materials",
    "status",
    "version"
  ],
  "unevaluatedProperties": false,
  "$defs": {
    "LocalFields": {
      "title": "LocalFields",
      "description": "实施清单要素：由乡镇（街道）设定；没有载明的要素不填",
      "type": "object",
      "properties": {
        "regionCode": {
          "title": "乡镇（街道）",
          "$ref": "common.schema.json#/$defs/TownshipCode"
        },
        "implementationCode": {
          "title": "实施编码",
          "type": "string",
          "pattern": "^[0-9A-Z-]{1,36}$"
        },
        "implementingBody": {
          "title": "实施主体",
          "$ref": "common.schema.json#/$defs/ImplementingBody"
        },
        "decisionBody": {
          "title": "决定机构",
          "description": "决定机构（与实施主体不同时填写）",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "powerSource": {
          "title": "权力来源",
          "$ref": "codes.schema.json#/$defs/PowerSource"
        },
        "promisedLimit": {
          "title": "承诺办结时限",
          "description": "本乡镇承诺的办结时限，不得超过法定办结时限",
          "$ref": "common.schema.json#/$defs/TimeLimit"
        },
        "handlingLimit": {
          "title": "办理时限",
          "description": "指南未说明是法定还是承诺时限时填写",
          "$ref": "common.schema.json#/$defs/TimeLimit"
        },
        "caseType": {
          "title": "办件类型",
          "$ref": "codes.schema.json#/$defs/CaseType"
        },
        "handlingForms": {
          "title": "办理形式",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "codes.schema.json#/$defs/HandlingForm"
          }
        },
        "visits": {
          "title": "到办事现场次数",
          "x-unit": "次",
          "type": "integer",
          "minimum": 0,
          "maximum": 10
        },
        "visitReason": {
          "title": "必须到现场的原因",
          "description": "必须现场办理原因说明",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "online": {
          "title": "网上办理",
          "$ref": "common.schema.json#/$defs/Online"
        },
        "inHall": {
          "title": "进驻政务服务大厅",
          "description": "是否进驻政务服务大厅",
          "type": "boolean"
        },
        "appointment": {
          "title": "预约办理",
          "description": "支持预约办理",
          "type": "boolean"
        },
        "express": {
          "title": "物流快递",
          "description": "支持物流快递",
          "type": "boolean"
        },
        "onlinePayment": {
          "title": "网上支付",
          "description": "支持网上支付",
          "type": "boolean"
        },
        "selfServiceTerminal": {
          "title": "自助终端办理",
          "description": "支持自助终端办理",
          "type": "boolean"
        },
        "handlingScope": {
          "title": "通办范围",
          "$ref": "codes.schema.json#/$defs/HandlingScope"
        },
        "place": {
          "title": "办理地点",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "hours": {
          "title": "办理时间",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "contacts": {
          "title": "咨询、投诉和监督方式",
          "type": "array",
          "maxItems": 20,
          "items": {
            "$ref": "common.schema.json#/$defs/Contact"
          }
        },
        "publicQuery": {
          "title": "办件结果公开查询方式",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "publication": {
          "title": "公开信息",
          "$ref": "common.schema.json#/$defs/Publication"
        },
        "proxy": {
          "title": "帮办代办",
          "$ref": "common.schema.json#/$defs/ProxyService"
        },
        "nearby": {
          "title": "就近办",
          "$ref": "common.schema.json#/$defs/NearbyService"
        },
        "order": {
          "title": "排列顺序",
          "description": "清单中的排列顺序",
          "type": "integer",
          "minimum": 0
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/item.schema.json",
  "title": "Item",
  "description": "已合并的事项：实施清单条目与其基本目录事项合并后的完整视图，办事指南、告知单、流程图和在线表单都以它为准",
  "type": "object",
  "allOf": [
    {
      "$ref": "base-item.schema.json#/$defs/CatalogueFields"
    },
    {
      "$ref": "item-implementation.schema.json#/$defs/LocalFields"
    },
    {
      "$ref": "common.schema.json#/$defs/Lifecycle"
    }
  ],
  "properties": {
    "kind": {
      "const": "item"
    },
    "schemaVersion": {
      "title": "模型版本",
      "$ref": "common.schema.json#/$defs/SchemaVersion"
    },
    "regionName": {
      "title": "乡镇（街道）名称",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "baseVersion": {
      "title": "依据基本目录版本",
      "type": "integer",
      "minimum": 1
    },
    "materials": {
      "title": "申请材料",
      "type": "array",
      "items": {
        "$ref": "material-requirement.schema.json#/$defs/ResolvedMaterial"
      }
    },
    "fees": {
      "title": "收费",
      "$ref": "common.schema.json#/$defs/Fees"
    },
    "faq": {
      "title": "常见问题",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/Faq"
      }
    },
    "riskPoints": {
      "title": "廉洁风险点",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/RiskPoint"
      }
    }
  },
  "required": [
    "kind",
    "schemaVersion",
    "materials"
  ],
  "unevaluatedProperties": false
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/material-requirement.schema.json",
  "title": "MaterialRequirement",
  "description": "事项对一种材料的要求（基本目录中的标准要求）",
  "type": "object",
  "properties": {
    "material": {
      "title": "材料",
      "$ref": "material.schema.json#/$defs/MaterialCode"
    },
    "name": {
      "title": "材料名称",
      "description": "本事项中的材料名称；缺省时取材料库名称",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "form": {
      "title": "材料形式",
      "$ref": "codes.schema.json#/$defs/MaterialForm"
    },
    "medium": {
      "title": "材料载体",
      "$ref": "codes.schema.json#/$defs/MaterialMedium"
    },
    "originals": {
      "x-unit": "份",
      "title": "原件",
      "description": "原件份数",
      "type": "integer",
      "minimum": 0,
      "maximum": 99
    },
    "copies": {
      "x-unit": "份",
      "title": "复印件",
      "description": "复印件份数",
      "type": "integer",
      "minimum": 0,
      "maximum": 99
    },
    "unit": {
      "title": "计量单位",
      "$ref": "codes.schema.json#/$defs/MaterialUnit"
    },
    "necessity": {
      "title": "必要性",
      "$ref": "codes.schema.json#/$defs/MaterialNecessity"
    },
    "source": {
      "title": "来源渠道",
      "$ref": "codes.schema.json#/$defs/MaterialSource"
    },
    "issuer": {
      "title": "出具单位",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "blankForm": {
      "title": "空白表格",
      "$ref": "common.schema.json#/$defs/Attachment"
    },
    "sampleForm": {
      "title": "示例样表",
      "$ref": "common.schema.json#/$defs/Attachment"
    },
    "notes": {
      "title": "填报须知",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "acceptanceStandard": {
      "title": "受理标准",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "basis": {
      "title": "材料依据",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "exemption": {
      "title": "免交情形",
      "description": "免交情形（如“本地户籍老年人免交”）",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "when": {
      "title": "需要提交的情形",
      "$ref": "#/$defs/MaterialSituation"
    }
  },
  "required": [
    "material"
  ],
  "additionalProperties": false,
  "$defs": {
    "MaterialSituation": {
      "title": "MaterialSituation",
      "description": "材料适用情形：说明文字，可附表单条件",
      "type": "object",
      "properties": {
        "text": {
          "title": "情形说明",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "condition": {
          "title": "按申请表答案判断",
          "$ref": "common.schema.json#/$defs/Condition"
        }
      },
      "required": [
        "text"
      ],
      "additionalProperties": false
    },
    "MaterialSelection": {
      "title": "MaterialSelection",
      "description": "实施清单对基本目录材料的选用：只能取基本目录中的材料，只能减轻要求",
      "type": "object",
      "properties": {
        "material": {
          "title": "材料",
          "$ref": "material.schema.json#/$defs/MaterialCode"
        },
        "form": {
          "title": "材料形式",
          "$ref": "codes.schema.json#/$defs/MaterialForm"
        },
        "originals": {
          "x-unit": "份",
          "title": "原件",
          "description": "须提交的原件份数",
          "type": "integer",
          "minimum": 0,
          "maximum": 99
        },
        "copies": {
          "x-unit": "份",
          "title": "复印件",
          "description": "须提交的复印件份数",
          "type": "integer",
          "minimum": 0,
          "maximum": 99
        },
        "necessity": {
          "title": "必要性",
          "$ref": "codes.schema.json#/$defs/MaterialNecessity"
        },
        "source": {
          "title": "来源渠道",
          "$ref": "codes.schema.json#/$defs/MaterialSource"
        },
        "notes": {
          "title": "填报须知",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "exemption": {
          "title": "免交情形",
          "$ref": "common.schema.json#/$defs/Text"
        }
      },
      "required": [
        "material"
      ],
      "additionalProperties": false
    },
    "ResolvedMaterial": {
      "title": "ResolvedMaterial",
      "description": "合并后的材料要求：基本目录要求 + 实施清单选用 + 材料库名称",
      "allOf": [
        {
          "$ref": "#"
        },
        {
          "type": "object",
          "properties": {
            "name": {
              "title": "材料名称",
              "$ref": "common.schema.json#/$defs/ShortText"
            }
          },
          "required": [
            "name"
          ]
        }
      ]
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/material.schema.json",
  "title": "Material",
  "description": "材料库条目：各事项共用的一种申请材料",
  "type": "object",
  "properties": {
    "kind": {
      "const": "material"
    },
    "schemaVersion": {
      "title": "模型版本",
      "$ref": "common.schema.json#/$defs/SchemaVersion"
    },
    "code": {
      "title": "材料编码",
      "$ref": "#/$defs/MaterialCode"
    },
    "name": {
      "title": "材料名称",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "description": {
      "title": "说明",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "issuer": {
      "title": "出具单位",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "defaultSource": {
      "title": "默认来源渠道",
      "$ref": "codes.schema.json#/$defs/MaterialSource"
    },
    "electronicLicence": {
      "title": "可调取电子证照",
      "description": "可从电子证照库调取",
      "type": "boolean"
    },
    "blankForm": {
      "title": "空白表格",
      "$ref": "common.schema.json#/$defs/Attachment"
    },
    "sampleForm": {
      "title": "示例样表",
      "$ref": "common.schema.json#/$defs/Attachment"
    },
    "acceptanceStandard": {
      "title": "受理标准",
      "$ref": "common.schema.json#/$defs/Text"
    }
  },
  "required": [
    "kind",
    "schemaVersion",
    "code",
    "name",
    "defaultSource"
  ],
  "additionalProperties": false,
  "$defs": {
    "MaterialCode": {
      "description": "材料库编码",
      "type": "string",
      "pattern": "^[A-Z][A-Z0-9-]{1,31}$"
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/process-step.schema.json",
  "title": "ProcessStep",
  "description": "办理环节：岗位、时限、产生的文书、后续环节与分支（不予受理、补正……）",
  "type": "object",
  "properties": {
    "id": {
      "title": "环节编号",
      "$ref": "#/$defs/StepId"
    },
    "name": {
      "title": "环节名称",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "stage": {
      "title": "阶段",
      "$ref": "codes.schema.json#/$defs/StepStage"
    },
    "post": {
      "title": "岗位",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "timeLimit": {
      "title": "环节时限",
      "$ref": "common.schema.json#/$defs/TimeLimit"
    },
    "documents": {
      "title": "产生的文书",
      "description": "本环节产生的文书",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/ShortText"
      }
    },
    "description": {
      "title": "办理内容",
      "$ref": "common.schema.json#/$defs/Text"
    },
    "next": {
      "title": "后续环节",
      "type": "array",
      "maxItems": 3,
      "items": {
        "$ref": "#/$defs/StepId"
      },
      "uniqueItems": true
    },
    "nextLabel": {
      "title": "转入条件",
      "description": "转入后续环节的条件，印在流程图的箭头上，如“材料齐全并符合法定形式”",
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "branches": {
      "title": "分支",
      "type": "array",
      "maxItems": 3,
      "items": {
        "$ref": "#/$defs/StepBranch"
      }
    }
  },
  "required": [
    "id",
    "name"
  ],
  "additionalProperties": false,
  "$defs": {
    "StepId": {
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]{0,31}$"
    },
    "ProcessRoute": {
      "title": "ProcessRoute",
      "description": "办理路径：某种情形下依次经过的环节，如一般程序、简易程序、紧急程序、不予受理",
      "type": "object",
      "properties": {
        "id": {
          "title": "路径编号",
          "$ref": "#/$defs/StepId"
        },
        "name": {
          "title": "路径名称",
          "description": "路径名称，如“一般程序”“简易程序”“紧急程序”“不予受理”",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "situation": {
          "title": "适用情形",
          "$ref": "common.schema.json#/$defs/Text"
        },
        "steps": {
          "title": "经过的环节",
          "description": "依次经过的环节编号",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StepId"
          }
        }
      },
      "required": [
        "id",
        "name",
        "steps"
      ],
      "additionalProperties": false
    },
    "StepBranch": {
      "title": "StepBranch",
      "description": "流程分支：to 为空表示流程在此结束（如不予受理），否则转到指定环节（如补正后重新受理）",
      "type": "object",
      "properties": {
        "kind": {
          "title": "分支类别",
          "$ref": "codes.schema.json#/$defs/BranchKind"
        },
        "label": {
          "title": "分支条件",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "document": {
          "title": "出具文书",
          "$ref": "common.schema.json#/$defs/ShortText"
        },
        "to": {
          "title": "转至环节",
          "$ref": "#/$defs/StepId"
        },
        "timeLimit": {
          "title": "分支时限",
          "$ref": "common.schema.json#/$defs/TimeLimit"
        }
      },
      "required": [
        "kind"
      ],
      "additionalProperties": false
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/region.schema.json",
  "title": "Region",
  "description": "行政区划：市、县（市、区）为 6 位 GB/T 2260 代码，乡镇（街道）9 位，村（社区）12 位",
  "type": "object",
  "properties": {
    "code": {
      "type": "string"
    },
    "name": {
      "$ref": "common.schema.json#/$defs/ShortText"
    },
    "level": {
      "$ref": "codes.schema.json#/$defs/RegionLevel"
    },
    "parentCode": {
      "type": "string",
      "pattern": "^[1-9](\\d{5}|\\d{8})$"
    },
    "pinyin": {
      "description": "名称拼音首字母，用于检索",
      "type": "string",
      "pattern": "^[a-z]*$"
    }
  },
  "required": [
    "code",
    "name",
    "level"
  ],
  "additionalProperties": false,
  "allOf": [
    {
      "if": {
        "properties": {
          "level": {
            "enum": [
              "city",
              "county"
            ]
          }
        }
      },
      "then": {
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[1-9]\\d{5}$"
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "level": {
            "const": "township"
          }
        }
      },
      "then": {
        "properties": {
          "code": {
            "$ref": "common.schema.json#/$defs/TownshipCode"
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "level": {
            "const": "village"
          }
        }
      },
      "then": {
        "properties": {
          "code": {
            "$ref": "common.schema.json#/$defs/VillageCode"
          }
        }
      }
    }
  ]
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.oneseal.cn/v1/results.schema.json",
  "title": "ResultDefinitions",
  "description": "模型函数的输出：校验问题、检查结论与改革指标（API 原样返回）。",
  "$defs": {
    "ValidationIssue": {
      "title": "ValidationIssue",
      "description": "文档中的一个问题：JSON Pointer 路径和给修改人看的说明",
      "type": "object",
      "properties": {
        "path": {
          "type": "string"
        },
        "message": {
          "type": "string"
        }
      },
      "required": [
        "path",
        "message"
      ],
      "additionalProperties": false
    },
    "Finding": {
      "title": "Finding",
      "description": "checkItem 的一条结论：规则编号、严重程度、实施清单中的路径（基本目录要素为 /base/…）和说明；一次检查几个事项时带事项编码",
      "type": "object",
      "properties": {
        "rule": {
          "type": "string"
        },
        "severity": {
          "type": "string",
          "enum": [
            "error",
            "warning"
          ]
        },
        "path": {
          "type": "string"
        },
        "message": {
          "type": "string"
        },
        "itemCode": {
          "description": "几个事项一起检查时（乡镇发布），结论所属的事项",
          "$ref": "common.schema.json#/$defs/BasicCode"
        }
      },
      "required": [
        "rule",
        "severity",
        "path",
        "message"
      ],
      "additionalProperties": false
    },
    "UnstatedElement": {
      "title": "UnstatedElement",
      "description": "事项没有载明的一项基本要素：事项中的路径、要素名称和给修改人看的说明（完整度警告，不是错误）",
      "type": "object",
      "properties": {
        "path": {
          "type": "string"
        },
        "label": {
          "type": "string"
        },
        "message": {
          "type": "string"
        }
      },
      "required": [
        "path",
        "label",
        "message"
      ],
      "additionalProperties": false
    },
    "Completeness": {
      "title": "Completeness",
      "description": "完整度：事项载明的基本要素占应载明要素（全国政务服务事项基本要素）的比例，以及没有载明的要素",
      "type": "object",
      "properties": {
        "score": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "stated": {
          "type": "integer",
          "minimum": 0
        },
        "total": {
          "type": "integer",
          "minimum": 0
        },
        "missing": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/UnstatedElement"
          }
        }
      },
      "required": [
        "score",
        "stated",
        "total",
        "missing"
      ],
      "additionalProperties": false
    },
    "Share": {
      "title": "Share",
      "description": "达标比例：数量、占比（0–1）、目标与是否达标",
      "type": "object",
      "properties": {
        "count": {
          "type": "integer",
          "minimum": 0
        },
        "share": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "target": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "met": {
          "type": "boolean"
        }
      },
      "required": [
        "count",
        "share",
        "target",
        "met"
      ],
      "additionalProperties": false
    },
    "RegionMetrics": {
      "title": "RegionMetrics",
      "description": "一个乡镇（或汇总的县、市）的改革指标：atMostOneVisit 最多跑一次（到现场 ≤ 1 次），online 网上可办（网办深度 Ⅱ 级及以上），inHall 进驻政务服务大厅",
      "type": "object",
      "properties": {
        "regionCode": {
          "type": "string"
        },
        "regionName": {
          "type": "string"
        },
        "itemCount": {
          "type": "integer",
          "minimum": 0
        },
        "atMostOneVisit": {
          "$ref": "#/$defs/Share"
        },
        "online": {
          "$ref": "#/$defs/Share"
        },
        "inHall": {
          "$ref": "#/$defs/Share"
        },
        "meanPromisedRatio": {
          "description": "承诺时限 ÷ 法定时限的平均值（按工作日），越小压缩越多；只计两个时限都载明天数的事项，没有这样的事项时为 null",
          "type": [
            "number",
            "null"
          ]
        },
        "promisedRatioCount": {
          "description": "承诺时限和法定时限都载明天数、计入 meanPromisedRatio 的事项数",
          "type": "integer",
          "minimum": 0
        },
        "meanMaterials": {
          "description": "平均每个事项的材料数",
          "type": [
            "number",
            "null"
          ]
        },
        "meanCompleteness": {
          "description": "平均完整度：各事项载明的基本要素占应载明要素的比例（0–1）的平均值；无事项时为 null",
          "type": [
            "number",
            "null"
          ]
        },
        "allTargetsMet": {
          "type": "boolean"
        }
      },
      "required": [
        "regionCode",
        "regionName",
        "itemCount",
        "atMostOneVisit",
        "online",
        "inHall",
        "meanPromisedRatio",
        "promisedRatioCount",
        "meanMaterials",
        "meanCompleteness",
        "allTargetsMet"
      ],
      "additionalProperties": false
    },
    "ImportReason": {
      "title": "ImportReason",
      "description": "导入时一行未通过检查的原因：工作表、行、列与说明（zh-CN）",
      "type": "object",
      "properties": {
        "sheet": {
          "type": "string"
        },
        "row": {
          "type": "integer",
          "minimum": 1
        },
        "column": {
          "type": "string",
          "description": "列名（表头）"
        },
        "message": {
          "type": "string"
        }
      },
      "required": [
        "sheet",
        "row",
        "column",
        "message"
      ],
      "additionalProperties": false
    },
    "ImportChange": {
      "title": "ImportChange",
      "description": "导入的一行对事项所作的一处修改：工作簿中的位置、实施清单条目中的路径、修改前后的值",
      "type": "object",
      "properties": {
        "sheet": {
          "type": "string"
        },
        "row": {
          "type": "integer",
          "minimum": 1,
          "description": "工作表中的行；删除的材料行没有"
        },
        "column": {
          "type": "string"
        },
        "path": {
          "type": "string",
          "description": "实施清单条目中的 JSON Pointer"
        },
        "from": {},
        "to": {}
      },
      "required": [
        "sheet",
        "column",
        "path",
        "from",
        "to"
      ],
      "additionalProperties": false
    },
    "ImportReport": {
      "title": "ImportReport",
      "description": "Excel 导入报告：有修改并通过检查的行、与清单一致的行、未通过检查的行，以及是否已写入",
      "type": "object",
      "properties": {
        "mode": {
          "type": "string",
          "enum": [
            "all",
            "valid"
          ],
          "description": "all：全部通过才写入；valid：只写入通过的行"
        },
        "accepted": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "sheet": {
                "type": "string"
              },
              "row": {
                "type": "integer",
                "minimum": 1
              },
              "itemCode": {
                "type": "string"
              },
              "changes": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/ImportChange"
                }
              },
              "warnings": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/ImportReason"
                }
              },
              "revision": {
                "type": "integer",
                "description": "写入后为新的 revision"
              }
            },
            "required": [
              "sheet",
              "row",
              "itemCode",
              "changes",
              "warnings",
              "revision"
            ],
            "additionalProperties": false
          }
        },
        "unchanged": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "sheet": {
                "type": "string"
              },
              "row": {
                "type": "integer",
                "minimum": 1
              },
              "itemCode": {
                "type": "string"
              }
            },
            "required": [
              "sheet",
              "row",
              "itemCode"
            ],
            "additionalProperties": false
          }
        },
        "refused": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "sheet": {
                "type": "string"
              },
              "row": {
                "type": "integer",
                "minimum": 1
              },
              "itemCode": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "reasons": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/ImportReason"
                }
              }
            },
            "required": [
              "sheet",
              "row",
              "itemCode",
              "reasons"
            ],
            "additionalProperties": false
          }
        },
        "written": {
          "type": "boolean"
        }
      },
      "required": [
        "mode",
        "accepted",
        "unchanged",
        "refused",
        "written"
      ],
      "additionalProperties": false
    }
  }
},
];
