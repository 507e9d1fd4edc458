"""The pluggy markers, in their own tiny module so plugins can import them cheaply."""

import pluggy

PROJECT = "sociable"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
