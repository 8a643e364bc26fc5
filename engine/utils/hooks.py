"""`torch.utils.hooks.RemovableHandle`: what registering a hook returns, to remove it again."""

from __future__ import annotations

import itertools
import weakref
from types import TracebackType
from typing import Any

# hook ids are handed out in registration order, shared by every hook dictionary
_ids = itertools.count()


class RemovableHandle:
    """Removes its hook from the dictionary it was registered in (and the extra dictionaries
    that flag it, such as `with_kwargs`)."""

    def __init__(self, hooks_dict: dict[int, Any], *, extra_dict: Any = None) -> None:
        self.hooks_dict_ref = weakref.ref(hooks_dict)
        self.id = next(_ids)
        extras = [extra_dict] if isinstance(extra_dict, dict) else list(extra_dict or ())
        self.extra_dict_ref = tuple(weakref.ref(d) for d in extras)

    def remove(self) -> None:
        for ref in (self.hooks_dict_ref, *self.extra_dict_ref):
            hooks = ref()
            if hooks is not None and self.id in hooks:
                del hooks[self.id]

    def __enter__(self) -> RemovableHandle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.remove()

    def __repr__(self) -> str:
        return f"<torch.utils.hooks.RemovableHandle object at {id(self):#x}>"


RemovableHandle.__module__ = "torch.utils.hooks"
