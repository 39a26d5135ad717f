/** The ward household registry, I/O-free: parse a list file, write one, compare two. */
export { parseRegistryFile, detectFormat } from './parse.js';
export { writeRegistryCsv, writeRegistryXlsx, EXPORT_FIELDS, type CsvOptions } from './write.js';
export {
  diffRegistry,
  normaliseHousehold,
  REGISTRY_CHANGES,
  type RegistryChange,
  type RegistryDiff,
  type RegistryUpdate,
} from './diff.js';
export {
  REGISTRY_COLUMNS,
  REGISTRY_FIELDS,
  matchHeader,
  parseCategory,
  type RegistryColumn,
  type RegistryField,
} from './format.js';
export * from './types.js';
