-- +up
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  role text NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'admin')),
  password_hash text NOT NULL,
  created timestamptz NOT NULL DEFAULT now(),
  updated timestamptz NOT NULL DEFAULT now()
);

-- Emails compare case-insensitively: Ann@Example.com and ann@example.com are one user.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- +down
DROP TABLE users;
