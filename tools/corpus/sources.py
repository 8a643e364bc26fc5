"""The public teaching sources of the corpus: which repository, which chapters, what licence.

Every file matched by a source's patterns becomes one corpus program (tools/corpus/collect.py);
nothing is picked by hand. The patterns name whole chapters or folders, chosen for what a
learner meets first (tensors, autograd, nn, optim, training loops), before anything is run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One public repository and the folders of it that the corpus takes whole."""

    name: str  # the folder under tests/corpus/programs/
    repo: str  # owner/name on GitHub
    license: str  # SPDX id of the licence that covers the code
    lang: str  # "en" or "zh": the language of the prose and comments
    patterns: tuple[str, ...]  # fnmatch patterns of repository paths, in reading order
    # paths a pattern matches that are not programs of this source (translations' English
    # originals, editor checkpoints, duplicates of another file of the same source)
    skip: tuple[str, ...] = ()
    # the flavour of a multi-framework book (d2l): which tab's cells make the program
    flavour: str = ""
    # "docs": the program is each docstring's doctest examples (the docs pages' code blocks)
    unit: str = "file"


SOURCES: tuple[Source, ...] = (
    Source(
        "pytorch-tutorials",
        "pytorch/tutorials",
        "BSD-3-Clause",
        "en",
        (
            "beginner_source/blitz/*.py",
            "beginner_source/basics/*.py",
            "beginner_source/examples_tensor/*.py",
            "beginner_source/examples_autograd/*.py",
            "beginner_source/examples_nn/*.py",
            "beginner_source/nlp/*.py",
        ),
        skip=(
            # older names of tensorqs_tutorial.py / autogradqs_tutorial.py, same text
            "beginner_source/basics/tensor_tutorial.py",
            "beginner_source/basics/tensors_tutorial.py",
            "beginner_source/basics/autograds_tutorial.py",
            # the earlier examples: jcjohnson/pytorch-examples' files, a source of their own
            "beginner_source/examples_*/two_layer_net_*.py",
            "beginner_source/examples_*/tf_two_layer_net.py",
        ),
    ),
    Source(
        "d2l-en",
        "d2l-ai/d2l-en",
        "MIT-0",
        "en",
        (
            "chapter_preliminaries/*.md",
            "chapter_linear-regression/*.md",
            "chapter_linear-classification/*.md",
            "chapter_multilayer-perceptrons/*.md",
            "chapter_builders-guide/*.md",
            "chapter_optimization/*.md",
        ),
        skip=("*/index.md",),
        flavour="pytorch",
    ),
    Source(
        "d2l-zh",
        "d2l-ai/d2l-zh",
        "Apache-2.0",
        "zh",
        (
            "chapter_preliminaries/*.md",
            "chapter_linear-networks/*.md",
            "chapter_multilayer-perceptrons/*.md",
            "chapter_deep-learning-computation/*.md",
            "chapter_optimization/*.md",
        ),
        skip=("*/index.md", "*_origin.md"),
        flavour="pytorch",
    ),
    Source(
        "dive-into-dl-pytorch",
        "ShusenTang/Dive-into-DL-PyTorch",
        "Apache-2.0",
        "zh",
        (
            "code/chapter02_prerequisite/*.ipynb",
            "code/chapter03_DL-basics/*.ipynb",
            "code/chapter04_DL_computation/*.ipynb",
            "code/chapter05_CNN/*.ipynb",
            "code/chapter07_optimization/*.ipynb",
        ),
    ),
    Source(
        "pytorch-book",
        "chenyuntc/pytorch-book",
        "MIT",
        "zh",
        ("Chapter2/*.ipynb", "Chapter3/*.ipynb", "Chapter4/*.ipynb", "Chapter5/*.ipynb"),
    ),
    Source(
        "pytorch-handbook",
        "zergtant/pytorch-handbook",
        "CC-BY-NC-SA-3.0",
        "zh",
        ("chapter1/*.ipynb", "chapter2/*.ipynb", "chapter3/*.ipynb"),
    ),
    Source(
        "thorough-pytorch",
        "datawhalechina/thorough-pytorch",
        "CC-BY-NC-SA-4.0",
        "zh",
        ("notebook/*/*.ipynb",),
    ),
    Source(
        "morvan-pytorch-tutorial",
        "MorvanZhou/PyTorch-Tutorial",
        "MIT",
        "en",
        ("tutorial-contents/*.py",),
    ),
    Source(
        "yunjey-pytorch-tutorial",
        "yunjey/pytorch-tutorial",
        "MIT",
        "en",
        ("tutorials/01-basics/*/main.py", "tutorials/02-intermediate/*/main.py"),
    ),
    Source(
        "jcjohnson-pytorch-examples",
        "jcjohnson/pytorch-examples",
        "MIT",
        "en",
        ("tensor/*.py", "autograd/*.py", "nn/*.py"),
    ),
    Source(
        "micrograd",
        "karpathy/micrograd",
        "MIT",
        "en",
        ("test/*.py", "*.ipynb"),
    ),
    Source(
        "nn-zero-to-hero",
        "karpathy/nn-zero-to-hero",
        "MIT",
        "en",
        ("lectures/micrograd/*.ipynb", "lectures/makemore/*.ipynb"),
    ),
    Source(
        "udacity-intro-to-pytorch",
        "udacity/deep-learning-v2-pytorch",
        "MIT",
        "en",
        ("intro-to-pytorch/*.ipynb",),
    ),
    Source(
        "nyu-dlsp20",
        "Atcold/NYU-DLSP20",
        "CC-BY-NC-SA-4.0",
        "en",
        ("[0-9][0-9]-*.ipynb",),
    ),
    Source(
        "zero-to-mastery-pytorch",
        "mrdbourke/pytorch-deep-learning",
        "MIT",
        "en",
        (
            "0[0-2]_*.ipynb",
            "extras/exercises/0[0-2]_*.ipynb",
            "extras/solutions/0[0-2]_*.ipynb",
            "extras/pytorch_cheatsheet.ipynb",
            "extras/pytorch_most_common_errors.ipynb",
        ),
    ),
    Source(
        "python-engineer-pytorch-tutorial",
        "patrickloeber/pytorchTutorial",
        "MIT",
        "en",
        ("*.py",),
    ),
    Source(
        "graykode-nlp-tutorial",
        "graykode/nlp-tutorial",
        "MIT",
        "en",
        ("[0-9]-[0-9].*/*.py",),
    ),
    Source(
        "eat-pytorch-in-20-days",
        "lyhue1991/eat_pytorch_in_20_days",
        "Apache-2.0",
        "zh",
        ("[1-6]-[0-9],*.ipynb",),
    ),
    Source(
        "zhangxiann-pytorch-practice",
        "zhangxiann/PyTorch_Practice",
        "GPL-3.0",
        "zh",
        ("lesson[1-7]/*.py",),
        skip=("*/__init__.py", "*/common_tools.py"),
    ),
    Source(
        "pytorch-docs-autograd",
        "pytorch/pytorch",
        "BSD-3-Clause",
        "en",
        (
            "torch/autograd/__init__.py",
            "torch/autograd/function.py",
            "torch/autograd/grad_mode.py",
            "torch/autograd/graph.py",
            "torch/autograd/functional.py",
            "torch/autograd/anomaly_mode.py",
            "torch/autograd/forward_ad.py",
            "torch/_tensor.py",
        ),
        unit="docs",
    ),
    Source(
        "pytorch-docs-nn",
        "pytorch/pytorch",
        "BSD-3-Clause",
        "en",
        (
            "torch/nn/modules/module.py",
            "torch/nn/modules/container.py",
            "torch/nn/modules/linear.py",
            "torch/nn/modules/activation.py",
            "torch/nn/modules/loss.py",
            "torch/nn/modules/dropout.py",
            "torch/nn/modules/flatten.py",
            "torch/nn/modules/sparse.py",
            "torch/nn/modules/normalization.py",
            "torch/nn/modules/batchnorm.py",
            "torch/nn/modules/conv.py",
            "torch/nn/modules/pooling.py",
            "torch/nn/init.py",
            "torch/optim/optimizer.py",
            "torch/optim/sgd.py",
            "torch/optim/lr_scheduler.py",
            "torch/utils/data/dataset.py",
            "torch/utils/data/dataloader.py",
            "torch/utils/data/sampler.py",
        ),
        unit="docs",
    ),
)
