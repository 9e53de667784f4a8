"""/v1/files: OpenAI's Files API, streamed to and from the data directory."""
