"""`python -m app`: serve `app.main:app` with uvicorn on the configured host and port."""

from __future__ import annotations

import uvicorn

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
    )


if __name__ == "__main__":
    main()
