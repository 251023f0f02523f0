"""Network connectors: one module per network behind the small interface in `base`."""

from townhall.connectors.base import (
    AccountInfo,
    Connector,
    ConnectorError,
    Credentials,
    PermanentError,
    PublishRequest,
    PublishResult,
    TransientError,
    get_connector,
)

__all__ = [
    "AccountInfo",
    "Connector",
    "ConnectorError",
    "Credentials",
    "PermanentError",
    "PublishRequest",
    "PublishResult",
    "TransientError",
    "get_connector",
]
