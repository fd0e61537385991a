#!/usr/bin/env python3
"""Tiny static server for the built site (stdlib only).

    python3 scripts/serve.py [--dir dist] [--port 8080] [--bind 127.0.0.1] [--quiet]

Sends application/wasm for .wasm and Cache-Control: no-store on every response,
so a rebuilt dist/ is always picked up.
"""
import argparse
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
        ".bin": "application/octet-stream",
    }
    quiet = False

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        if not self.quiet:
            super().log_message(fmt, *args)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", default="dist")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args()
    Handler.quiet = a.quiet
    handler = functools.partial(Handler, directory=a.dir)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((a.bind, a.port), handler) as httpd:
        print(f"serving {a.dir}/ at http://{a.bind}:{a.port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
