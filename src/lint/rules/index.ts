import type { Rule } from "../types.js";
import { addColumnNotNull } from "./add-column-not-null.js";
import { addColumnRewrite } from "./add-column-rewrite.js";
import { cluster } from "./cluster.js";
import { columnTypeRewrite } from "./column-type-rewrite.js";
import { combineAlters } from "./combine-alters.js";
import { concurrentlyInTransaction } from "./concurrently-in-transaction.js";
import { constraintNotValid } from "./constraint-not-valid.js";
import { dataChangeWithDdl } from "./data-change-with-ddl.js";
import { dataChangeWithoutWhere } from "./data-change-without-where.js";
import { domainConstraintNotValid } from "./domain-constraint-not-valid.js";
import { dropColumn } from "./drop-column.js";
import { dropDatabase } from "./drop-database.js";
import { dropSchema } from "./drop-schema.js";
import { dropTable } from "./drop-table.js";
import { enumValueChange } from "./enum-value-change.js";
import { exclusionConstraint } from "./exclusion-constraint.js";
import { foreignKeyIndex } from "./foreign-key-index.js";
import { historyTable } from "./history-table.js";
import { indexConcurrently } from "./index-concurrently.js";
import { lintIgnore } from "./lint-ignore.js";
import { lockTimeout } from "./lock-timeout.js";
import { preferBigint } from "./prefer-bigint.js";
import { preferIdentity } from "./prefer-identity.js";
import { preferJsonb } from "./prefer-jsonb.js";
import { preferText } from "./prefer-text.js";
import { preferTimestamptz } from "./prefer-timestamptz.js";
import { primaryKeyNullable } from "./primary-key-nullable.js";
import { refreshMaterializedView } from "./refresh-materialized-view.js";
import { renameColumn } from "./rename-column.js";
import { renameSchema } from "./rename-schema.js";
import { renameTable } from "./rename-table.js";
import { setLogged } from "./set-logged.js";
import { setNotNull } from "./set-not-null.js";
import { setTablespace } from "./set-tablespace.js";
import { syntaxError } from "./syntax-error.js";
import { truncate } from "./truncate.js";
import { unclosedTransaction } from "./unclosed-transaction.js";
import { uniqueUsingIndex } from "./unique-using-index.js";
import { vacuumFull } from "./vacuum-full.js";
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
  dropDatabase,
  renameSchema,
  indexConcurrently,
  concurrentlyInTransaction,
  constraintNotValid,
  validateSameTransaction,
  uniqueUsingIndex,
  primaryKeyNullable,
  exclusionConstraint,
  domainConstraintNotValid,
  dataChangeWithDdl,
  dataChangeWithoutWhere,
  vacuumFull,
  cluster,
  setTablespace,
  setLogged,
  refreshMaterializedView,
  truncate,
  enumValueChange,
  historyTable,
  lockTimeout,
  unclosedTransaction,
  combineAlters,
  foreignKeyIndex,
  preferBigint,
  preferIdentity,
  preferText,
  preferTimestamptz,
  preferJsonb,
  lintIgnore,
  syntaxError,
];
