"""Compatibility fixes the osdev rig applies to Debian's Cinder (Zed) at start-up.

Debian ships a newer oslo.messaging than Zed was released with: its notifier
rebuilds the request context from a "safe" subset of keys that no longer holds
``read_deleted``, and Zed's ``RequestContext.from_dict`` then passes ``None``,
which its setter refuses.  Every notification, and with it the operation that
sent it (a volume create ends in ``error``), then fails.  Later Cinder releases
default the value; this does the same.
"""

from cinder import context as _context

_from_dict = _context.RequestContext.from_dict.__func__


def _from_dict_with_default(cls, values):
    if values.get('read_deleted') is None:
        values = dict(values, read_deleted='no')
    return _from_dict(cls, values)


_context.RequestContext.from_dict = classmethod(_from_dict_with_default)
