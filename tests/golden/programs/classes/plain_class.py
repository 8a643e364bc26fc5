class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def shifted(self, d):
        return Point(self.x + d, self.y + d)


p = Point(3, 4)
p
print(p, p.norm2(), [p], p.shifted(1))


class Bag:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i] * 10

    def __str__(self):
        return "a bag"

    def __call__(self, k):
        return k + len(self)


b = Bag([1, 2, 3])
print(len(b), b[1], b, b(10))


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @staticmethod
    def hello(n):
        return n + 1

    @classmethod
    def make(cls):
        return cls()

    @property
    def double(self):
        return Counter.count * 2


c = Counter()
d = Counter.make()
print(Counter.count, Counter.hello(1), c.hello(2), c.double, isinstance(d, Counter))


class Empty:
    pass


print(type(Empty()), Empty)
Point(1)
