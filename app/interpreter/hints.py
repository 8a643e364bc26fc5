"""Hints in the learner's language that may accompany an error; the message stays PyTorch's."""

from __future__ import annotations

from typing import Final

from app.interpreter.errors import LimitExceeded, NotAllowed, ProgramError

# (en, zh) per hint key
_HINTS: Final[dict[str, tuple[str, str]]] = {
    "not_allowed": (
        "Autograd Lab runs a safe subset of Python: PyTorch code, functions, loops and f-strings.",
        "Autograd Lab 只运行 Python 的一个安全子集：PyTorch 代码、函数、循环和 f-string。",
    ),
    "numpy": (
        "Use .tolist() (or .item() for one value) to look at a tensor's numbers.",
        "请用 .tolist()（单个数值用 .item()）查看张量里的数。",
    ),
    "import": (
        "Only torch, torch.nn.functional, torch.autograd and math can be imported.",
        "只能导入 torch、torch.nn.functional、torch.autograd 和 math。",
    ),
    "format": (
        'Format text with an f-string, e.g. f"{x:.3f}".',
        '请用 f-string 格式化文本，例如 f"{x:.3f}"。',
    ),
    "limit": (
        "The program used more than this server allows; try smaller tensors or fewer iterations.",
        "程序用到的资源超过了服务器的限制；请试试更小的张量或更少的循环次数。",
    ),
    "timeout": (
        "The program ran too long and was stopped. Is there a loop that never ends?",
        "程序运行时间过长，已被停止。是否有永不结束的循环？",
    ),
    "crash": (
        "The program stopped its sandbox unexpectedly; it may need too much memory.",
        "程序意外终止了沙箱进程，可能需要太多内存。",
    ),
    "SyntaxError": (
        "Python could not parse this line; check brackets, colons and indentation.",
        "Python 无法解析这一行；请检查括号、冒号和缩进。",
    ),
    "backward_twice": (
        "backward() frees the graph's saved tensors; pass retain_graph=True to the first call "
        "to run it again.",
        "backward() 会释放计算图保存的张量；"
        "要再次反向传播，请在第一次调用时传入 retain_graph=True。",
    ),
    "no_grad_fn": (
        "None of the tensors this result came from has requires_grad=True, so there is no graph "
        "to differentiate.",
        "得到这个结果的张量都没有设置 requires_grad=True，因此没有可以求导的计算图。",
    ),
    "scalar_outputs": (
        "backward() without arguments needs a single number (e.g. call .sum() first), or pass "
        "gradient=.",
        "不带参数的 backward() 需要一个标量（例如先调用 .sum()），或者传入 gradient=。",
    ),
    "inplace_leaf": (
        "Change a leaf that requires grad inside `with torch.no_grad():`, or use .data.",
        "要修改需要梯度的叶子张量，请放在 `with torch.no_grad():` 中，或使用 .data。",
    ),
}

# substrings of PyTorch's messages that a hint explains
_MESSAGE_HINTS: Final = (
    ("Trying to backward through the graph a second time", "backward_twice"),
    ("does not require grad and does not have a grad_fn", "no_grad_fn"),
    ("grad can be implicitly created only for scalar outputs", "scalar_outputs"),
    ("a leaf Variable that requires grad is being used in an in-place operation", "inplace_leaf"),
)


def hint_for(error: ProgramError, lang: str) -> str | None:
    """The hint for `error` in `lang` ("en" or "zh"), or None."""
    key = hint_key(error)
    if key is None or key not in _HINTS:
        return None
    en, zh = _HINTS[key]
    return zh if lang == "zh" else en


def hint_key(error: ProgramError) -> str | None:
    if isinstance(error, NotAllowed):
        return error.hint_key or "not_allowed"
    if isinstance(error, LimitExceeded):
        return "limit"
    if error.type_name == "SyntaxError":
        return "SyntaxError"
    for fragment, key in _MESSAGE_HINTS:
        if fragment in error.message:
            return key
    return None


def hint_text(key: str, lang: str) -> str:
    en, zh = _HINTS[key]
    return zh if lang == "zh" else en
