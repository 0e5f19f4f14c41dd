import type { Migration } from "../core/migration.js";

/** Where migrations come from: a folder, a bundled list, anything that can list them. */
export interface MigrationSource {
  /** Migrations in version order. Throws a PitstopError on bad input (duplicate versions, bad names). */
  load(): Promise<Migration[]>;
  /** Shown in messages, e.g. `migrations/`. */
  readonly description: string;
}
