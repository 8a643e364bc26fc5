"""The client cookie: a random client id in an HMAC-signed value, so ids only come from us."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from app.config import Settings

CLIENT_COOKIE = "agl_client"


class ClientCookie:
    """Random client ids in an HMAC-signed cookie value `<id>.<signature>`."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @classmethod
    def from_settings(cls, settings: Settings) -> ClientCookie:
        """Signed with `secret_key`; without one, a random key for this process's lifetime."""
        key = settings.secret_key.encode() if settings.secret_key else secrets.token_bytes(32)
        return cls(key)

    def _sign(self, client_id: str) -> str:
        digest = hmac.new(self._secret, client_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def issue(self) -> tuple[str, str]:
        """A new `(client_id, cookie value)`."""
        client_id = secrets.token_urlsafe(16)
        return client_id, f"{client_id}.{self._sign(client_id)}"

    def verify(self, value: str) -> str | None:
        """The client id in a cookie value this server signed, else None."""
        client_id, dot, signature = value.partition(".")
        if not dot or not client_id or len(value) > 128:
            return None
        if not hmac.compare_digest(signature.encode(), self._sign(client_id).encode()):
            return None
        return client_id


def set_cookie_header(value: str, *, secure: bool) -> bytes:
    """The client cookie: a year long, invisible to scripts, not sent on cross-site requests."""
    attributes = f"{CLIENT_COOKIE}={value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"
    return (attributes + ("; Secure" if secure else "")).encode()
