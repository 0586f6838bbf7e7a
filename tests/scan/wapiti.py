#!/usr/bin/python3
# wapiti.py ARGS...: Debian's wapiti 3.0.4 as packaged, with two of its
# functions corrected for this scan:
#  - its -x patterns are compiled with the flags at the end ("\Z(?ms)"),
#    which Python 3.11 refuses: the same pattern, the flags in front;
#  - a multipart form's text fields are sent as file parts (requests
#    names each part after its field), which no browser does and which
#    the portal rightly takes for files, so that every multipart form
#    fails its token check: text fields as plain parts, files as files.
import re
import sys

import wapitiCore.net.crawler as crawler
from wapitiCore.main.wapiti import wapiti_main


def wildcard_translate(pattern):
	return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate
packaged_post = crawler.Crawler.post


def post(self, form, *args, **kwargs):
	if not form.is_multipart:
		return packaged_post(self, form, *args, **kwargs)
	session_post = self._session.post

	def plain_fields(url, files=None, **kw):
		files = [(n, (None, v) if isinstance(v, str) else v) for n, v in files or []]
		return session_post(url, files=files, **kw)
	self._session.post = plain_fields
	try:
		return packaged_post(self, form, *args, **kwargs)
	finally:
		del self._session.post


crawler.Crawler.post = post
sys.argv[0] = "wapiti"
wapiti_main()
