CREATE TABLE rate_windows (
      key_id TEXT NOT NULL, minute INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (key_id, minute));
    CREATE TABLE inflight (
      id TEXT PRIMARY KEY, key_id TEXT NOT NULL, expires_at REAL NOT NULL);
    CREATE INDEX inflight_key ON inflight (key_id, expires_at);
    CREATE INDEX usage_time ON usage (created_at)
