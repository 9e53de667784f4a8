"""The pure verification engine: no HTTP, database or CLI imports."""
