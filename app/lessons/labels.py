"""The lessons' own UI words in English and Simplified Chinese (the site-wide ones are app.i18n)."""

from __future__ import annotations

from typing import Final

from app.lessons.markup import Labels

# key -> (English, 简体中文)
_STRINGS: Final[dict[str, tuple[str, str]]] = {
    "index.title": ("Lessons", "课程"),
    "index.intro": (
        "A course in twelve short lessons on how PyTorch computes gradients. It follows the "
        "Chinese article “pytorch系列 --3 Variable, Tensor 和 Gradient” and brings it up to "
        "PyTorch 2.x. Every code cell runs here or opens in the playground with its graph.",
        "十二节短课，讲清 PyTorch 如何计算梯度。课程沿着《pytorch系列 --3 Variable, Tensor 和 "
        "Gradient》一文的顺序展开，并更新到 PyTorch 2.x。"
        "每段代码都可以在这里运行，或在练习场中打开查看计算图。",
    ),
    "index.continue": ("Continue with lesson {n}", "继续学习第 {n} 课"),
    "index.glossary": ("Glossary", "术语表"),
    "progress.done": ("completed", "已完成"),
    "progress.visited": ("started", "已开始"),
    "progress.summary": ("{done} of {total} lessons completed", "已完成 {done} / {total} 课"),
    "progress.reset": ("Reset progress", "清除学习进度"),
    "lesson.number": ("Lesson {n} of {total}", "第 {n} 课，共 {total} 课"),
    "lesson.previous": ("Previous", "上一课"),
    "lesson.next": ("Next", "下一课"),
    "lesson.all": ("All lessons", "全部课程"),
    "lesson.nav": ("Lesson navigation", "课程导航"),
    "lesson.terms": ("Terms in this lesson", "本课术语"),
    "lesson.finish": ("Mark this lesson as completed", "将本课标记为已完成"),
    "lesson.finished": ("Lesson completed.", "本课已完成。"),
    "cell.run": ("Run here", "在此运行"),
    "cell.open": ("Open in playground", "在练习场中打开"),
    "cell.expected": ("What PyTorch 2.13 prints", "PyTorch 2.13 的输出"),
    "cell.raises": ("raises {type} on purpose", "故意引发 {type}"),
    "cell.warns": ("emits a {type}", "会发出 {type}"),
    "cell.name": ("Code cell {n}", "代码单元 {n}"),
    "cell.running": ("Running…", "正在运行…"),
    "cell.ok": ("Finished.", "运行完成。"),
    "cell.error": ("Stopped with {type} on line {line}.", "在第 {line} 行因 {type} 停止。"),
    "cell.expected_error": (
        "Stopped with {type} on line {line}, as this cell intends.",
        "在第 {line} 行因 {type} 停止，这正是本单元要演示的。",
    ),
    "cell.busy": ("The server is busy; try again in a moment.", "服务器繁忙，请稍后再试。"),
    "cell.failed": ("Could not run the cell ({status}).", "无法运行代码（{status}）。"),
    "question.check": ("Check my prediction", "核对我的预测"),
    "question.reveal": ("Reveal the answer", "揭晓答案"),
    "question.answer": ("Answer:", "答案："),
    "question.pick": ("Pick an answer first.", "请先选择一个答案。"),
    "question.right": ("Right!", "答对了！"),
    "question.wrong": ("Not quite — see the explanation below.", "不太对——看看下面的解释。"),
}


def lesson_strings(lang: str) -> dict[str, str]:
    """Every lesson UI string in one language."""
    index = 1 if lang == "zh" else 0
    return {key: pair[index] for key, pair in _STRINGS.items()}


def cell_labels(lang: str) -> Labels:
    """The words the Markdown renderer puts around cells and questions."""
    s = lesson_strings(lang)
    return Labels(
        run=s["cell.run"],
        open_in_playground=s["cell.open"],
        expected_output=s["cell.expected"],
        raises=s["cell.raises"],
        warns=s["cell.warns"],
        check=s["question.check"],
        reveal=s["question.reveal"],
        answer=s["question.answer"],
        cell=s["cell.name"],
    )
