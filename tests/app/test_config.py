"""Settings come from AUTOGRAD_LAB_* environment variables, with errors for malformed values."""

from __future__ import annotations

import pytest

from app.config import Settings


def test_defaults_without_environment() -> None:
    settings = Settings.from_env({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.deadline_s == settings.time_limit_s + settings.deadline_grace_s


def test_each_type_is_parsed_from_its_variable() -> None:
    settings = Settings.from_env(
        {
            "AUTOGRAD_LAB_PORT": "9000",
            "AUTOGRAD_LAB_TIME_LIMIT_S": "2.5",
            "AUTOGRAD_LAB_HOST": "0.0.0.0",
            "AUTOGRAD_LAB_RATE_LIMIT_ENABLED": "false",
            "AUTOGRAD_LAB_MAX_TENSOR_ELEMENTS": "123",
        }
    )
    assert settings.port == 9000
    assert settings.time_limit_s == 2.5
    assert settings.host == "0.0.0.0"
    assert settings.rate_limit_enabled is False
    assert settings.max_tensor_elements == 123


@pytest.mark.parametrize(
    ("name", "value"),
    [("AUTOGRAD_LAB_PORT", "eighty"), ("AUTOGRAD_LAB_RATE_LIMIT_ENABLED", "maybe")],
)
def test_malformed_values_are_errors(name: str, value: str) -> None:
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: value})


def test_impossible_values_are_errors() -> None:
    with pytest.raises(ValueError, match="AUTOGRAD_LAB_WORKERS"):
        Settings.from_env({"AUTOGRAD_LAB_WORKERS": "0"})
    with pytest.raises(ValueError, match="AUTOGRAD_LAB_MAX_LINES"):
        Settings.from_env({"AUTOGRAD_LAB_MAX_LINES": "-1"})
