"""Settings: every tunable of the app in one object, read from `AUTOGRAD_LAB_*` variables."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache

ENV_PREFIX = "AUTOGRAD_LAB_"


@dataclass(frozen=True, slots=True)
class Settings:
    """The app's configuration. Each field `x` is read from the variable `AUTOGRAD_LAB_X`."""

    # serving
    host: str = "127.0.0.1"
    port: int = 8000
    # sandbox worker processes: more than cores, so programs that run into their time limit
    # (at lowered priority) cannot take every worker from a classroom's quick runs
    workers: int = min(16, 4 * (os.cpu_count() or 1))
    queue_size: int = 64  # programs waiting for a worker before the API answers 503
    # an address may hold at most its share of the workers: the pool divided among the
    # addresses that asked for one within this many seconds (app/worker/fair_queue.py)
    fair_share_window_s: float = 60.0
    max_body_bytes: int = 65_536  # request bodies beyond this get 413 before being read whole
    retry_after_s: int = 2  # what a 503 tells the client to wait

    # the program text
    max_source_bytes: int = 20_000
    max_lines: int = 500
    max_ast_depth: int = 50
    max_ast_nodes: int = 5_000
    parse_cache_mb: int = 16  # accepted syntax trees a worker keeps, by the memory they hold

    # values the program makes
    max_int_bits: int = 4_096
    max_sequence_length: int = 100_000  # characters in a string, items in a list/tuple/dict
    max_nested_elements: int = 1_000_000  # items in a list printed or compared, sublists included
    max_builtin_steps: int = 10_000_000  # element steps of one C-level builtin (sort, sum of lists)
    max_tensor_elements: int = 1_000_000
    max_live_elements: int = 10_000_000  # elements in all tensors the program holds at once
    max_matmul_flops: int = 500_000_000  # multiply-adds in one matmul
    max_recorded_ops: int = 20_000  # grad_fn nodes the program may record
    max_output_bytes: int = 200_000  # the transcript

    # time and memory
    max_loop_iterations: int = 100_000  # all loop and comprehension iterations together
    max_call_depth: int = 32  # nested calls of the program's own functions
    time_limit_s: float = 5.0  # wall-clock time checked by the interpreter
    deadline_grace_s: float = 2.0  # the API kills a worker at time_limit_s + this
    cpu_limit_s: int = 10  # RLIMIT_CPU seconds per program
    memory_limit_mb: int = 1_024  # RLIMIT_AS of a worker process
    worker_max_jobs: int = 500  # a worker is replaced after this many programs
    worker_uid: int = 65534  # an API running as root runs its workers as this uid (and gid)
    # a worker's answer (output, graph and steps as JSON) beyond this is refused unread
    max_answer_bytes: int = 32 * 1024 * 1024

    # what a client may send before the app sees a request (app/__main__.py)
    http_max_head_bytes: int = 32_768  # request line plus headers
    http_max_headers: int = 100
    http_head_timeout_s: float = 10.0  # from a request's first byte (or a new connection)
    http_body_timeout_s: float = 30.0  # from the end of the headers to the end of the body
    http_idle_timeout_s: int = 30  # an idle keep-alive connection is closed after this
    http_max_connections: int = 2_048  # open connections in all (503 beyond)
    http_max_connections_per_ip: int = 256

    # HTTP hardening (app/middleware/)
    frame_ancestors: str = "'self'"  # CSP frame-ancestors: who may embed the app in a frame
    forwarded_allow_ips: str = ""  # proxies trusted for X-Forwarded-For ("" = proxy headers off)
    secret_key: str = ""  # signs the client cookie; "" = random per process (set it for >1)
    rate_limit_enabled: bool = True
    rate_limit_client_per_s: float = 1.0  # /api/ requests per second per browser (sustained)
    rate_limit_client_burst: int = 30  # ... and in a burst
    rate_limit_client_concurrency: int = 1  # programs one browser may have running at once
    rate_limit_slow_cost_per_s: float = 5.0  # extra tokens per second a request takes beyond 1 s
    rate_limit_anonymous_per_s: float = 0.5  # /api/ requests without a valid cookie, per address
    rate_limit_anonymous_burst: int = 10
    rate_limit_ip_per_s: float = 50.0  # ceiling for one address (a whole class behind one NAT)
    rate_limit_ip_burst: int = 500
    # client cookies handed out per address: a class arriving at once, not a cookie farm
    rate_limit_new_clients_per_s: float = 2.0
    rate_limit_new_clients_burst: int = 100
    rate_limit_max_tracked: int = 100_000  # buckets kept per kind (least recently used go)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults overridden by `AUTOGRAD_LAB_*` variables; a malformed value is an error."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in fields(cls):
            raw = env.get(ENV_PREFIX + field.name.upper())
            if raw is None:
                continue
            kind = type(getattr(_DEFAULTS, field.name))
            try:
                values[field.name] = _parse_bool(raw) if kind is bool else kind(raw.strip())
            except ValueError:
                raise ValueError(
                    f"{ENV_PREFIX}{field.name.upper()}={raw!r} is not a valid {kind.__name__}"
                ) from None
        settings = dataclasses.replace(_DEFAULTS, **values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        """Reject settings that cannot work (a zero pool, a negative limit)."""
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, int | float) and value < 0:
                raise ValueError(f"{ENV_PREFIX}{field.name.upper()} must not be negative")
        if self.workers < 1:
            raise ValueError(f"{ENV_PREFIX}WORKERS must be at least 1")

    @property
    def deadline_s(self) -> float:
        """Wall-clock seconds after which the API kills the worker running a program."""
        return self.time_limit_s + self.deadline_grace_s


def _parse_bool(raw: str) -> bool:
    """`1/true/yes/on` or `0/false/no/off` (bool("false") would be True)."""
    word = raw.strip().lower()
    if word in {"1", "true", "yes", "on"}:
        return True
    if word in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(raw)


_DEFAULTS = Settings()


@cache
def get_settings() -> Settings:
    """The process's settings, read once from the environment."""
    return Settings.from_env()
