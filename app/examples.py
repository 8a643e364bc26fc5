"""The playground's examples menu: short PyTorch programs (their titles, in English and
Chinese, are the `example` domain of app/i18n/catalogue.toml, by slug)."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n.catalogue import text


@dataclass(frozen=True, slots=True)
class Example:
    """One program in the examples menu; `code` runs unchanged under real PyTorch."""

    slug: str
    code: str

    def title(self, lang: str) -> str:
        """The menu title in `lang`."""
        return text(f"example.{self.slug}", lang)

    @property
    def title_en(self) -> str:
        return self.title("en")

    @property
    def title_zh(self) -> str:
        return self.title("zh")

    def as_json(self) -> dict[str, str]:
        return {
            "slug": self.slug,
            "title_en": self.title_en,
            "title_zh": self.title_zh,
            "code": self.code,
        }


EXAMPLES: tuple[Example, ...] = (
    Example(
        slug="linear",
        code="""\
import torch
from torch.autograd import Variable

x = Variable(torch.Tensor([1]), requires_grad=True)
w = Variable(torch.Tensor([2]), requires_grad=True)
b = Variable(torch.Tensor([3]), requires_grad=True)

y = w * x + b    # y = 2 * 1 + 3

y.backward()
print(x.grad)    # dy/dx = w = 2
print(w.grad)    # dy/dw = x = 1
print(b.grad)    # dy/db = 1
""",
    ),
    Example(
        slug="variable",
        code="""\
import torch
from torch.autograd import Variable

x_tensor = torch.tensor([[1., 2.], [3., 4.]])
x_variable = Variable(x_tensor, requires_grad=True)

# Since PyTorch 0.4 a Variable is simply a Tensor.
print(isinstance(x_variable, torch.Tensor))
print(x_variable.data)
print(x_variable.grad)        # None: no backward() yet
print(x_variable.grad_fn)     # None: a leaf made by the user
print(x_variable.requires_grad, x_variable.is_leaf)
""",
    ),
    Example(
        slug="mul-backward",
        code="""\
import torch
from torch.autograd import Variable

x_variable = Variable(torch.ones(2, 2), requires_grad=True)
y = x_variable * 2
print(y)
print(y.grad_fn.name())   # the node that knows how to differentiate *

out = y.sum()
out.backward()
print(x_variable.grad)    # d(sum(2x))/dx = 2 everywhere
""",
    ),
    Example(
        slug="requires-grad",
        code="""\
import torch

a = torch.tensor([1., 2.])
b = torch.tensor([3., 4.], requires_grad=True)
c = a + b
print(a.requires_grad, b.requires_grad, c.requires_grad)
print(b.is_leaf, c.is_leaf)
d = c.mean()
d.backward()
print(b.grad)
print(a.grad)    # None: a does not require grad
""",
    ),
    Example(
        slug="accumulation",
        code="""\
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
y.backward(retain_graph=True)
print(x.grad)    # 2x = 4
y.backward()
print(x.grad)    # 4 + 4 = 8: .grad is added to, not replaced
""",
    ),
    Example(
        slug="a-plus-a",
        code="""\
import torch

a = torch.tensor(3.0, requires_grad=True)
b = a + a
b.backward()
print(a.grad)    # both paths send 1, so a.grad = 2
""",
    ),
    Example(
        slug="diamond",
        code="""\
import torch

x = torch.tensor(2.0, requires_grad=True)
a = x * 3
b = x ** 2
y = a + b
y.backward()
print(x.grad)    # 3 + 2x = 7
""",
    ),
    Example(
        slug="retain-grad",
        code="""\
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
h = x * 2
h.retain_grad()
y = (h ** 2).sum()
y.backward()
print(h.grad)    # 2h
print(x.grad)    # 2h * 2
""",
    ),
    Example(
        slug="no-grad",
        code="""\
import torch

w = torch.tensor(1.5, requires_grad=True)
with torch.no_grad():
    z = w * 2
print(z.requires_grad, z.grad_fn)

y = w * 2
print(y.requires_grad, y.grad_fn.name())
y.backward()
print(w.grad)
""",
    ),
    Example(
        slug="detach-vs-data",
        code="""\
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
out = a.sigmoid()
out.data.zero_()          # .data: autograd does not notice the change
out.sum().backward()
print(a.grad)             # silently wrong: computed from the zeroed values

b = torch.tensor([1., 2., 3.], requires_grad=True)
out2 = b.sigmoid()
out2.detach().zero_()     # detach(): same storage, but the version counter moves
out2.sum().backward()     # so autograd refuses with a clear error
""",
    ),
    Example(
        slug="gradient-argument",
        code="""\
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * x
# y is a vector: backward() needs the vector v in v^T * J
y.backward(gradient=torch.tensor([1., 0.1, 0.01]))
print(x.grad)    # v * 2x
""",
    ),
    Example(
        slug="autograd-grad",
        code="""\
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x ** 3
(g,) = torch.autograd.grad(y, x)
print(g)         # 3x^2 = 27
print(x.grad)    # None: autograd.grad does not touch .grad
""",
    ),
    Example(
        slug="neuron",
        code="""\
import torch

x = torch.tensor([0.5, -1.0])
w = torch.tensor([0.3, 0.8], requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)
z = (w * x).sum() + b
a = torch.sigmoid(z)
a.backward()
print(w.grad)    # sigmoid'(z) * x
print(b.grad)    # sigmoid'(z)
""",
    ),
    Example(
        slug="matmul",
        code="""\
import torch

W = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
v = torch.tensor([1., -1.], requires_grad=True)
y = W @ v
loss = y.sum()
loss.backward()
print(W.grad)    # each row gets v
print(v.grad)    # column sums of W
""",
    ),
    Example(
        slug="training-loop",
        code="""\
import torch

x = torch.tensor([1., 2., 3., 4.])
y = torch.tensor([3., 5., 7., 9.])    # y = 2x + 1
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
lr = 0.05

for step in range(8):
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None    # forget this step's gradients, or the next
    b.grad = None    # backward() would add to them
    print(step, loss.item())

print(w, b)
""",
    ),
)


def example_by_slug(slug: str) -> Example | None:
    """The example called `slug`, or None."""
    return next((e for e in EXAMPLES if e.slug == slug), None)
