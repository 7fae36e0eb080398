"""The adapters a running portal uses, chosen once from settings and handed to the services."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.adapters.contract_source import ContractSource, DemoContractSource, HttpContractSource
from backend.adapters.messaging import DevOutbox, HttpGateway, Messenger
from backend.adapters.payments import Acquirer, build_acquirer
from backend.adapters.pubsub import InProcessPubSub, PubSub, RedisPubSub
from backend.adapters.pdf_signing import PdfSigner, build_pdf_signer
from backend.adapters.ratelimit import InProcessRateLimiter, RateLimiter, RedisRateLimiter
from backend.adapters.registries import DemoRegistry, HttpRegistry, Registry
from backend.adapters.signatures import SignatureVerifier, build_signature_verifier
from backend.adapters.storage import Storage, build_storage
from backend.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    messenger: Messenger
    pubsub: PubSub
    contract_source: ContractSource = field(default_factory=DemoContractSource)
    rate_limiter: RateLimiter = field(default_factory=InProcessRateLimiter)
    # Optional so that a runtime built by hand (tests, scripts) gets the storage its settings name.
    storage: Storage = None  # type: ignore[assignment]
    # EDS: both load their keys and trust roots on first use (in development, the demo CA).
    signatures: SignatureVerifier = None  # type: ignore[assignment]
    pdf_signer: PdfSigner | None = None  # None when no signing key is configured (production without one)
    registry: Registry = None  # type: ignore[assignment]  # the state registries of the housing queue
    acquirer: Acquirer = None  # type: ignore[assignment]  # online payments (PAYMENTS=sandbox|http)

    def __post_init__(self) -> None:
        if self.storage is None:
            self.storage = build_storage(self.settings)
        if self.signatures is None:
            self.signatures = build_signature_verifier(self.settings)
        if self.pdf_signer is None:
            self.pdf_signer = build_pdf_signer(self.settings)
        if self.registry is None:
            self.registry = build_registry(self.settings)
        if self.acquirer is None:
            self.acquirer = build_acquirer(self.settings)

    async def close(self) -> None:
        await self.pubsub.close()
        await self.rate_limiter.close()
        await self.storage.close()
        registry_closer = getattr(self.registry, "aclose", None)
        if registry_closer:
            await registry_closer()
        acquirer_closer = getattr(self.acquirer, "aclose", None)
        if acquirer_closer:
            await acquirer_closer()
        closer = getattr(self.messenger, "aclose", None)
        if closer:
            await closer()


def build_registry(settings: Settings) -> Registry:
    if settings.registry_url:
        return HttpRegistry(settings.registry_url, settings.registry_token, settings.registry_timeout_seconds)
    # Production refuses to start without REGISTRY_URL (Settings.from_env): only synthetic citizens
    # exist in the demo registry.
    return DemoRegistry()


def build_runtime(settings: Settings) -> Runtime:
    messenger: Messenger
    if settings.messaging == "http":
        messenger = HttpGateway(
            settings.sms_http_url, settings.sms_http_token, settings.sms_sender,
            smtp_host=settings.smtp_host, smtp_port=settings.smtp_port, smtp_from=settings.smtp_from,
        )
    else:
        messenger = DevOutbox()
    pubsub: PubSub = RedisPubSub(settings.redis_url) if settings.redis_url else InProcessPubSub()
    contract_source: ContractSource = (
        HttpContractSource(settings.contract_source_url, settings.contract_source_token)
        if settings.contract_source_url
        else DemoContractSource()
    )
    rate_limiter: RateLimiter = RedisRateLimiter(settings.redis_url) if settings.redis_url else InProcessRateLimiter()
    return Runtime(
        settings=settings, messenger=messenger, pubsub=pubsub, contract_source=contract_source, rate_limiter=rate_limiter
    )
