#!/usr/bin/env python3
"""Differential testing against the Velocity 1.7 oracle: generates random templates from
small grammars, renders each with ../shared/oracle/render --aws (batch mode, one JVM) and with
vtl, and prints every case whose output or failure differs.

    Fuzz/Differential/oracle-diff.py --vtl .build/debug/vtl strings 300
    Fuzz/Differential/oracle-diff.py --vtl .build/debug/vtl --seed 7 numbers 300

Kinds: strings (String methods and regexes on non-ASCII text), numbers (arithmetic and
comparison across Java number types), paths ($input.json/$input.path over a body with
non-ASCII keys), bodies (odd JSON bodies, json-smart's permissive spellings included,
through $input and $util.parseJson), util (each $util function on text full of what escaping
gets wrong), collections (List and Map methods and printing, with values of every
kind), directives (loops, $foreach, #break, macros, #define and #evaluate run together), text (directives, comments, escapes and whitespace run together).
A development tool: the tests never need the oracle; a real difference found here becomes a
fixture with the oracle's output (Fixtures/README.md). Known differences are listed in
Fuzz/README.md ("Differential testing").
"""
import argparse, json, os, random, subprocess, sys, tempfile

ORACLE = os.environ.get("VTL_ORACLE") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "oracle", "render")

STRINGS = ["é", "e\u0301", "ΟΔΟΣ", "a😀b", "Straße", "İı", " \u00a0x\u2003 ", "٣4", "K\u212a", "a,b,,", "", "A_b-c",
           "ǅ", "Ⅻ", "ﬀi", "σς", "a\tb\nc", "x.y*z", "ß"]
REGEXES = ["\\w+", "\\s", ".", "[a-z]", "\\p{L}", "\\b", "^.", ".$", "", "é", "\\d", "\\W", "[^a]", "(.)", "\\p{Lu}",
           "[\\p{L}&&[^a]]", "\\S+", "\\X", "[[:alpha:]]", "\\p{Alpha}"]
METHODS = ["length()", "toUpperCase()", "toLowerCase()", "trim()", "charAt(I)", "substring(I)", "indexOf(S)", "lastIndexOf(S)",
           "contains(S)", "startsWith(S)", "endsWith(S)", "equals(S)", "equalsIgnoreCase(S)", "compareTo(S)", "replace(S, S)",
           "replaceAll(R, S)", "replaceFirst(R, S)", "matches(R)", "concat(S)", "isEmpty()", "hashCode()", "split(R).size()"]
NUMBERS = ["0", "1", "-1", "2147483647", "-2147483648", "9223372036854775807", "3", "7", "0.5", "1.0", "-0.0", "1e3", "2.5E-3", "3.14159"]
TEXT_ATOMS = ["#set($a = 1)", "#if($a)", "#if(false)", "#else", "#elseif(true)", "#end", "#foreach($i in [1..2])", "$i", "$a",
              "$!b", "${a}", "x", " ", "  ", "\n", "\t", "## c\n", "#* b *#", "#break", "\\$a", "\\#end", "#{end}", "#{else}",
              "$a.b", "#stop", "\r\n", "#define($d)z#end", "$d", "#set($a = $a + 1)", "#[[raw $a]]#", "$foreach.count"]
BODY = {"store": {"book": [{"cat": "ref", "author": "Nigel", "price": 8.95}, {"cat": "fic", "author": "Évelyn", "price": 12.99, "isbn": "0-553"},
        {"cat": "fic", "author": "Herman", "price": 8.99, "tags": ["a", "b"]}], "é": {"e\u0301": 1, "k": [1, 2, 3, 4, 5]}},
        "n": None, "arr": [[1, 2], [3], []], "lone": "x"}
PATHS = ["$", "$.store.book[-1]", "$..author", "$..price", "$.store.*", "$.store.book[:2].author", "$.store.book[?(@.price < 10)].author",
         "$.store.book[?(@.isbn)].author", "$.store.book[?(@.author =~ /.*n/)].author", "$['store']['é']['e\u0301']", "$.store.é.k[-2:]",
         "$.arr[*][0]", "$.n", "$.missing", "$..k[?(@ > 2)]", "$.store.book[*]['author','price']", "$..[0]",
         "$.store.book[?(@.author in ['Nigel','Herman'])].price"]


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def single(text):
    return "'" + text.replace("'", "''") + "'"


