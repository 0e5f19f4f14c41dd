import type { SeedContext, SeedDb } from "pg-pitstop";
import { hashPassword } from "../src/password.js";

export const tables = ["users"];

/**
 * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD in the environment
 * (never from a file in git). Does nothing once any admin exists; the
 * password is hashed and never printed.
 */
export async function seed(db: SeedDb, ctx: SeedContext): Promise<number> {
  const email = ctx.env.ADMIN_EMAIL?.trim();
  const password = ctx.env.ADMIN_PASSWORD;
  const { rows } = await db.query<{ email: string }>(
    "SELECT email FROM users WHERE role = 'admin' ORDER BY id LIMIT 1",
  );
  if (rows[0]) {
    ctx.log(`an admin exists (${rows[0].email}): nothing to do`);
    return 0;
  }
  if (!email || !password) {
    ctx.log("no admin yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first one");
    return 0;
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new Error(`ADMIN_EMAIL is not an email address: ${email}`);
  if (password.length < 12)
    throw new Error("ADMIN_PASSWORD is too short: use at least 12 characters");
  const hash = await hashPassword(password);
  // A reader with that email becomes the admin; the password given now replaces theirs.
  const result = await db.query(
    `INSERT INTO users (email, role, password_hash) VALUES ($1, 'admin', $2)
     ON CONFLICT (lower(email)) DO UPDATE SET role = 'admin', password_hash = EXCLUDED.password_hash, updated = now()`,
    [email, hash],
  );
  ctx.log(`created the first admin: ${email}`);
  return result.rowCount ?? 1;
}
