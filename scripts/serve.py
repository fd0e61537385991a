#!/usr/bin/env python3
"""Tiny static server for the built site (stdlib only).

    python3 scripts/serve.py [--dir dist] [--port 8080] [--bind 127.0.0.1] [--quiet]
    python3 scripts/serve.py --self-test

Sends application/wasm for .wasm and Cache-Control: no-store on every response,
so a rebuilt dist/ is always picked up.

Like a CDN serving precompressed files (nginx brotli_static/gzip_static,
Caddy precompressed), it answers a request for FILE with the copy that
`make dist` wrote beside it (scripts/csp.mjs): FILE.br when the request's
Accept-Encoding allows br, else FILE.gz when it allows gzip, else FILE,
with Content-Encoding, Vary: Accept-Encoding, FILE's Content-Type and the
copy's Content-Length. It never compresses anything itself. A copy older
than FILE (FILE was rewritten after `make dist`) is ignored, so a stale
copy is never sent. Files with no copy are sent as they are.
"""
import argparse
import functools
import http.server
import os
import sys

# Preferred first: what the server picks when the client accepts both.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header):
    """The content codings an Accept-Encoding header allows (q > 0), lowercased.

    '*' stands for any coding not named. An absent header allows none here
    (identity is always allowed and needs no entry).
    """
    named, star = {}, False
    for part in (header or "").split(","):
        coding, *params = [p.strip() for p in part.split(";")]
        if not coding:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        coding = coding.lower()
        if coding == "*":
            star = q > 0
        else:
            named[coding] = q > 0
    return {c for c, _ in ENCODINGS if named.get(c, star)}


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

    def _file_path(self):
        """The file a GET names (a folder's index.html), or None to leave it to the base class."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            # The base class redirects "/dir" to "/dir/" and lists folders.
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return None
            for index in ("index.html", "index.htm"):
                candidate = os.path.join(path, index)
                if os.path.isfile(candidate):
                    return candidate
            return None
        if path.endswith("/") or not os.path.isfile(path):
            return None
        return path

    def send_head(self):
        path = self._file_path()
        if path is None:
            return super().send_head()
        try:
            original = os.stat(path)
        except OSError:
            return super().send_head()
        variants = []
        for coding, suffix in ENCODINGS:
            try:
                st = os.stat(path + suffix)
            except OSError:
                continue
            # A copy older than the file it was made from is stale: skip it.
            if st.st_mtime_ns >= original.st_mtime_ns:
                variants.append((coding, path + suffix))
        if not variants:
            return super().send_head()
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        chosen = next(((c, p) for c, p in variants if c in accepted), (None, path))
        coding, send_path = chosen
        try:
            f = open(send_path, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        try:
            fs = os.fstat(f.fileno())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            if coding:
                self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(fs.st_size))
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Last-Modified", self.date_time_string(fs.st_mtime))
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise


def serve(directory, bind, port, quiet=False):
    """A ThreadingHTTPServer for `directory` (port 0: the OS picks one)."""
    Handler.quiet = quiet
    handler = functools.partial(Handler, directory=directory)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    return http.server.ThreadingHTTPServer((bind, port), handler)


def self_test():
    """Serves a temporary folder and checks what each Accept-Encoding gets."""
    import gzip
    import tempfile
    import threading
    import http.client

    with tempfile.TemporaryDirectory() as tmp:
        body = b"(module)" * 100
        files = {
            "app_bg.wasm": body,
            "app_bg.wasm.br": b"BROTLI-BYTES",  # any bytes: the server must send them as they are
            "app_bg.wasm.gz": gzip.compress(body),
            "index.html": b"<!doctype html><title>t</title>",
            "index.html.br": b"BR-INDEX",
            "plain.txt": b"no copies",
            "stale.js": b"new",
            "stale.js.br": b"OLD",
        }
        for name, data in files.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
        old = os.stat(os.path.join(tmp, "stale.js")).st_mtime - 60
        os.utime(os.path.join(tmp, "stale.js.br"), (old, old))

        httpd = serve(tmp, "127.0.0.1", 0, quiet=True)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        port = httpd.server_address[1]
        failures = []

        def get(path, accept=None, method="GET"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            headers = {} if accept is None else {"Accept-Encoding": accept}
            conn.request(method, path, headers=headers)
            r = conn.getresponse()
            data = r.read()
            conn.close()
            return r, data

        def check(what, cond):
            print(f"  {'ok  ' if cond else 'FAIL'} {what}")
            if not cond:
                failures.append(what)

        r, data = get("/app_bg.wasm", "gzip, deflate, br")
        check("br accepted: the .br bytes, Content-Encoding br", data == files["app_bg.wasm.br"] and r.getheader("Content-Encoding") == "br")
        check("br: Content-Type application/wasm", r.getheader("Content-Type") == "application/wasm")
        check("br: Content-Length of the .br copy", r.getheader("Content-Length") == str(len(files["app_bg.wasm.br"])))
        check("br: Vary: Accept-Encoding and Cache-Control: no-store", r.getheader("Vary") == "Accept-Encoding" and r.getheader("Cache-Control") == "no-store")
        r, data = get("/app_bg.wasm", "gzip")
        check("gzip only: the .gz bytes, Content-Encoding gzip", data == files["app_bg.wasm.gz"] and r.getheader("Content-Encoding") == "gzip")
        r, data = get("/app_bg.wasm", "br;q=0, gzip;q=0.5")
        check("br;q=0: gzip instead", r.getheader("Content-Encoding") == "gzip")
        r, data = get("/app_bg.wasm", "*")
        check("'*': br", r.getheader("Content-Encoding") == "br")
        r, data = get("/app_bg.wasm")
        check("no Accept-Encoding: the file itself, no Content-Encoding, Vary set", data == body and r.getheader("Content-Encoding") is None and r.getheader("Vary") == "Accept-Encoding")
        r, data = get("/app_bg.wasm", "identity")
        check("identity: the file itself", data == body and r.getheader("Content-Length") == str(len(body)))
        r, data = get("/app_bg.wasm", "br", method="HEAD")
        check("HEAD: headers of the .br copy, no body", r.getheader("Content-Encoding") == "br" and r.getheader("Content-Length") == str(len(files["app_bg.wasm.br"])) and data == b"")
        r, data = get("/", "br")
        check("/ is index.html.br, text/html", data == files["index.html.br"] and r.getheader("Content-Type") == "text/html; charset=utf-8")
        r, data = get("/plain.txt", "br, gzip")
        check("no copy: sent as it is", data == files["plain.txt"] and r.getheader("Content-Encoding") is None)
        r, data = get("/stale.js", "br")
        check("a copy older than its file is not sent", data == b"new" and r.getheader("Content-Encoding") is None)
        r, _ = get("/missing.js", "br")
        check("missing file: 404", r.status == 404)
        httpd.shutdown()
        httpd.server_close()
    print("serve.py self-test: " + ("ok" if not failures else f"{len(failures)} failed"))
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", default="dist")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--self-test", action="store_true", help="check the precompressed-file handling and exit")
    a = p.parse_args()
    if a.self_test:
        return self_test()
    with serve(a.dir, a.bind, a.port, a.quiet) as httpd:
        print(f"serving {a.dir}/ at http://{a.bind}:{a.port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
