import torch

square = lambda t: t * t
print(square(3), sorted([3, 1, 2], key=lambda v: -v))
print(square)


@torch.no_grad()
def doubled(t):
    return t * 2


x = torch.ones(2, requires_grad=True)
print(doubled(x), doubled(x).requires_grad)


@torch.enable_grad()
def tripled(t):
    return t * 3


with torch.no_grad():
    print(tripled(x))


def shout(fn):
    def inner(a):
        return fn(a) + 100

    return inner


@shout
def same(a):
    return a


print(same(1))
