CREATE TABLE files (
      id TEXT PRIMARY KEY, key_id TEXT NOT NULL, filename TEXT NOT NULL, purpose TEXT NOT NULL,
      bytes INTEGER NOT NULL, created_at INTEGER NOT NULL, deleted_at INTEGER);
    CREATE INDEX files_key ON files (key_id, created_at);
    CREATE TABLE batches (
      id TEXT PRIMARY KEY, key_id TEXT NOT NULL, input_file_id TEXT NOT NULL, endpoint TEXT NOT NULL,
      completion_window TEXT NOT NULL, metadata TEXT, status TEXT NOT NULL, errors TEXT,
      output_file_id TEXT, error_file_id TEXT, total INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL, in_progress_at INTEGER, expires_at INTEGER, finalizing_at INTEGER,
      completed_at INTEGER, failed_at INTEGER, expired_at INTEGER, cancelling_at INTEGER, cancelled_at INTEGER,
      seq INTEGER NOT NULL);
    CREATE INDEX batches_key ON batches (key_id, seq);
    CREATE INDEX batches_status ON batches (status);
    CREATE TABLE batch_results (
      batch_id TEXT NOT NULL, custom_id TEXT NOT NULL, line INTEGER NOT NULL, ok INTEGER NOT NULL,
      payload TEXT NOT NULL, PRIMARY KEY (batch_id, custom_id));
    CREATE INDEX batch_results_line ON batch_results (batch_id, line)
