#!/usr/bin/env python3
# Moves the X pointer back and forth across the screen through the XTEST extension (native smoke test: input wakes an idle app).
"""Usage: pointer.py SECONDS. Exits 3 when libX11/libXtst are missing (the caller skips its check)."""
import ctypes
import ctypes.util
import sys
import time


def main():
    seconds = float(sys.argv[1])
    try:
        x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
    except OSError:
        return 3
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XDefaultScreen.argtypes = [ctypes.c_void_p]
    x11.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong]
    display = x11.XOpenDisplay(None)
    if not display:
        return 1
    screen = x11.XDefaultScreen(display)
    width, height = x11.XDisplayWidth(display, screen), x11.XDisplayHeight(display, screen)
    end = time.monotonic() + seconds
    step = 0
    # Around the middle of the screen, where SDL centres the window.
    while time.monotonic() < end:
        x = width // 2 + (step % 40 - 20) * 5
        xtst.XTestFakeMotionEvent(display, -1, x, height // 2, 0)
        x11.XFlush(display)
        step += 1
        time.sleep(0.02)
    x11.XCloseDisplay(display)
    return 0


if __name__ == "__main__":
    sys.exit(main())
