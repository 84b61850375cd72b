"""Rewrites the file tables of compat-vectors/README.md from the recorded files' headers.

Usage: /usr/bin/python3 index.py    (replaces the text between the index markers)
"""

import collections
import glob
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
README = os.path.join(ROOT, "README.md")


def header_and_rows(path):
    header, rows = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("#"):
                name, _, value = line[1:].strip().partition("=")
                header[name.strip()] = value.strip()
            elif line:
                rows.append(line.split("\t"))
    return header, rows


def escape(text):
    return text.replace("|", "\\|")


def table(paths):
    out = ["| file | peer and settings | hashring configuration | servers | stored | keys per server |",
           "| --- | --- | --- | --- | --- | --- |"]
    for path in paths:
        header, rows = header_and_rows(path)
        servers = header["servers"].split(",")
        counts = collections.Counter(address for _, address in rows)

        def address(spec):
            host_port = spec.split(" ")[0]
            if host_port.startswith("["):
                end = host_port.index("]")
                return host_port[:end + 1] + ":" + host_port[end + 2:].split(":")[0]
            return ":".join(host_port.split(":")[:2])

        spread = "/".join(str(counts.get(address(s), 0)) for s in servers)
        keys = header.get("keys", "")
        total = keys.split(":")[1].split(",")[0].strip() if ":" in keys else "?"
        out.append("| %s | %s | %s | %d | %d of %s | %s |" % (
            os.path.relpath(path, ROOT), escape(header["peer"]),
            "`%s`" % header["hashring"] if "hashring" in header else "none",
            len(servers), len(rows), total.split()[0], spread))
    return "\n".join(out)


def main():
    main_files = sorted(glob.glob(os.path.join(ROOT, "*.tsv")))
    findings = sorted(glob.glob(os.path.join(ROOT, "findings", "*.tsv")))
    text = open(README, encoding="utf-8").read()
    for marker, paths in (("index", main_files), ("findings", findings)):
        begin, end = "<!-- %s:begin -->" % marker, "<!-- %s:end -->" % marker
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = head + begin + "\n" + table(paths) + "\n" + end + tail
    with open(README, "w", encoding="utf-8") as f:
        f.write(text)
    print("%d files, %d findings files" % (len(main_files), len(findings)))


if __name__ == "__main__":
    main()
