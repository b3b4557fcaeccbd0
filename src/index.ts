/** bibfolio's public API. */
export { scanBibtex } from './store/scan.js';
export type { Block, RawEntry, RawField, ScanResult, Span, SyntaxProblem, ValuePart } from './model/syntax.js';
export { parseStore, type ParsedStore } from './store/parse.js';
export { readStore, StoreReadError } from './store/read.js';
export type { BibEntry } from './model/entry.js';
export {
  formatProblem,
  hasErrors,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  type Severity,
} from './model/problems.js';
export { OwnerMatcher, foldText, type PersonName } from './model/names.js';
export { parseAnnotation, type ParsedAnnotations } from './model/annotations.js';
export { parseArxivId, arxivIdOfFields, findArxivIdInText, formatArxivId, type ArxivId } from './model/arxiv-id.js';
export { parseConfig, defaultConfig, toPersonName, ConfigError, type Config, type OutputSpec } from './model/config.js';
export { configSchema } from './model/config-schema-public.js';
export { toCslItems, type MappedItems } from './csl/mapping.js';
export type { CslItem, BibfolioData, PublicationKind } from './csl/types.js';
export {
  loadStyle,
  loadLocale,
  resolveLocale,
  styleNames,
  styleSearchDirs,
  localeNames,
  StyleNotFoundError,
  StyleError,
  type StyleSource,
  type StyleSearch,
} from './csl/registry.js';
export { publicationsOf, type Publications } from './pipeline.js';
export {
  renderList,
  titleLink,
  OUTPUT_FORMATS,
  type ListOptions,
  type OutputFormat,
  type RenderedList,
  type AnnotationStyle,
} from './render/list.js';
export { selectAuthors, type AuthorSelection } from './csl/authors.js';
export type { GroupBy } from './render/group.js';
export { checkStore } from './check/check-store.js';
export { runCli } from './cli/program.js';
export {
  exportBib,
  EXPORT_TARGETS,
  type ExportTarget,
  type ExportOptions,
  type ExportResult,
} from './export/export.js';
export { parseFeed, FeedError, type ArxivRecord, type ParsedFeed } from './arxiv/atom.js';
export {
  ArxivClient,
  ArxivError,
  ArxivUsageError,
  ARXIV_API_URL,
  type ClientOptions,
  type FetchResult,
} from './arxiv/client.js';
export { FileCache, defaultCacheDir, type ResponseCache } from './arxiv/cache.js';
export { planSync, idsToSync, type SyncInput, type SyncPlan, type SyncReport } from './sync/plan.js';
export { parseSidecar, serializeSidecar, emptySidecar, sidecarPathFor, type Sidecar } from './sync/sidecar.js';
export { formatReport } from './sync/report.js';
export {
  withStoreTransaction,
  StoreTransactionError,
  StepSession,
  type StoreSession,
  type StoreTransactionOptions,
} from './sync/store-transaction.js';
export { citationKey, detectKeyPattern, keyPatternOf, DEFAULT_KEY_PATTERN, type KeyParts } from './sync/keys.js';
export { planAdd } from './sources/add-plan.js';
export { DoiClient, type CslWork } from './sources/doi.js';
export { dataciteToCsl } from './sources/datacite.js';
export { prepareStyleForLists, LIST_STYLE_RULES, type ListStyleRule } from './csl/prepare-style.js';
export { applyEdits, type TextEdit } from './store/edit.js';
export { NameChanges } from './model/name-changes.js';
export { prepareList, finishList, assembleList } from './render/list.js';
export { renderItems, type IrCache } from './render/render-items.js';
export { WorkerPool } from './render/worker-pool.js';
export { RenderSession, type RenderSessionOptions } from './engine/render-session.js';
export { openProject, outputPath, type Project, type ProjectOptions } from './engine/project.js';
export { listOptions, type ListFlags } from './engine/list-options.js';
export {
  renderProjectList,
  renderProjectOutputs,
  withProjectSession,
  projectPublications,
  type ListRequest,
  type ProblemSink,
  type RenderedOutput,
  type SessionChoices,
} from './engine/project-lists.js';
export { UsageError } from './model/errors.js';
export { refuseErrors, StoreErrorsError } from './model/problems.js';
export { writeOutputFile } from './store/atomic-write.js';
export { readEntryConventions, type ReadEntry, type ConventionContext } from './conventions/read-entry.js';
export { preambleMacros, expandMacros, type Macros } from './conventions/preamble-macros.js';
export { AAS_JOURNAL_MACROS } from './conventions/journal-macros.js';
export { adoptSite, type AdoptedSite, type SiteFiles, type SiteKind } from './site/adopt.js';
export { mergeField, type FieldMerge } from './sync/merge-rule.js';
export { isPreprint, isPreprintVenue } from './model/preprint.js';
