#!/usr/bin/python3
"""Reads Atom feeds of a running server with feedparser (Debian python3-feedparser) and fails on any bozo error.

Usage: feeds.py BASE PATH... ; prints one line per feed: path, number of entries, first entry title.
"""
import sys
import urllib.request

import feedparser

base = sys.argv[1]
failed = False
for path in sys.argv[2:]:
    with urllib.request.urlopen(base + path) as r:
        body = r.read()
    feed = feedparser.parse(body, response_headers={"content-type": "application/atom+xml; charset=utf-8",
                                                    "content-location": base + path})
    if feed.bozo:
        print(f"{path}: bozo: {feed.bozo_exception}")
        failed = True
        continue
    if feed.version != "atom10":
        print(f"{path}: not Atom 1.0 but {feed.version!r}")
        failed = True
        continue
    first = feed.entries[0].title if feed.entries else "-"
    print(f"{path}\t{len(feed.entries)}\t{first}")
sys.exit(1 if failed else 0)
