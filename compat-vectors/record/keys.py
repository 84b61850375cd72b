"""The keys every recording stores: deterministic from a seed, the same generator for every file.

A key set is 300 distinct memcached keys of these kinds (counts per set):

  40  short ASCII words                     apple, zebra7
  60  structured keys                        user:1234, session:9f2c..., cart{77}, v2|t|9
  60  random printable ASCII, 2-64 bytes     any of 0x21-0x7e
  20  numbers                                0, -17, 3.25, 0x1f, 1e9
  80  non-ASCII UTF-8                        Cyrillic, Greek, CJK, accented Latin, emoji, mixed
  10  1-byte keys                            a single character from 0x21-0x7e
  20  keys of exactly 250 UTF-8 bytes        ASCII, 2-, 3- and 4-byte characters, mixed
  10  long keys of 100-249 bytes             ASCII and mixed

Every key is valid for the memcached text protocol: 1 to 250 bytes of UTF-8, no space, no
control character, no DEL. No key starts with '#', because a line starting with '#' is a
comment in the vector files. No key contains a tab, CR or LF (the file format is line based).

The random source is SplitMix64 (Steele, Lea, Flood 2014), written out here so that the keys
do not depend on the Python version; `Rng.below(n)` is `next() % n`.
"""

MASK64 = (1 << 64) - 1
MAX_KEY_BYTES = 250


