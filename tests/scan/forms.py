#!/usr/bin/python3
# forms.py BASE COOKIE EXCLUDE PATH...: every form of the pages PATH, as
# sqlmap targets, one a line: METHOD <tab> URL <tab> DATA <tab> PAGE.
# Each field has the value a browser would send (the selected option,
# the checked radio, the text of a textarea, no unchecked box, the
# primary button's value); an empty text field gets a plausible value,
# so that the form's first answer is its usual one.
# Forms whose action matches the regular expression EXCLUDE are left out
# (those that end the session or destroy what the scan works on); a form
# of the same route and fields as one before (another request's, another
# page's) is given once.
import re
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

# empty fields, by a part of their name
FILL = {"email": "scan.contact@example.com", "secondary": "colleague@example.com",
	"phone": "+48 22 555 0100", "number": "4242 4242 4242 4242", "expiry": "04/40",
	"cvc": "737"}


class Forms(HTMLParser):
	def __init__(self):
		super().__init__()
		self.forms, self.form, self.select, self.text = [], None, None, None
		self.option = None

	def option_end(self):
		# an option's value is its text when it has no value attribute
		o, self.option = self.option, None
		if o is None or self.select is None:
			return
		v = o["value"] if o["value"] is not None else o["text"].strip()
		if o["selected"] or (self.select[1] in (None, "") and v):
			self.select[1] = v

	def handle_starttag(self, tag, attrs):
		a = dict(attrs)
		if tag == "form":
			self.form = {"method": (a.get("method") or "get").upper(),
				"action": a.get("action") or "", "fields": [], "radios": {}}
			self.forms.append(self.form)
		if self.form is None or tag not in ("input", "select", "option", "textarea", "button"):
			return
		f, name = self.form, a.get("name")
		if tag == "input" and name:
			kind = (a.get("type") or "text").lower()
			if kind in ("submit", "file", "image", "reset"):
				return
			if kind == "radio":
				# the checked one, else the first
				if name not in f["radios"] or "checked" in a:
					f["radios"][name] = a.get("value", "on")
				return
			if kind == "checkbox" and "checked" not in a:
				return
			f["fields"].append([name, a.get("value", "on" if kind == "checkbox" else "")])
		elif tag == "button" and name and "value" in a:
			# one value for the buttons of a name: the primary one's
			have = [x for x in f["fields"] if x[0] == name]
			if not have:
				f["fields"].append([name, a["value"]])
			elif "primary" in (a.get("class") or ""):
				have[0][1] = a["value"]
		elif tag == "select" and name:
			self.select = [name, None]
			f["fields"].append(self.select)
		elif tag == "option" and self.select is not None:
			self.option_end()
			self.option = {"value": a.get("value"), "selected": "selected" in a, "text": ""}
		elif tag == "textarea" and name:
			self.text = [name, ""]
			f["fields"].append(self.text)

	def handle_endtag(self, tag):
		if tag == "option":
			self.option_end()
		elif tag == "select":
			self.option_end()
			if self.select is not None and self.select[1] is None:
				self.select[1] = ""
			self.select = None
		elif tag == "textarea":
			self.text = None
		elif tag == "form":
			self.form = None

	def handle_data(self, data):
		if self.text is not None:
			self.text[1] += data
		if self.option is not None:
			self.option["text"] += data


def fill(name, value):
	if value:
		return value
	for k, v in FILL.items():
		if k in name:
			return v
	return "text"


def main():
	base, cookie, exclude = sys.argv[1:4]
	seen, status = set(), 0
	for path in sys.argv[4:]:
		page = base + path
		req = urllib.request.Request(page, headers={"Cookie": cookie} if cookie else {})
		p = Forms()
		try:
			p.feed(urllib.request.urlopen(req).read().decode("utf-8", "replace"))
		except OSError as e:
			print("forms.py:", path, e, file=sys.stderr)
			status = 1
			continue
		for f in p.forms:
			url = urllib.parse.urljoin(page, f["action"])
			if re.search(exclude, urllib.parse.urlparse(url).path):
				continue
			fields = f["fields"] + [[n, v] for n, v in f["radios"].items()]
			fields = [[n, fill(n, v)] for n, v in fields if n != "csrf"] + \
				[[n, v] for n, v in f["fields"] if n == "csrf"]
			route = re.sub(r"/[0-9]+(?=/|$)", "/:id", urllib.parse.urlparse(url).path)
			key = (f["method"], route, tuple(sorted(n for n, _ in fields)))
			if key in seen:
				continue
			seen.add(key)
			data = urllib.parse.urlencode([tuple(x) for x in fields])
			if f["method"] == "GET":
				url, data = url + "?" + data, ""
			print("\t".join((f["method"], url, data, page)))
	return status


sys.exit(main())
