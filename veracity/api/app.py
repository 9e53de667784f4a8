"""The ASGI application: ``create_app(settings)`` wires store, verifier and routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from veracity import __version__
from veracity.api.accounting import AccountingMiddleware
from veracity.api.batches import install_batches
from veracity.api.chat.router import router as chat_router
from veracity.api.chat.upstream import Upstream
from veracity.api.errors import install_error_handlers
from veracity.api.judges.router import router as judges_router
from veracity.api.keys.router import router as keys_router
from veracity.api.keys.usage import router as usage_router
from veracity.api.middleware import EdgeMiddleware
from veracity.api.models.router import router as models_router
from veracity.api.openapi import ERROR_RESPONSES, install_openapi
from veracity.api.verifiers import VerifierPool
from veracity.api.verify.router import router as verify_router
from veracity.config import Settings
from veracity.engine.verifier import Verifier
from veracity.mcp.hosted import router as mcp_router
from veracity.store import Store, open_store


def _upstream(settings: Settings) -> Upstream | None:
    base = settings.upstream_base_url or settings.llm_base_url
    if not base:
        return None
    return Upstream(base, settings.upstream_api_key or settings.llm_api_key, settings.upstream_timeout)


def create_app(settings: Settings, *, store: Store | None = None, verifier: Verifier | None = None) -> FastAPI:
    """Build the app. Backends are built here, at start-up, so a broken model or store
    fails loudly now rather than on the first request."""
    from veracity.factory import build_verifier

    store = store or open_store(settings.store_url)
    verifier = verifier or build_verifier(settings)

    upstream = _upstream(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await batch_worker.start()
        yield
        await batch_worker.stop()
        if upstream is not None:
            await upstream.aclose()
        store.close()

    app = FastAPI(title="Veracity", version=__version__, lifespan=lifespan,
                  description="Checks whether what an LLM said is supported, contradicted or unverifiable.")
    app.state.settings = settings
    app.state.store = store
    app.state.verifier = verifier
    app.state.verifiers = VerifierPool(settings, verifier)
    app.state.upstream = upstream
    install_error_handlers(app)

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "judge": verifier.judge.name}

    for router, tag in ((verify_router, "verify"), (chat_router, "chat"), (judges_router, "judges"),
                        (models_router, "models"), (keys_router, "keys"), (usage_router, "usage")):
        app.include_router(router, tags=[tag], responses=ERROR_RESPONSES)
    batch_worker = install_batches(app, settings)
    app.include_router(mcp_router, tags=["mcp"], responses=ERROR_RESPONSES)
    install_openapi(app)
    app.add_middleware(AccountingMiddleware)
    app.add_middleware(EdgeMiddleware, max_body_bytes=settings.max_body_bytes, max_json_depth=settings.max_json_depth)
    return app