class Rng:
    """SplitMix64."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def pick(self, items):
        return items[self.below(len(items))]

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


WORDS = (
    "apple beat carrot daikon eggplant flower grape hazelnut ice jackfruit kiwi lemon mango "
    "nectarine orange papaya quince raspberry strawberry tomato ugli vanilla watermelon xigua "
    "yam zucchini foo bar baz qux quux corge grault garply waldo fred plugh xyzzy thud alpha "
    "beta gamma delta epsilon zeta eta theta iota kappa lambda omicron sigma omega cache key "
    "value server ring node shard slot bucket token session user cart order invoice product "
    "price stock config feature flag counter lock queue job task event metric log trace span "
    "the quick brown fox jumps over lazy dog memcached ketama modula dalli twemproxy libketama"
).split()

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
GREEK = "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
CJK = "日本語中文漢字東京大阪北京上海香港台北首尔한국어서울ひらがなカタカナ的一是不了人我在有他这为之大来以个中上们"
LATIN_ACCENTED = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ"
EMOJI = ["😀", "🎉", "🚀", "👍", "👍🏽", "🔥", "💾", "🧊", "🇩🇪", "🇯🇵", "❤️", "☕", "🐘", "🦀", "👩‍💻", "🍣"]
CYRILLIC_WORDS = ["москва", "ключ", "значение", "пользователь", "сессия", "кэш", "сервер", "привет",
                  "Россия", "Київ", "ёжик", "щука"]
ACCENTED_WORDS = ["café", "naïve", "Zürich", "SãoPaulo", "façade", "crème-brûlée", "Ærøskøbing",
                  "smörgåsbord", "piñata", "Łódź", "Dvořák", "São_Tomé"]
CJK_WORDS = ["日本語", "東京", "中文", "漢字", "北京", "缓存", "服务器", "キャッシュ", "サーバー",
             "한국어", "서울", "键值"]
OTHER_SCRIPTS = ["Ελληνικά", "שלום", "مرحبا", "नमस्ते", "ภาษาไทย", "Հայերեն", "ქართული", "Ωμέγα"]

PRINTABLE = [chr(c) for c in range(0x21, 0x7F)]
NOT_FIRST = "#"
HEX = "0123456789abcdef"


def utf8_len(text):
    return len(text.encode("utf-8"))


def random_ascii(rng, length):
    chars = [rng.pick(PRINTABLE) for _ in range(length)]
    while chars[0] in NOT_FIRST:
        chars[0] = rng.pick(PRINTABLE)
    return "".join(chars)


def word(rng):
    w = rng.pick(WORDS)
    return w + str(rng.below(10)) if rng.below(4) == 0 else w


def structured(rng):
    n = rng.below(1_000_000)
    kind = rng.below(12)
    if kind == 0:
        return "user:%d" % n
    if kind == 1:
        return "session:" + "".join(rng.pick(HEX) for _ in range(16 + rng.below(17)))
    if kind == 2:
        return "obj:%d" % rng.below(1 << 32)
    if kind == 3:
        return "feed:%d:page:%d" % (n, rng.below(50))
    if kind == 4:
        return "cart{%d}" % rng.below(1000)
    if kind == 5:
        return "v2|tenant-%d|%s" % (rng.below(100), rng.pick(WORDS))
    if kind == 6:
        return "/api/v1/%s/%d" % (rng.pick(WORDS), n)
    if kind == 7:
        return "rate:10.%d.%d.%d" % (rng.below(256), rng.below(256), rng.below(256))
    if kind == 8:
        return "%s_%s_%d" % (rng.pick(WORDS).upper(), rng.pick(WORDS), n)
    if kind == 9:
        return "u:%d:profile" % n
    if kind == 10:
        return "product-%06d" % n
    return "%s.%s@example.com" % (rng.pick(WORDS), rng.pick(WORDS))


def number(rng):
    kind = rng.below(6)
    if kind == 0:
        return str(rng.below(10))
    if kind == 1:
        return str(rng.below(1 << 32))
    if kind == 2:
        return "-%d" % (1 + rng.below(100000))
    if kind == 3:
        return "%d.%02d" % (rng.below(1000), rng.below(100))
    if kind == 4:
        return "0x%x" % rng.below(1 << 32)
    return "%de%d" % (1 + rng.below(9), rng.below(30))


def non_ascii(rng):
    kind = rng.below(9)
    if kind == 0:
        return rng.pick(CYRILLIC_WORDS) + ":" + random_ascii(rng, 1 + rng.below(8))
    if kind == 1:
        return "".join(rng.pick(CYRILLIC) for _ in range(1 + rng.below(12)))
    if kind == 2:
        return rng.pick(CJK_WORDS) + str(rng.below(1000))
    if kind == 3:
        return "".join(rng.pick(CJK) for _ in range(1 + rng.below(10)))
    if kind == 4:
        return rng.pick(ACCENTED_WORDS) + "-" + str(rng.below(100))
    if kind == 5:
        return "".join(rng.pick(LATIN_ACCENTED) for _ in range(1 + rng.below(10)))
    if kind == 6:
        return "".join(rng.pick(EMOJI) for _ in range(1 + rng.below(4)))
    if kind == 7:
        return "user:" + rng.pick(EMOJI) + ":" + str(rng.below(10000))
    return rng.pick(OTHER_SCRIPTS) + rng.pick(["", ":", "/", "_"]) + rng.pick(GREEK + CYRILLIC)


def fill_to(rng, alphabet, size):
    """A key of exactly `size` UTF-8 bytes: characters from `alphabet`, ASCII to pad."""
    chars = []
    used = 0
    while True:
        c = rng.pick(alphabet)
        n = utf8_len(c)
        if used + n > size:
            break
        chars.append(c)
        used += n
    while used < size:
        chars.append(rng.pick(PRINTABLE))
        used += 1
    text = "".join(chars)
    if text[0] in NOT_FIRST:
        text = "x" + text[1:]
    return text


MIXED = PRINTABLE + list(CYRILLIC) + list(CJK) + list(LATIN_ACCENTED) + [e for e in EMOJI if len(e) == 1]


def exact_250(rng):
    alphabet = rng.pick([PRINTABLE, list(CYRILLIC), list(CJK), [e for e in EMOJI if len(e) == 1],
                         list(LATIN_ACCENTED), MIXED])
    return fill_to(rng, alphabet, MAX_KEY_BYTES)


def long_key(rng):
    size = 100 + rng.below(MAX_KEY_BYTES - 100)
    return fill_to(rng, rng.pick([PRINTABLE, MIXED]), size)


PLAN = (
    (40, word),
    (60, structured),
    (60, lambda rng: random_ascii(rng, 2 + rng.below(63))),
    (20, number),
    (80, non_ascii),
    (10, lambda rng: random_ascii(rng, 1)),
    (20, exact_250),
    (10, long_key),
)


def valid(key):
    data = key.encode("utf-8")
    return (0 < len(data) <= MAX_KEY_BYTES and not key.startswith("#")
            and all(b > 0x20 and b != 0x7F for b in data))


def generate(seed, count=300):
    """The key set for `seed`: `count` distinct valid keys (300 by default), shuffled."""
    rng = Rng(seed)
    total = sum(n for n, _ in PLAN)
    keys = []
    seen = set()
    for n, make in PLAN:
        made = 0
        while made < n * count // total:
            key = make(rng)
            if key in seen or not valid(key):
                continue
            seen.add(key)
            keys.append(key)
            made += 1
    while len(keys) < count:
        key = word(rng) + str(rng.below(1 << 20))
        if key not in seen:
            seen.add(key)
            keys.append(key)
    rng.shuffle(keys)
    return keys


def overlong(seed, count=40):
    """Keys longer than 250 UTF-8 bytes, for the clients that shorten or refuse them: ASCII of
    251-400 characters, 2- and 3-byte characters with more than 250 bytes but at most 250
    characters, and more than 250 characters of 2-byte text. Same rules otherwise."""
    rng = Rng(seed)
    kinds = (
        lambda: random_ascii(rng, 251 + rng.below(150)),
        lambda: "".join(rng.pick(CYRILLIC) for _ in range(126 + rng.below(125))),
        lambda: "".join(rng.pick(CJK) for _ in range(84 + rng.below(167))),
        lambda: "".join(rng.pick(CYRILLIC) for _ in range(251 + rng.below(50))),
    )
    keys = []
    while len(keys) < count:
        key = kinds[len(keys) % len(kinds)]()
        if key not in keys and not key.startswith("#"):
            keys.append(key)
    return keys


if __name__ == "__main__":
    import sys

    for k in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
        print(k)
