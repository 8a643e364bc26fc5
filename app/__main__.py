"""`python -m app`: serve `app.main:app` with uvicorn on the configured host and port."""

from __future__ import annotations

import copy
from typing import Any

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from app.config import get_settings


def main() -> None:
    settings = get_settings()
    trusted_proxies = settings.forwarded_allow_ips.strip()
    uvicorn.run(
        "app.main:app",
        host=settings.host,
        port=settings.port,
        # X-Forwarded-For is believed only from the proxies named (opt-in).
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=trusted_proxies or None,
        access_log=False,  # app.middleware writes JSON access lines with request ids
        server_header=False,
        # Longer than a student's pause between runs: an idle connection closed just as the
        # browser reuses it makes a failed request (5 s, uvicorn's default, is too short).
        timeout_keep_alive=30,
        log_config=_log_config(),
    )


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, plus the sandbox's start-up line (which isolation layers are on)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["autograd_lab.sandbox"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


if __name__ == "__main__":
    main()
