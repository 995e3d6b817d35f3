#!/usr/bin/env python3
"""Write a Markdown section into a results file, between `<!-- NAME -->` and `<!-- /NAME -->`,
replacing the section of that name if the file has one and appending it otherwise.

Usage: results_section.py FILE NAME < SECTION    (or, from Python: write(FILE, NAME, TEXT))
"""
import os
import sys


def write(path, name, section):
    opening, closing = "<!-- %s -->" % name, "<!-- /%s -->" % name
    text = open(path).read() if os.path.exists(path) else "# Secrets benchmark results\n"
    block = opening + "\n" + section.rstrip("\n") + "\n" + closing + "\n"
    if opening in text and closing in text:
        start = text.index(opening)
        end = text.index(closing) + len(closing + "\n")
        text = text[:start] + block + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    with open(path, "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    write(sys.argv[1], sys.argv[2], sys.stdin.read())
