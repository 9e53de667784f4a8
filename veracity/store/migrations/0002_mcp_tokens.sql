CREATE TABLE mcp_tokens (
      key_id TEXT PRIMARY KEY REFERENCES api_keys (id), prefix TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL);
