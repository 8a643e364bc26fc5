"""try/except/else/finally and raise: what a learner sees, and what a program can never catch."""

from __future__ import annotations

from app.worker.program import run_program


def stdout_of(code: str) -> str:
    result = run_program(code)
    assert result["error"] is None, result["error"]
    return result["stdout"]


def test_second_backward_error_is_caught_with_torch_text() -> None:
    out = stdout_of(
        "import torch\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "y = (x * x).sum()\n"
        "y.backward()\n"
        "try:\n"
        "    y.backward()\n"
        "except RuntimeError as e:\n"
        "    print(type(e), isinstance(e, Exception), isinstance(e, ValueError))\n"
        "    print(str(e)[:40])\n"
    )
    assert out == "<class 'RuntimeError'> True False\nTrying to backward through the graph a s\n"


def test_tuple_handler_else_finally_and_args() -> None:
    code = (
        "for i in [0, 5]:\n"
        "    try:\n"
        "        v = [1][i]\n"
        "    except (KeyError, IndexError) as e:\n"
        "        print('caught', repr(e), e.args)\n"
        "    else:\n"
        "        print('got', v)\n"
        "    finally:\n"
        "        print('done')\n"
    )
    assert stdout_of(code) == (
        "got 1\ndone\ncaught IndexError('list index out of range') "
        "('list index out of range',)\ndone\n"
    )


def test_raise_reraise_and_from() -> None:
    out = stdout_of(
        "try:\n"
        "    try:\n"
        "        raise KeyError('k') from None\n"
        "    except LookupError:\n"
        "        print('inner')\n"
        "        raise\n"
        "except Exception as e:\n"
        "    print(e, repr(e))\n"
    )
    assert out == "inner\n'k' KeyError('k')\n"


def test_uncaught_raise_reports_its_line_and_text() -> None:
    result = run_program("x = 1\nraise ValueError('bad value')\n")
    assert result["error"] is not None
    assert (result["error"]["type"], result["error"]["message"], result["error"]["line"]) == (
        "ValueError",
        "bad value",
        2,
    )


def test_handler_name_is_unbound_after_the_handler() -> None:
    result = run_program("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    pass\nprint(e)\n")
    assert result["error"] is not None
    assert result["error"]["type"] == "NameError"
    assert result["error"]["line"] == 5
