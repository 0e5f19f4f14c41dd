import type { Rule } from "../types.js";
import { addColumnNotNull } from "./add-column-not-null.js";
import { addColumnRewrite } from "./add-column-rewrite.js";
import { columnTypeRewrite } from "./column-type-rewrite.js";
import { concurrentlyInTransaction } from "./concurrently-in-transaction.js";
import { constraintNotValid } from "./constraint-not-valid.js";
import { dropColumn } from "./drop-column.js";
import { dropSchema } from "./drop-schema.js";
import { dropTable } from "./drop-table.js";
import { enumValueChange } from "./enum-value-change.js";
import { historyTable } from "./history-table.js";
import { indexConcurrently } from "./index-concurrently.js";
import { lintIgnore } from "./lint-ignore.js";
import { lockTimeout } from "./lock-timeout.js";
import { preferBigint } from "./prefer-bigint.js";
import { preferIdentity } from "./prefer-identity.js";
import { preferJsonb } from "./prefer-jsonb.js";
import { preferText } from "./prefer-text.js";
import { preferTimestamptz } from "./prefer-timestamptz.js";
import { renameColumn } from "./rename-column.js";
import { renameTable } from "./rename-table.js";
import { setNotNull } from "./set-not-null.js";
import { syntaxError } from "./syntax-error.js";
import { truncate } from "./truncate.js";
import { uniqueUsingIndex } from "./unique-using-index.js";
import { validateSameTransaction } from "./validate-same-transaction.js";

/** Every rule, in the order findings for one statement are reported. */
export const RULES: readonly Rule[] = [
  addColumnRewrite,
  addColumnNotNull,
  setNotNull,
  columnTypeRewrite,
  renameColumn,
  renameTable,
  dropColumn,
  dropTable,
  dropSchema,
  indexConcurrently,
  concurrentlyInTransaction,
  constraintNotValid,
  validateSameTransaction,
  uniqueUsingIndex,
  truncate,
  enumValueChange,
  historyTable,
  lockTimeout,
  preferBigint,
  preferIdentity,
  preferText,
  preferTimestamptz,
  preferJsonb,
  lintIgnore,
  syntaxError,
];