def strings_case(rng):
    lines = []
    for _ in range(4):
        method = rng.choice(METHODS)
        while "S" in method: method = method.replace("S", quoted(rng.choice(STRINGS)), 1)
        while "R" in method: method = method.replace("R", single(rng.choice(REGEXES)), 1)
        while "I" in method: method = method.replace("I", rng.choice(["0", "1", "2", "-1", "3"]), 1)
        lines.append(f"#set($v = {quoted(rng.choice(STRINGS))})[$v.{method}]")
    lines.append(f"#set($a = {quoted(rng.choice(STRINGS))})#set($b = {quoted(rng.choice(STRINGS))})#if($a == $b)eq#else ne#end")
    return {"template": "\n".join(lines) + "\n"}


def numbers_case(rng):
    def operand():
        roll = rng.random()
        if roll < 0.6: return rng.choice(NUMBERS)
        if roll < 0.8: return rng.choice(["$input.path('$.bd')", "$input.path('$.bd2')", "$input.path('$.big')", "$input.path('$.zero')"])
        return rng.choice(['"1"', '"a"', '""', "$n", "$m", "$list.size()", "true", "$nope"])
    lines = ['#set($n = 5)#set($m = 2.5)#set($list = [1, "b", 3.0])']
    for _ in range(5):
        if rng.random() < 0.6:
            lines.append(f"#set($r = {operand()} {rng.choice('+-*/%')} {operand()})[$r]")
        else:
            lines.append(f"#if({operand()} {rng.choice(['==', '!=', '<', '>', '<=', '>='])} {operand()})[T]#else[F]#end")
    body = '{"bd": 0.30000000000000004, "bd2": -12345678901234567.5, "big": 9223372036854775808, "zero": 0.0000000000000000000}'
    return {"template": "\n".join(lines) + "\n", "body": body}


def paths_case(rng):
    path = rng.choice(PATHS)
    argument = json.dumps(path) if "'" in path else single(path)
    return {"template": f"$input.json({argument})\n$input.path({argument})\n", "body": BODY}


SCALARS = ["0", "-0", "0.0", "-0.0", "1E2", "1e-7", "1.50", "2147483648", "-2147483649", "9223372036854775808",
           "123456789012345678901234", "1.0E400", "1e-400", "0.1e1", "12345678901234567.5", "3.0000000000000000001",
           "true", "false", "null", '"a\\/b"', '"\\u2028x"', '"\\ud83d\\ude00"', '"tab\\tq\\"\'"', '"é\\u0301"',
           '"\\u007f\\u0085\\u2000"', "'single'", "bare", '""', '"<>&="']
KEYS = ['"a"', '"b"', "c", "'d'", '"a.b"', '"é"', '""', '"$"']
BODY_TEMPLATES = ["$input.json('$')", "$input.path('$')", "$input.json('$.a')", "$input.path('$.a')", "$input.path('$.b')",
                  "$input.path('$.*')", "$input.json('$..a')", "$util.escapeJavaScript($input.json('$'))",
                  "$util.parseJson($input.body)", "$util.parseJson($input.json('$'))", "$input.path('$').size()",
                  "#foreach($k in $input.path('$').keySet())$k=$input.path('$').get($k);#end",
                  "#foreach($v in $input.path('$.a'))[$v]#end", "$input.json('$.a[0]')",
                  "$util.urlEncode($input.body)", "$util.base64Encode($input.json('$.b'))", "#if($input.path('$.a'))T#{else}F#end",
                  "$input.path('$.a').get(0)", "$input.path('$')[0]", '"$input.path(\'$.a\')x"', "$input.json('$.a').length()",
                  "$input.path('$.a').toString()", "#if($input.path('$.a') == 1)one#end", "$input.body.length()",
                  "$input.path('$.b').isEmpty()", "$util.escapeJavaScript($input.path('$.a'))"]
