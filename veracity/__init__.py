"""Veracity: self-hosted verification of what an LLM said.

The public entry point for library use is :class:`veracity.engine.Verifier`; the
service (``veracity serve``), the CLI and the batch runner all call it the same way.
"""

__version__ = "0.1.0"
