"""What the learner is told when the graph is collapsed or cannot be drawn, in their language."""

from __future__ import annotations

from typing import Any, Final

_MESSAGES: Final = {
    "collapsed": {
        "en": "The graph has {total} nodes; only the {shown} nearest the output are drawn. "
        "Every value and step is still available.",
        "zh": "计算图有 {total} 个节点，只画出离输出最近的 {shown} 个。所有数值和步骤仍然可用。",
    },
    "timeout": {
        "en": "Drawing the graph took longer than {timeout:g} s and was stopped. "
        "The values and steps are still available.",
        "zh": "绘制计算图超过 {timeout:g} 秒，已停止。数值和步骤仍然可用。",
    },
    "busy": {
        "en": "The server is busy drawing other graphs; the values and steps are shown without "
        "the picture. Try again in a moment.",
        "zh": "服务器正忙于绘制其他计算图；暂时只显示数值和步骤，请稍后再试。",
    },
    "dot-missing": {
        "en": "Graphviz (`dot`) is not installed on the server, so the graph cannot be drawn.",
        "zh": "服务器未安装 Graphviz（`dot`），无法绘制计算图。",
    },
    "dot-failed": {
        "en": "Graphviz could not draw this graph. The values and steps are still available.",
        "zh": "Graphviz 无法绘制此计算图。数值和步骤仍然可用。",
    },
}


def message(code: str, lang: str, **params: Any) -> str:
    texts = _MESSAGES[code]
    return texts.get(lang, texts["en"]).format(**params)
