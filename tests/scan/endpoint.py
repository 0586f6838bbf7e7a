#!/usr/bin/python3
# endpoint.py PORT LOG: the endpoint of wapiti's ssrf module on this
# machine, in place of wapiti3.ovh.  The module injects URLs of the form
# /ssrf/SESSION/PATH-ID/HEX-PARAMETER/ and at its end asks
# /get_ssrf.php?id=SESSION which of them the target fetched.  Each
# request is logged to LOG.
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

hits = {}


class Endpoint(BaseHTTPRequestHandler):
	def answer(self):
		u = urlparse(self.path)
		with open(sys.argv[2], "a") as log:
			print(self.client_address[0], self.command, self.path, file=log)
		parts = u.path.strip("/").split("/")
		if parts[0] == "ssrf" and len(parts) >= 4:
			hits.setdefault(parts[1], {}).setdefault(parts[2], {}).setdefault(parts[3], []).append({
				"url": self.path, "ip": self.client_address[0], "method": self.command,
				"date": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())})
			body = b"ok"
		elif parts[0] == "get_ssrf.php":
			body = json.dumps(hits.get(parse_qs(u.query).get("id", [""])[0], {})).encode()
		else:
			body = b""
		self.send_response(200)
		self.send_header("Content-Type", "application/json")
		self.send_header("Content-Length", str(len(body)))
		self.end_headers()
		if self.command != "HEAD":
			self.wfile.write(body)

	do_GET = do_POST = do_HEAD = do_PUT = answer

	def log_message(self, *args):
		pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Endpoint).serve_forever()
