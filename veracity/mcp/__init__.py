"""MCP (Model Context Protocol) tools: hosted at ``POST /v1/mcp``, or standalone (`veracity mcp`)."""
