# 增加，减少，剪切，保存，删除等
# a, b, x, s, dd

# 合并，执行
# shift+M shift+Enter

# 显示行数，切换markdown/code
# l, m/y

# 列出魔法方法

# 设置环境变量

import os

os.environ.get("PROFILE")

def choose_sort(arr: list) -> list:
    length = len(arr)
    for i in range(length):
        min_idx = i
        for j in range(i, length):
            if arr[j] < arr[min_idx]:
                min_idx = j
        if min_idx != i:
            arr[i], arr[min_idx] = arr[min_idx], arr[i]
    return arr

def quick_sort(arr: list) -> list:
    
    def qs(arr, l, r):
        if l < r:
            p = partion(arr, l, r)
            qs(arr, l, p-1)
            qs(arr, p, r)

    def partion(arr: list, l: int, r: int) -> int:
        pivot = arr[l + (r-l)//2]
        while l<= r:
            while arr[l] < pivot:
                l += 1
            while arr[r] > pivot:
                r -= 1
            if l <= r:
                arr[l], arr[r] = arr[r], arr[l]
                l += 1
                r -= 1
        return l
    l, r = 0, len(arr) - 1
    qs(arr, l, r)
    return arr

import random

lst = [random.randint(1, 1000) for i in range(1000)]

# 两个%表示多行，且 %%timeie 必须放在第一行

choose_sort(lst)
sorted(lst)

1 + 2

3 ** 3

x = [1, 2, 3]
y = [4, 5, 6]

sorted(y + x)

# 随时随地可查看接口文档

# tab 补全
x.

def read_file(file_path: str, num: int = -1, sep: str = "\t"):
    """
    Parameters
    -----------
    file_path: The file path.
    num: How many lines would read, default is -1, means all lines.
    sep: seperator for the line.
    
    Return
    ------
    A generator of the splited item.
    """
    n = 0
    with open(file_path, "r") as f:
        for i, line in enumerate(f):
            if num == -1 or n < num:
                yield line.strip().split(sep)
            else:
                break
            n += 1

class Task:
    """
    A Company sort task.
    """
    
    def __init__(self, file_path: str):
        self.data = self._load_file(file_path)
    
    def _load_file(self, file_path: str) -> list:
        res = []
        lines = read_file(file_path)
        for i, item in enumerate(lines):
            if i == 0:
                continue
            company = {
                "org": item[0],
                "est": int(item[1]),
                "ceo": item[2]
            }
            res.append(company)
        return res
    
    def order_by(self, field: str = "est") -> list:
        return sorted(self.data, key=lambda x: x.get(field, "est"))

task = Task("data/table.txt")

task.order_by()

task.order_by("org")

from demo import add

add(3, 4)
