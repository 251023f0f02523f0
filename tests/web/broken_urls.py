"""URLs with a view that always fails, to see the 500 page (tests/web/test_shell.py)."""

from django.urls import path

from townhall.urls import handler403, handler404, handler500  # noqa: F401
from townhall.urls import urlpatterns as base


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("broken/", _broken), *base]
