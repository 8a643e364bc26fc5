"""UI strings in English and Simplified Chinese, and choosing the language for a request.

The page is rendered in one language; the full table for both languages is also sent to the
browser (as a JSON data block), so switching language re-labels the page without a reload.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "zh")
DEFAULT_LANGUAGE: Final = "en"
LANG_COOKIE: Final = "lang"
THEME_COOKIE: Final = "theme"
THEMES: Final = ("light", "dark")

# key -> (English, 简体中文). Keys are grouped by the part of the page they label.
_STRINGS: Final[dict[str, tuple[str, str]]] = {
    # base.html: header and preferences
    "app.name": ("Autograd Lab", "Autograd 实验室"),
    "app.tagline": ("See PyTorch's autograd at work", "看懂 PyTorch 的自动求导"),
    "app.noscript": (
        "Autograd Lab needs JavaScript to run programs and draw their graphs.",
        "Autograd 实验室需要启用 JavaScript 才能运行程序并绘制计算图。",
    ),
    "nav.playground": ("Playground", "练习场"),
    "nav.lessons": ("Lessons", "课程"),
    "nav.skip": ("Skip to main content", "跳到主要内容"),
    "pref.language": ("Language", "语言"),
    "pref.switch_language": ("中文", "English"),
    "pref.switch_language_label": ("Switch to Chinese", "切换到英文"),
    "pref.theme": ("Dark theme", "深色主题"),
    "pref.presenter": ("Presenter mode", "演示模式"),
    # playground: editor and run
    "page.playground_title": ("Playground", "练习场"),
    "editor.heading": ("Code", "代码"),
    "editor.label": ("Python code to run", "要运行的 Python 代码"),
    "editor.examples": ("Examples", "示例"),
    "editor.examples_choose": ("Choose an example…", "选择一个示例…"),
    "editor.run": ("Run", "运行"),
    "editor.run_shortcut": ("Ctrl+Enter", "Ctrl+Enter"),
    "editor.running": ("Running…", "正在运行…"),
    "editor.share": ("Share link", "分享链接"),
    "editor.share_copied": ("Link copied to the clipboard.", "链接已复制到剪贴板。"),
    "editor.share_ready": (
        "The address bar now holds the link; copy it from here:",
        "地址栏中已是分享链接，也可以从这里复制：",
    ),
    "editor.share_link": ("Share link", "分享链接"),
    # transcript
    "out.heading": ("Output", "输出"),
    "out.empty": (
        "Press Run (or Ctrl+Enter) to run the program.",
        "按“运行”（或 Ctrl+Enter）来运行程序。",
    ),
    "out.ok": ("Finished.", "运行完成。"),
    "out.ok_backward": (
        "Finished. {n} backward pass(es) recorded.",
        "运行完成，记录了 {n} 次反向传播。",
    ),
    "out.error_at": ("Line {line}", "第 {line} 行"),
    "out.error_summary": ("Stopped with {type} on line {line}.", "在第 {line} 行因 {type} 停止。"),
    "out.error_summary_noline": ("Stopped with {type}.", "因 {type} 停止。"),
    "out.warning": ("Warning", "警告"),
    "out.hint": ("Hint", "提示"),
    "out.goto_line": ("Show line {line} in the editor", "在编辑器中显示第 {line} 行"),
    "out.busy": (
        "The server is busy; try again in {s} s.",
        "服务器繁忙，请在 {s} 秒后重试。",
    ),
    "out.http_error": (
        "The server refused the request ({status}).",
        "服务器拒绝了请求（{status}）。",
    ),
    "out.network_error": ("Could not reach the server.", "无法连接服务器。"),
    "out.too_large": ("The program is too large to send.", "程序太大，无法提交。"),
    # graph
    "graph.heading": ("Computation graph", "计算图"),
    "graph.empty": (
        "The graph appears here after a run.",
        "运行后计算图会显示在这里。",
    ),
    "graph.none": ("No tensors to draw.", "没有可画的张量。"),
    "graph.not_drawn": (
        "The graph could not be drawn; the values are still listed below.",
        "计算图无法绘制，数值仍在下方列出。",
    ),
    "graph.collapsed": (
        "The graph is large, so parts of it are collapsed.",
        "计算图较大，部分节点已折叠。",
    ),
    "graph.focus": ("Graph of", "显示"),
    "graph.focus_backward": ("the last backward()", "最后一次 backward() 的图"),
    "graph.focus_names": ("every named tensor", "所有命名张量的图"),
    "graph.focus_note": (
        "Only {name}'s graph is drawn; steps outside it still appear below.",
        "图中只画出了 {name} 的计算图；图外的步骤仍在下方列出。",
    ),
    "graph.zoom_in": ("Zoom in", "放大"),
    "graph.zoom_out": ("Zoom out", "缩小"),
    "graph.zoom_fit": ("Fit to view", "适合窗口"),
    "graph.details": ("Node details", "节点详情"),
    "graph.details_hint": (
        "Hover over or focus a node to see its full data, grad and grad_fn.",
        "将鼠标悬停在节点上或用 Tab 聚焦节点，可查看完整的 data、grad 和 grad_fn。",
    ),
    "graph.legend_leaf": ("leaf that gets .grad", "会得到 .grad 的叶子"),
    "graph.legend_output": ("output", "输出"),
    "graph.legend_function": ("backward function", "反向函数"),
    "graph.legend_intermediate": ("intermediate result", "中间结果"),
    "graph.other_pass": (
        "This backward() call ran on an earlier graph that is no longer drawn; "
        "the ledger still shows its steps.",
        "这次 backward() 作用在较早的计算图上，图中未画出；公式账本仍显示它的每一步。",
    ),
    "node.tensor": ("Tensor", "张量"),
    "node.function": ("Backward function", "反向函数"),
    "node.name": ("name", "名称"),
    "node.shape": ("shape", "形状"),
    "node.dtype": ("dtype", "数据类型"),
    "node.data": ("data", "data"),
    "node.grad": ("grad", "grad"),
    "node.grad_fn": ("grad_fn", "grad_fn"),
    "node.requires_grad": ("requires_grad", "requires_grad"),
    "node.is_leaf": ("is_leaf", "is_leaf"),
    "node.retains_grad": ("retains_grad", "retains_grad"),
    "node.saved": ("saved", "保存的张量"),
    "node.unnamed": ("(unnamed)", "（未命名）"),
    # steps
    "steps.heading": ("Backward pass", "反向传播"),
    "steps.pass": ("backward() call", "backward() 调用"),
    "steps.pass_option": ("#{n}: line {line}", "#{n}：第 {line} 行"),
    "steps.dropped": (
        "This backward() call had {n} more steps than are shown.",
        "这次 backward() 还有 {n} 步未显示。",
    ),
    "steps.first": ("First step", "第一步"),
    "steps.back": ("Step back", "上一步"),
    "steps.play": ("Play", "播放"),
    "steps.pause": ("Pause", "暂停"),
    "steps.forward": ("Step forward", "下一步"),
    "steps.last": ("Last step", "最后一步"),
    "steps.speed": ("Speed", "速度"),
    "steps.slider": ("Step", "步骤"),
    "steps.position": ("Step {i} of {n}", "第 {i} 步，共 {n} 步"),
    "steps.none": (
        "The program did not call backward(); the graph shows the tensors as they are.",
        "程序没有调用 backward()，计算图显示张量的当前状态。",
    ),
    "steps.keys": (
        "Keys: ← → step, Home/End first/last, Space play (outside the editor).",
        "按键：← → 单步，Home/End 首步/末步，空格 播放（编辑器外）。",
    ),
    "steps.seed": (
        "Step {i}: backward() starts at {root} with gradient {grad}.",
        "第 {i} 步：从 {root} 开始反向传播，初始梯度为 {grad}。",
    ),
    "steps.function": (
        "Step {i}: {fn} receives gradient {grad}.",
        "第 {i} 步：{fn} 收到梯度 {grad}。",
    ),
    "steps.sends": (
        "Sends {value} to {target} ({formula}).",
        "向 {target} 传出 {value}（{formula}）。",
    ),
    "steps.accumulate": (
        "Step {i}: AccumulateGrad adds {grad} to {leaf}.grad: {before} → {after}.",
        "第 {i} 步：AccumulateGrad 把 {grad} 累加到 {leaf}.grad：{before} → {after}。",
    ),
    "steps.done": ("All gradients computed.", "梯度全部计算完成。"),
    # ledger
    "ledger.heading": ("Chain rule", "链式法则"),
    "ledger.empty": (
        "Step through backward() to see each chain-rule step.",
        "逐步执行 backward() 查看每一步链式法则。",
    ),
    "ledger.incoming": ("gradient in", "传入梯度"),
    "ledger.local": ("local derivative", "局部导数"),
    "ledger.contribution": ("sent", "传出"),
    "ledger.seed": ("seed", "初始梯度"),
    "ledger.accumulate": ("accumulate", "累加"),
    # presenter
    "presenter.keys": (
        "Presenter mode: PageDown / PageUp (clicker keys) step forward and back.",
        "演示模式：PageDown / PageUp（翻页笔按键）前进和后退。",
    ),
}


def pick_language(cookie: str | None, accept_language: str | None) -> str:
    """The UI language: the remembered choice, else the browser's preference, else English."""
    if cookie in LANGUAGES:
        return cookie
    for lang in _accept_language_order(accept_language or ""):
        primary = lang.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def _accept_language_order(header: str) -> list[str]:
    """Language tags from an Accept-Language header, most preferred first (RFC 9110 q-values)."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        if not tag:
            continue
        quality = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                quality = 0.0
        if quality > 0:
            weighted.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def pick_theme(cookie: str | None) -> str | None:
    """The remembered theme, or None to follow the system's light/dark preference."""
    return cookie if cookie in THEMES else None


def strings(lang: str) -> dict[str, str]:
    """Every UI string in one language."""
    index = 1 if lang == "zh" else 0
    return {key: pair[index] for key, pair in _STRINGS.items()}


def all_strings() -> dict[str, dict[str, str]]:
    """Every UI string in every language, for the browser's live language switch."""
    return {lang: strings(lang) for lang in LANGUAGES}
