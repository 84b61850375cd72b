"""Records placements from the real memcached clients into compat-vectors/*.tsv.

Usage: /usr/bin/python3 record.py [--out DIR] [NAME_SUBSTRING ...]

For each recording of plan.py: start fresh memcached processes on loopback, let the real client
store every key (value "id:<index>"), ask each server directly which keys it holds
(`lru_crawler metadump all`, then `get` of each key), and write key<TAB>host:port.
Only recordings whose file name contains one of the substrings run when some are given.
"""

import argparse
import collections
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import keys as keygen  # noqa: E402
import peers  # noqa: E402
import plan  # noqa: E402
from servers import Memcacheds, Spec, read_back  # noqa: E402

GENERATOR = "compat-vectors/record/keys.py"


class Recording:
    """One file: the servers as the client is given them, how the client is set up, and the
    hashring configuration that must reproduce it (None when no configuration can)."""

    def __init__(self, file, servers, hashring, peer, store, folder="", note=None, seed=None,
                 key_set="generate", transforms_keys=False):
        self.file = file
        self.servers = servers
        self.hashring = hashring
        self.peer = peer
        self.store = store
        self.folder = folder
        self.note = note
        self.seed = seed if seed is not None else zlib.crc32(file.encode("utf-8"))
        self.key_set = key_set
        self.transforms_keys = transforms_keys

    @property
    def path(self):
        return os.path.join(self.folder, self.file) if self.folder else self.file

    def keys(self, results):
        if self.key_set == "overlong":
            return keygen.generate(self.seed, 40) + keygen.overlong(self.seed)
        if self.key_set.startswith("stored:"):
            # the keys exactly as another recording's client stored them (same order)
            other = results[self.key_set[len("stored:"):]]
            return [other.stored_as.get(k, k.encode("utf-8")).decode("utf-8")
                    for k in other.keys if k in other.placements]
        return keygen.generate(self.seed)


class Result:
    def __init__(self, recording, keys, statuses, effective, placements, stored_as, specs):
        self.recording = recording
        self.keys = keys
        self.statuses = statuses
        self.effective = effective
        self.placements = placements  # key -> spec
        self.stored_as = stored_as  # key -> stored key bytes, where it differs
        self.specs = specs

    def refused(self):
        return collections.Counter(
            s.split(" ", 1)[1] for s in self.statuses if s != "STORED")

    def spread(self):
        counts = collections.Counter(spec.address for spec in self.placements.values())
        return "/".join(str(counts.get(spec.address, 0)) for spec in self.specs)


def run(recording, results):
    specs = [Spec(text) for text in recording.servers]
    keys = recording.keys(results)
    with Memcacheds(specs):
        statuses, effective = recording.store(specs, keys)
        held = read_back(specs)
    by_id = {}
    for stored_key, (spec, value) in held.items():
        if not value.startswith(b"id:"):
            raise RuntimeError("%s: unexpected value %r under %r" % (recording.file, value, stored_key))
        index = int(value[3:])
        if index in by_id:
            raise RuntimeError("%s: key %d stored twice" % (recording.file, index))
        by_id[index] = (stored_key, spec)
    placements = {}
    stored_as = {}
    for index, key in enumerate(keys):
        stored = statuses[index] == "STORED"
        if stored != (index in by_id):
            raise RuntimeError("%s: client says %r for %r but the servers %s it" % (
                recording.file, statuses[index], key, "hold" if index in by_id else "lack"))
        if not stored:
            continue
        stored_key, spec = by_id[index]
        if stored_key != key.encode("utf-8"):
            if not recording.transforms_keys:
                raise RuntimeError("%s: %r was stored as %r" % (recording.file, key, stored_key))
            stored_as[key] = stored_key
        placements[key] = spec
    return Result(recording, keys, statuses, effective, placements, stored_as, specs)


def write(result, out):
    recording = result.recording
    path = os.path.join(out, recording.path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    refused = result.refused()
    lines = ["# peer=" + recording.peer, "# servers=" + ",".join(recording.servers)]
    if recording.hashring:
        lines.append("# hashring=" + recording.hashring)
    lines.append("# effective=" + result.effective)
    keys_line = "# keys=%s seed=%d: %d keys, %d stored" % (
        GENERATOR, recording.seed, len(result.keys), len(result.placements))
    if recording.key_set == "overlong":
        keys_line += " (generate(seed, 40) + overlong(seed))"
    elif recording.key_set.startswith("stored:"):
        keys_line = "# keys=the stored form of the keys of %s: %d keys, %d stored" % (
            recording.key_set[len("stored:"):], len(result.keys), len(result.placements))
    if refused:
        keys_line += "; refused: " + "; ".join("%d %s" % (n, why) for why, n in sorted(refused.items()))
    lines.append(keys_line)
    if recording.note:
        lines.append("# note=" + recording.note)
    for key in result.keys:
        if key in result.placements:
            lines.append("%s\t%s" % (key, result.placements[key].address))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.dirname(HERE))
    parser.add_argument("only", nargs="*")
    args = parser.parse_args()
    peers.build_lmc_store()
    versions = peers.versions()
    recordings = plan.recordings(versions, Recording)
    names = [r.path for r in recordings]
    duplicates = [n for n, c in collections.Counter(names).items() if c > 1]
    if duplicates:
        sys.exit("duplicate file names: %s" % duplicates)
    results = {}
    for recording in recordings:
        if args.only and not any(s in recording.path for s in args.only):
            continue
        result = run(recording, results)
        write(result, args.out)
        results[recording.path] = result
        refused = sum(result.refused().values())
        print("%-62s %3d keys  spread %s%s" % (
            recording.path, len(result.placements), result.spread(),
            "  refused %d" % refused if refused else ""), flush=True)
        for key, stored in list(result.stored_as.items())[:3]:
            print("    %r stored as %r" % (key[:40], stored[:80]))
    for first, second, expectation in plan.comparisons():
        if first in results and second in results:
            print(compare(results[first], results[second], expectation))


def compare(a, b, expectation):
    """How many keys two recordings place on the same server address, key by key in list
    order (the second may hold the stored form of the first one's keys)."""
    a_keys = [k for k in a.keys if k in a.placements] if len(a.keys) != len(b.keys) else a.keys
    pairs = [(a.placements.get(x), b.placements.get(y)) for x, y in zip(a_keys, b.keys)]
    both = [(p, q) for p, q in pairs if p is not None and q is not None]
    same = [(p, q) for p, q in both if p.address == q.address]
    verdict = "identical" if len(same) == len(both) else "differ on %d of %d" % (
        len(both) - len(same), len(both))
    return "compare %s vs %s: %s (expected %s)" % (
        a.recording.path, b.recording.path, verdict, expectation)


if __name__ == "__main__":
    main()
