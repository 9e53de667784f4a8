"""Per-key plans and their limits: requests per minute, concurrent requests, context size, batch lines.

``plans.py`` says what each plan allows; ``limiter.py`` enforces rate and concurrency
through the store (so several server processes sharing one store share the counters);
``context.py`` enforces the context size (413) and the message count (400).
"""