ODD_BODIES = ["", "  ", "a=b&c=d", "{a", "[1,2", "x y", "'", '"open', "[]x", "{}{}", "1 2", "\ufeff{}", "{\"a\":1,\"a\":2}",
              "[1,,2]", "{,}", "01", "-", "1.5e", "{\"a\":[1,2]}\n"]


def json_text(rng, depth=0):
    roll = rng.random()
    if depth > 2 or roll < 0.45:
        return rng.choice(SCALARS)
    if roll < 0.7:
        return "[" + ",".join(json_text(rng, depth + 1) for _ in range(rng.randint(0, 3))) + rng.choice(["", "", ","]) + "]"
    pairs = [f"{rng.choice(KEYS)}:{json_text(rng, depth + 1)}" for _ in range(rng.randint(0, 3))]
    return "{" + ",".join(pairs) + "}"


def bodies_case(rng):
    lines = [rng.choice(BODY_TEMPLATES) for _ in range(3)]
    body = rng.choice(ODD_BODIES) if rng.random() < 0.2 else json_text(rng)
    return {"template": "\n".join(f"[{line}]" for line in lines) + "\n", "body": body}


UTIL_PIECES = ["a", " ", "+", "&", "=", "%", "%2", "%zz", "%41", "/", "?", "#", "'", '"', "\\", "\n", "\r", "\t", "\x00", "\x1f",
               "\x7f", "\x85", "\xa0", "é", "\u2028", "\u2029", "😀", "<", ">", "~", "*", "-", "_", ".", "!", "(", ")", "==", "YQ", "Y",
               "\ufeff"]
UTIL_CALLS = ["$util.urlEncode($s)", "$util.urlDecode($s)", "$util.base64Encode($s)", "$util.base64Decode($s)",
              "$util.escapeJavaScript($s)", """$util.escapeJavaScript($s).replaceAll("\\'","'")""", "$util.parseJson($s)",
              "$util.urlDecode($util.urlEncode($s))", "$util.base64Decode($util.base64Encode($s))", "$util.urlEncode($s).length()"]


def util_case(rng):
    text = "".join(rng.choice(UTIL_PIECES) for _ in range(rng.randint(0, 8)))
    lines = [f"[{rng.choice(UTIL_CALLS)}]" for _ in range(3)]
    return {"template": "#set($s = $input.path('$.s'))" + "\n".join(lines) + "\n", "body": {"s": text}}


COLLECTION_VALUES = ["1", "2", "0", "-1", "'a'", "'b'", '"1"', "2.5", "true", "$nope", "[]", "{}", "[1, 'a']", "{'k': 1}", "$l", "$m",
                     "$input.path('$.arr')", "$input.path('$.obj')", "$input.path('$.obj.k')", "$l.size()", "''"]
COLLECTION_OPS = ["$l.add(§)", "$l.add(0, §)", "$l.remove(§)", "$l.set(0, §)", "$l.contains(§)", "$l.indexOf(§)", "$l.get(0)",
                  "$l.isEmpty()", "$l.size()", "$l.subList(0, 1)", "$l.addAll(§)", "$l.clear()", "$l[0]", "$l[-1]",
                  "$m.put(§, §)", "$m.get(§)", "$m.remove(§)", "$m.containsKey(§)", "$m.containsValue(§)", "$m.keySet()", "$m.values()",
                  "$m.entrySet()", "$m.size()", "$m.putAll(§)", "$m.isEmpty()", "$m[§]", "$m.k", "#set($m.k = §)", "#set($l[0] = §)",
                  "#foreach($e in $m.entrySet())$e.key=$e.value;#end", "#foreach($x in $l)$velocityCount:$x,#end", "$l", "$m",
                  "$l.equals(§)", "$m.equals(§)", "$l.toString()"]


def collections_case(rng):
    lines = ["#set($l = [1, 'a', 2.5])#set($m = {'a': 1, 'b': [2]})"]
    for _ in range(rng.randint(2, 6)):
        op = rng.choice(COLLECTION_OPS)
        while "§" in op: op = op.replace("§", rng.choice(COLLECTION_VALUES), 1)
        lines.append(f"[{op}]")
    lines.append("[$l][$m]")
    return {"template": "\n".join(lines) + "\n", "body": {"arr": [1, "x", None, 2.5], "obj": {"k": "v", "n": 3}}}


