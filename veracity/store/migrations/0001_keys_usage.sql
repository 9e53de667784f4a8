CREATE TABLE api_keys (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, prefix TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
      admin INTEGER NOT NULL DEFAULT 0, plan TEXT NOT NULL DEFAULT 'trial',
      created_at INTEGER NOT NULL, revoked_at INTEGER, last_used_at INTEGER);
    CREATE TABLE usage (
      id INTEGER PRIMARY KEY, key_id TEXT, endpoint TEXT NOT NULL, prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL, latency_ms REAL NOT NULL, status INTEGER NOT NULL,
      verdict TEXT, created_at INTEGER NOT NULL);
    CREATE INDEX usage_key_time ON usage (key_id, created_at);
