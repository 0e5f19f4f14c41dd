/**
 * `pitstop/testing`: real databases for tests.
 *
 * @example
 * import { startPostgres } from "pitstop/testing";
 * const server = await startPostgres();   // throwaway cluster on 127.0.0.1
 * // ... tests against server.url ...
 * await server.stop();
 */
export {
  DEFAULT_SERVER_SETTINGS,
  findPostgresBindir,
  type PostgresServer,
  type StartPostgresOptions,
  startPostgres,
  stopPostgres,
} from "./pg-server.js";