DIRECTIVE_PARTS = ["#if($foreach.hasNext),#end", "$foreach.index", "$foreach.count", "$velocityCount", "$x", "#break", "#break($foreach)",
                   "#stop", "#set($acc = \"$acc$x\")", "$acc", "#macro(m $a)<$a>#end",
                   "#m($x)", "#m()", "#define($d)[$x]#end", "$d", "#evaluate('$x')", "#evaluate(\"#set($e = 1)\")", "$e", "$foreach.first",
                   "$foreach.last", "$foreach.parent.index", "#set($x = 9)", "$!x", "\n", " ", "text"]


def directive_block(rng, depth):
    items = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if depth < 3 and roll < 0.25:
            iterable = rng.choice(["$items", "[1..3]", "$map.keySet()", "[]", "$map", "$input.path('$.list')", "[$nope]"])
            items.append(f"#foreach($x{depth} in {iterable}){directive_block(rng, depth + 1)}#end" + rng.choice(["", "\n", " "]))
        elif depth < 3 and roll < 0.4:
            condition = rng.choice(["$foreach.hasNext", "$x0 == 2", "$velocityCount > 1", "$foreach.first", "!$foreach.last", "$nope", "$acc"])
            otherwise = f"#else{directive_block(rng, depth + 1)}" if rng.random() < 0.5 else ""
            items.append(f"#if({condition}){directive_block(rng, depth + 1)}{otherwise}#end")
        else:
            items.append(rng.choice(DIRECTIVE_PARTS).replace("$x", f"$x{max(depth - 1, 0)}"))
    return "".join(items)


def directives_case(rng):
    prefix = "#set($items = ['a', 'b', 'c'])#set($map = {'k': 1, 'j': 2})#set($acc = '')"
    return {"template": prefix + directive_block(rng, 0) + "\n", "body": {"list": [1, {"a": 2}, None, "x"]}}


def text_case(rng):
    return {"template": "".join(rng.choice(TEXT_ATOMS) for _ in range(rng.randint(3, 14)))}


KINDS = {"directives": directives_case, "collections": collections_case, "util": util_case, "bodies": bodies_case, "strings": strings_case, "numbers": numbers_case, "paths": paths_case, "text": text_case}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vtl", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("count", type=int)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    cases = [dict(KINDS[options.kind](rng), name=f"{options.kind}-{n}") for n in range(options.count)]
    with tempfile.TemporaryDirectory() as work:
        batch = os.path.join(work, "cases.jsonl")
        with open(batch, "w") as f:
            for case in cases: f.write(json.dumps(case, ensure_ascii=False) + "\n")
        answers = subprocess.run([ORACLE, "--aws", "--cases", batch], capture_output=True, check=True).stdout
        oracle = {entry["name"]: entry for entry in map(json.loads, answers.splitlines())}
        differ = 0
        for case in cases:
            template = os.path.join(work, "t.vm")
            with open(template, "w", newline="") as f: f.write(case["template"])
            command = [options.vtl, "render", "--template", template]
            if "body" in case:
                body = os.path.join(work, "body.json")
                with open(body, "w") as f:
                    if isinstance(case["body"], str): f.write(case["body"])
                    else: json.dump(case["body"], f, ensure_ascii=False)
                command += ["--body", body]
            ours = subprocess.run(command, capture_output=True)
            expected = oracle.get(case["name"], {})
            output = ours.stdout.decode("utf-8", "replace")
            if "output" in expected:
                same = ours.returncode == 0 and output == expected["output"]
            else:
                same = ours.returncode != 0
            if not same:
                differ += 1
                print(f"== {case['name']}\n{case['template']}")
                print("oracle:", repr(expected.get("output", expected.get("error", "")[:300])))
                print("vtl:   ", repr(output) if ours.returncode == 0 else ours.stderr.decode("utf-8", "replace").splitlines()[0])
        print(f"{len(cases)} {options.kind} cases, {differ} differ")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
