// The public entry of @oneseal/schemas: the one model every other package imports.
export * from './generated/types';
export { SCHEMA_REFS } from './generated/schemaRefs';
export type { SchemaTypes } from './generated/schemaRefs';
export { createAjv, AJV_FORMATS, FORMAT_CHECKS } from './ajv';
export type { Ajv, AjvOptions } from './ajv';
export type { ErrorObject, ValidateFunction } from 'ajv';
export { SCHEMA_IDS, loadSchemas } from './schemaFiles';
export type { SchemaName, JsonSchemaObject } from './schemaFiles';
export { CODE_LISTS, codeLabel, codeOptions } from './codeLists';
export type { CodeListName, CodeValue, CodeOption } from './codeLists';
export { toIssues } from './messages';
export type { Locale } from './messages';
export { validateItem, validateBundle, validateDocument } from './validate';
export type { ValidationResult, ItemDocument, DocumentKind } from './validate';
export { MAX_DOCUMENT_DEPTH, MAX_FORM_DEPTH } from './structure';
export { assessImplementation, checkItem, implementationCompleteness, RULES } from './check';
export { assessCompleteness, ELEMENT_SET } from './completeness';
export type { ElementDefinition } from './completeness';
export { migrateDocument, SCHEMA_VERSION } from './migration';
export type { Migrated } from './migration';
export { AREA_CODES, areaCodeOf, dialablePhone } from './areaCodes';
export { isComplaintChannel, isConsultChannel } from './contacts';
export type { Rule, Severity } from './check';
export { patternsIn, patternSize } from './check/patterns';
export type { PatternAt } from './check/patterns';
export { resolveItem, ResolutionError } from './resolve';
export type { ResolveOptions } from './resolve';
export {
  metrics,
  aggregateMetrics,
  metricsFromTotals,
  itemTotals,
  addTotals,
  NO_TOTALS,
  REFORM_TARGETS,
} from './metrics';
export type { MetricTotals } from './metrics';
export { serviceTags, isOnlineAvailable, isAtMostOneVisit, isNearby, SERVICE_TAGS } from './tags';
export { evaluateCondition, conditionFields, valueAt, isEmptyValue } from './condition';
export { formFieldEntries } from './formFields';
export {
  FIELD_TYPES,
  FIELD_TYPE_CODES,
  MASKED_FORMATS,
  PALETTE_GROUPS,
  fieldTypeLabel,
  fieldTypeOf,
} from './fieldTypes';
export type { ComponentProp, FieldType, PaletteGroup, PaperInput, PaperRendering } from './fieldTypes';
export type { FieldEntry } from './formFields';
export { exceedsLimit, formatTimeLimit, toWorkdays, workdayRange } from './timeLimit';
export { actorName, SEED_ACTOR, SUBMISSION_ACTIONS } from './submissionActions';
export * from './calendar';
export { isIdCardNumber, idCardCheckChar, isRealBirthDate } from './formats/idCard';
export { isUscc, usccCheckChar, orgCodeCheckChar } from './formats/uscc';
export { isDivisionCode, isWithinRegion, regionCodePrefix, townshipKind } from './formats/division';
export type { TownshipKind } from './formats/division';
export { regionTree } from './regionTree';
export type { RegionOption } from './regionTree';
export { isLandline, isLocalNumber, isMobile, isPhone, isPostcode, isServicePhone } from './formats/phone';
export { diffDocuments } from './diff';
export { summarizeChanges } from './changeSummary';
export { SERVER_OWNED_PROPERTIES } from './serverOwned';
export type { ChangeLine, ChangeSummaryOptions } from './changeSummary';
export { checksModule, evaluateChecks, loadChecks } from './standalone';
export type { CompiledCheck } from './standalone';
export * from './api';
export {
  BASE_ELEMENTS,
  ELEMENTS,
  IMPLEMENTATION_ELEMENTS,
  ITEM_NAME_ELEMENT,
  MATERIAL_ELEMENTS,
  NESTED_NAMES,
  UnmappedElementError,
  elementFromCell,
  elementToCell,
  fromNational,
  nestedFromNational,
  nestedToNational,
  toNational,
} from './exchange/nationalElements';
export type { ElementKind, ExchangeList, NationalElement, NationalRecord } from './exchange/nationalElements';
export {
  checkBookingSettings,
  hoursOn,
  MAX_SLOT_RANGE_DAYS,
  slotAt,
  slotDays,
  slotsOn,
  WEEKDAY_LABELS,
  weekdayOf,
} from './booking';
export type { DaySlot, WeekdayKey } from './booking';
